// The opt-in draft: with the box ticked, the article text is kept in this browser's local
// storage and restored on the next visit; unticking deletes it. Nothing is stored otherwise.
// (The one other place text is ever put is sessionStorage, for the moment of a reload the
// reader asked for to update the app: see carryOver below.)

const ON = 'stancemap:keep-draft';
const DRAFT = 'stancemap:draft';
const CARRY = 'stancemap:carry-over';
const CARRY_ARTICLES = 'stancemap:carry-over-articles';

function storage(kind) {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

/** True when the reader has asked for a draft to be kept. */
export function draftEnabled() {
  return storage('local')?.getItem(ON) === '1';
}

/** Turns the draft on (saving `text`) or off (deleting whatever was saved). */
export function setDraftEnabled(on, text) {
  const local = storage('local');
  if (!local) return;
  if (on) {
    local.setItem(ON, '1');
    saveDraft(text);
  } else {
    local.removeItem(ON);
    local.removeItem(DRAFT);
  }
}

export function saveDraft(text) {
  if (!draftEnabled()) return;
  try {
    if (text) storage('local').setItem(DRAFT, text);
    else storage('local').removeItem(DRAFT);
  } catch {
    // Over the storage quota (a text of several MB): the draft is simply not kept.
  }
}

export function loadDraft() {
  return draftEnabled() ? storage('local')?.getItem(DRAFT) ?? '' : '';
}

/** Keeps `text` across the one reload an update needs; takeCarryOver() reads and deletes it. */
export function carryOver(text) {
  try {
    if (text) storage('session')?.setItem(CARRY, text);
  } catch {
    // Too large for session storage: the reload will lose nothing the draft does not keep.
  }
}

export function takeCarryOver() {
  const session = storage('session');
  const text = session?.getItem(CARRY) ?? '';
  session?.removeItem(CARRY);
  return text;
}

/**
 * Keeps the article tabs ({articles: [{text, label}], current}) across the same reload, when
 * there is more than one; takeCarriedArticles() reads and deletes them.
 */
export function carryOverArticles(tabs) {
  try {
    if (tabs.articles.length > 1) storage('session')?.setItem(CARRY_ARTICLES, JSON.stringify(tabs));
  } catch {
    // Too large for session storage: the current article is still carried over alone.
  }
}

/** The tabs carried over an update's reload, or null. */
export function takeCarriedArticles() {
  const session = storage('session');
  const json = session?.getItem(CARRY_ARTICLES);
  session?.removeItem(CARRY_ARTICLES);
  try {
    const tabs = JSON.parse(json ?? 'null');
    const valid = Array.isArray(tabs?.articles) && tabs.articles.every((a) => typeof a?.text === 'string' && typeof a?.label === 'string');
    return valid && Number.isInteger(tabs.current) ? tabs : null;
  } catch {
    return null;
  }
}

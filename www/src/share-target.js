// Text shared to the installed app from another app's share sheet. The manifest's share_target
// (vite.config.js) opens the page with the shared title, text and url as query parameters (GET,
// so that the service worker serves the page offline like any other navigation).

/** A text that is a web address and nothing else. */
const ONLY_A_URL = /^\s*https?:\/\/\S+\s*$/i;

/**
 * What was shared to the page at `location`: null when nothing was; {text} with the title and
 * text as one article; {text: null, url} when only an address came, which the app will not
 * fetch (nothing leaves the page): the reader is asked to paste the text.
 */
export function sharedArticle(location) {
  const params = new URLSearchParams(location.search);
  if (!['title', 'text', 'url'].some((name) => params.has(name))) return null;
  const title = params.get('title')?.trim() ?? '';
  let text = params.get('text')?.trim() ?? '';
  let url = params.get('url')?.trim() ?? '';
  // Some share sheets put the address in `text`.
  if (ONLY_A_URL.test(text)) {
    url ||= text;
    text = '';
  }
  if (text === '') return { text: null, url };
  // A title the text already starts with is not repeated.
  const article = title && !text.startsWith(title) ? `${title}\n\n${text}` : text;
  return { text: article, url };
}

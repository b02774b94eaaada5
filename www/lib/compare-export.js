// A comparison of several articles in the forms the single table exports to: a table of one row
// per aligned actor and one column per article (CSV, Markdown, TSV through table-export.js), and
// the comparison object itself as JSON. Cell text is article text: escaped by every format.

import { tableToCSV, tableToMarkdown, tableToTSV } from './table-export.js';

/**
 * The comparison as a table in the shape of the output contract's ComparisonTable: headers are
 * the articles' labels, each row an actor, each cell what that article reports ("stance: claim"
 * joined by "; "), `named` where it names the actor but reports no position, "" where it does
 * not name it. `stanceName` turns a stance into the words to show (default: the contract's).
 */
export function comparisonTable(comparison, { actor = 'Actor', named = () => '', stanceName = (s) => s } = {}) {
  const articles = Array.isArray(comparison?.articles) ? comparison.articles : [];
  const rows = Array.isArray(comparison?.actors) ? comparison.actors : [];
  return {
    aspect_label: actor,
    headers: articles.map((a) => String(a?.label ?? '')),
    rows: rows.map((row) => ({
      aspect: String(row?.name ?? ''),
      cells: articles.map((_, i) => {
        const entry = row?.articles?.[i];
        if (!entry) return '';
        const positions = Array.isArray(entry.positions) ? entry.positions : [];
        if (positions.length === 0) return named(entry.mentions ?? 0);
        return positions.map((p) => `${stanceName(p.stance)}: ${p.text}`).join('; ');
      }),
    })),
  };
}

/** CSV with a byte-order mark, formula-like cells defused (as tableToCSV). */
export function comparisonToCSV(comparison, names) {
  return tableToCSV(comparisonTable(comparison, names));
}

/** A GFM Markdown table, markup escaped (as tableToMarkdown). */
export function comparisonToMarkdown(comparison, names) {
  return tableToMarkdown(comparisonTable(comparison, names));
}

/** Tab-separated lines, for the clipboard. */
export function comparisonToTSV(comparison, names) {
  return tableToTSV(comparisonTable(comparison, names));
}

/** The comparison object (`compare`'s output), as indented JSON. */
export function comparisonToJSON(comparison) {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

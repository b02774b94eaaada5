// The comparison table in the forms a newsroom moves it on in: tab-separated (what a spreadsheet
// takes from the clipboard), CSV, Markdown, JSON, and an HTML table built with DOM calls (for the
// rich clipboard flavour). Cell text is article text: every format escapes it, none runs it.

/** The table as a grid of strings: the header row (aspect label, then actor headers), then the rows. */
export function tableGrid(table, aspectFallback = '') {
  const headers = Array.isArray(table?.headers) ? table.headers : [];
  const rows = Array.isArray(table?.rows) ? table.rows : [];
  const width = Math.max(headers.length, ...rows.map((row) => (Array.isArray(row?.cells) ? row.cells.length : 0)));
  const line = (first, cells) => [text(first), ...Array.from({ length: width }, (_, i) => text(cells?.[i]))];
  return [line(table?.aspect_label ?? aspectFallback, headers), ...rows.map((row) => line(row?.aspect, row?.cells))];
}

function text(value) {
  return value === undefined || value === null ? '' : String(value);
}

/** Tab-separated lines; tabs and line breaks inside a cell become spaces. */
export function tableToTSV(table, aspectFallback) {
  return tableGrid(table, aspectFallback)
    .map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t'))
    .join('\n');
}

/**
 * CSV (RFC 4180, CRLF line ends) with a byte-order mark, so that spreadsheet programs read the
 * Arabic as UTF-8. A cell that a spreadsheet would take for a formula (=, +, -, @ at the start,
 * a known way to smuggle commands through exported text) is prefixed with an apostrophe,
 * unless it is plainly a number such as "-5" or "+3.2%".
 */
export function tableToCSV(table, aspectFallback) {
  const field = (cell) => {
    let value = cell;
    if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d[\d.,]*%?$/.test(value)) value = `'${value}`;
    return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const lines = tableGrid(table, aspectFallback).map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A Markdown (GFM) table. Markdown passes raw HTML through, so the characters that could start
 * markup, links or emphasis are backslash-escaped (CommonMark allows that for any ASCII
 * punctuation), as is the pipe that would end a cell.
 */
export function tableToMarkdown(table, aspectFallback) {
  const cell = (value) => {
    const escaped = value.replace(/[\r\n\t]+/g, ' ').trim().replace(/[\\`*_[\]<>|&!#~]/g, '\\$&');
    return escaped === '' ? ' ' : escaped;
  };
  const [head, ...rows] = tableGrid(table, aspectFallback);
  const line = (row) => `| ${row.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

/** The table object of the output contract, as indented JSON. */
export function tableToJSON(table) {
  const { source, aspect_label: aspectLabel, columns, headers, rows } = table ?? {};
  return `${JSON.stringify({ source, aspect_label: aspectLabel ?? null, columns, headers, rows }, null, 2)}\n`;
}

/**
 * An HTML <table> element for the table, built with createElement and textContent in `doc`, so
 * that its serialisation (outerHTML) escapes every cell.
 */
export function tableToElement(table, aspectFallback, doc = document, dir = 'auto') {
  const [head, ...rows] = tableGrid(table, aspectFallback);
  const element = doc.createElement('table');
  element.setAttribute('dir', dir);
  const thead = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  for (const value of head) {
    const th = doc.createElement('th');
    th.textContent = value;
    headRow.append(th);
  }
  thead.append(headRow);
  const tbody = doc.createElement('tbody');
  for (const row of rows) {
    const tr = doc.createElement('tr');
    row.forEach((value, i) => {
      const cell = doc.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.setAttribute('scope', 'row');
      cell.textContent = value;
      tr.append(cell);
    });
    tbody.append(tr);
  }
  element.append(thead, tbody);
  return element;
}

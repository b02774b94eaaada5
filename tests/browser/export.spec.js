// The comparison table leaves the page as a journalist needs it: copied (as a table for documents,
// tab-separated for spreadsheets) or downloaded as CSV, Markdown and JSON, with article text that
// looks like formulas or markup defused in each format.
import fs from 'node:fs';
import { test, expect, openPage } from './helpers.js';

const TEXT = 'Turkey proposed joint teams. Russia rejected them.';
const ANALYSIS = {
  language: 'en',
  actors: [
    { id: 'a1', name: 'Turkey', kind: 'country', role: null, aliases: [], mentions: [[0, 6]], salience: 1 },
    { id: 'a2', name: 'Russia', kind: 'country', role: null, aliases: [], mentions: [[29, 35]], salience: 1 },
  ],
  positions: [],
  table: {
    source: 'explicit',
    aspect_label: 'Issue',
    columns: ['a1', 'a2'],
    headers: ['Turkey', 'Russia'],
    rows: [
      { aspect: 'Inspections', cells: ['Joint teams, in Istanbul', 'Russian "inspectors" only'] },
      { aspect: 'Formula', cells: ['=HYPERLINK("http://198.51.100.7/x","click")', '-12%'] },
      { aspect: 'Markup', cells: ['<img src=x onerror=alert(1)>', 'a | b'] },
    ],
  },
};

async function showSynthetic(page) {
  await openPage(page);
  await page.evaluate(([text, analysis]) => document.getElementById('results').show(text, analysis), [TEXT, ANALYSIS]);
  await expect(page.locator('table.comparison tbody tr')).toHaveCount(3);
}

async function download(page, buttonName) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#results .export').getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), content: fs.readFileSync(await file.path(), 'utf8') };
}

test('the table downloads as CSV, Markdown and JSON', async ({ page }) => {
  await showSynthetic(page);
  const csv = await download(page, 'CSV');
  expect(csv.name).toBe('stancemap-table.csv');
  expect(csv.content).toBe('\uFEFFIssue,Turkey,Russia\r\n'
    + 'Inspections,"Joint teams, in Istanbul","Russian ""inspectors"" only"\r\n'
    + 'Formula,"\'=HYPERLINK(""http://198.51.100.7/x"",""click"")",-12%\r\n'
    + 'Markup,<img src=x onerror=alert(1)>,a | b\r\n');
  await expect(page.locator('#results .export-status')).toHaveText('Saved stancemap-table.csv.');

  const markdown = await download(page, 'Markdown');
  expect(markdown.name).toBe('stancemap-table.md');
  expect(markdown.content.split('\n')).toEqual([
    '| Issue | Turkey | Russia |',
    '| --- | --- | --- |',
    '| Inspections | Joint teams, in Istanbul | Russian "inspectors" only |',
    '| Formula | =HYPERLINK("http://198.51.100.7/x","click") | -12% |',
    '| Markup | \\<img src=x onerror=alert(1)\\> | a \\| b |',
    '',
  ]);

  const json = await download(page, 'JSON');
  expect(json.name).toBe('stancemap-table.json');
  expect(JSON.parse(json.content)).toEqual(ANALYSIS.table);
});

test('Copy puts the table on the clipboard: tab-separated text and an escaped HTML table', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await showSynthetic(page);
  await page.locator('#results .export').getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('#results .export-status')).toHaveText('Table copied.');
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
    return { plain: await read('text/plain'), html: await read('text/html') };
  });
  expect(clipboard.plain.split('\n')).toEqual([
    'Issue\tTurkey\tRussia',
    'Inspections\tJoint teams, in Istanbul\tRussian "inspectors" only',
    'Formula\t=HYPERLINK("http://198.51.100.7/x","click")\t-12%',
    'Markup\t<img src=x onerror=alert(1)>\ta | b',
  ]);
  expect(clipboard.html).toContain('<th>Turkey</th>');
  expect(clipboard.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(clipboard.html).not.toContain('<img');

  // Pasting that HTML back into the page gives the same table again.
  const pasted = await page.evaluate((html) => {
    const box = document.getElementById('article');
    box.focus();
    const transfer = new DataTransfer();
    transfer.setData('text/html', html);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    return box.value;
  }, clipboard.html);
  expect(pasted).toBe(clipboard.plain);
});

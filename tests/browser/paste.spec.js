// Pasting from a web page or a word processor: an HTML table on the clipboard keeps its rows and
// columns (as tab-separated lines, which the analyser reads as the article's own table), and
// nothing in the pasted HTML runs, loads or becomes part of the page.
import { test, expect, openPage, waitForAnalysis } from './helpers.js';

/** Dispatches a paste of `flavours` ({'text/html': …, 'text/plain': …}) into the article box. */
async function paste(page, flavours) {
  return page.evaluate((data) => {
    const box = document.getElementById('article');
    box.focus();
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    box.dispatchEvent(event);
    return { prevented: event.defaultPrevented, value: box.value };
  }, flavours);
}

// [name, HTML as a browser or word processor puts it on the clipboard, expected text, headers]
const TABLE_PASTES = [
  ['English, from a web page',
    '<meta charset="utf-8"><h2 style="font-size:20px">Leaders split over grain corridor</h2>'
    + '<p style="margin:0">Turkish President Recep Tayyip Erdogan proposed on Tuesday to extend the grain corridor. '
    + 'Russian Foreign Minister Sergei Lavrov rejected the proposal.</p>\n'
    + '<table style="border-collapse:collapse"><thead><tr><th>Issue</th><th>Turkey</th><th>Russia</th></tr></thead>\n<tbody>'
    + '<tr><td>Duration</td><td>Twelve more months</td><td>Until July at most</td></tr>\n'
    + '<tr><td>Inspections</td><td>Joint teams in Istanbul</td><td>Russian inspectors only</td></tr></tbody></table>',
    'Leaders split over grain corridor\n\n'
    + 'Turkish President Recep Tayyip Erdogan proposed on Tuesday to extend the grain corridor. Russian Foreign Minister Sergei Lavrov rejected the proposal.\n\n'
    + 'Issue\tTurkey\tRussia\nDuration\tTwelve more months\tUntil July at most\nInspections\tJoint teams in Istanbul\tRussian inspectors only',
    ['Turkey', 'Russia']],
  ['Arabic, from a word processor',
    '<html><body><!--StartFragment--><p class="MsoNormal" dir="RTL" style="text-align:right">أعلن وزير الخارجية المصري سامح شكري رفض بلاده أي خطوة أحادية، '
    + 'وقال رئيس الوزراء الإثيوبي آبي أحمد إن بلاده لن تتخلى عن حقها في التنمية.</p>'
    + '<table class="MsoTableGrid" dir="rtl" border="1"><tr><td><p class="MsoNormal"><b>الملف</b></p></td><td><p class="MsoNormal"><b>مصر</b></p></td>'
    + '<td><p class="MsoNormal"><b>إثيوبيا</b></p></td></tr><tr><td><p>الملء</p></td><td><p>بعد اتفاق ملزم</p></td><td><p>وفق الجدول الإثيوبي</p></td></tr>'
    + '<tr><td><p>النزاعات</p></td><td><p>تحكيم دولي</p></td><td><p>لجنة فنية مشتركة</p></td></tr></table><!--EndFragment--></body></html>',
    'أعلن وزير الخارجية المصري سامح شكري رفض بلاده أي خطوة أحادية، وقال رئيس الوزراء الإثيوبي آبي أحمد إن بلاده لن تتخلى عن حقها في التنمية.\n\n'
    + 'الملف\tمصر\tإثيوبيا\nالملء\tبعد اتفاق ملزم\tوفق الجدول الإثيوبي\nالنزاعات\tتحكيم دولي\tلجنة فنية مشتركة',
    ['مصر', 'إثيوبيا']],
];

for (const [name, html, expected, headers] of TABLE_PASTES) {
  test(`an HTML table on the clipboard becomes an explicit table (${name})`, async ({ page }) => {
    await openPage(page);
    // What the browser's plain-text flavour of such a selection looks like: cells run together.
    const plain = expected.replace(/\t/g, ' ');
    const pasted = await paste(page, { 'text/html': html, 'text/plain': plain });
    expect(pasted.prevented).toBe(true);
    expect(pasted.value).toBe(expected);
    const analysis = await waitForAnalysis(page, expected);
    expect(analysis.table.source).toBe('explicit');
    expect(analysis.table.headers).toEqual(headers);
    expect(analysis.table.rows).toHaveLength(2);
    await expect(page.locator('table.comparison')).toHaveAttribute('data-source', 'explicit');
    await expect(page.locator('table.comparison tbody tr')).toHaveCount(2);
  });
}

test('a paste with no table is left to the browser', async ({ page }) => {
  await openPage(page);
  const pasted = await paste(page, { 'text/html': '<p>Just <b>a</b> paragraph.</p>', 'text/plain': 'Just a paragraph.' });
  expect(pasted.prevented).toBe(false);
  // A synthetic paste event inserts nothing by itself; the handler did not either.
  expect(pasted.value).toBe('');
});

test('hostile HTML in a pasted table runs nothing, loads nothing and arrives as text', async ({ page, guard }) => {
  await openPage(page);
  const html = '<p>Officials met <img src="http://198.51.100.7/pixel.png" onerror="window.__xss=1">on Monday.'
    + '<script>window.__xss=2</script></p><style>body{display:none}</style>'
    + '<table><tr><th>Issue</th><th onmouseover="window.__xss=3">Turkey</th><th>Russia</th></tr>'
    + '<tr><td>Talks</td><td><svg onload="window.__xss=4"><image href="http://198.51.100.7/s.svg"/></svg>Yes &lt;script&gt;alert(5)&lt;/script&gt;</td>'
    + '<td><a href="javascript:window.__xss=6">No</a> &amp; <iframe src="http://198.51.100.7/frame"></iframe>never</td></tr></table>';
  const pasted = await paste(page, { 'text/html': html, 'text/plain': 'Officials met on Monday.' });
  expect(pasted.prevented).toBe(true);
  expect(pasted.value).toBe('Officials met on Monday.\n\nIssue\tTurkey\tRussia\nTalks\tYes <script>alert(5)</script>\tNo & never');
  await waitForAnalysis(page, pasted.value);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(guard.dialogs).toEqual([]);
  expect(await page.locator('body').isVisible()).toBe(true);
  expect(await page.locator('#results img, #results script, #results svg, #results iframe, #results a').count()).toBe(0);
  await expect(page.locator('.article-text')).toHaveText(pasted.value);
  // The guard also fails the test on any request to 198.51.100.7 and any CSP violation.
});

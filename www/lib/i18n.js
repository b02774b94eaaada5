// Interface strings of <stance-map>. The interface language is that of the element's closest
// ancestor with a lang attribute (Arabic or English, English for anything else); the article's
// own language is independent of it and only sets the direction of article text.

const arabicPlural = new Intl.PluralRules('ar');

/**
 * An Arabic count phrase: Arabic nouns agree with the number in six categories (CLDR): a
 * singular for one, a dual for two, a plural for 3–10 and the singular again from 11.
 */
function arabicCount(n, { one, two, few, many }) {
  switch (arabicPlural.select(n)) {
    case 'one': return one;
    case 'two': return two;
    case 'few': return `${n} ${few}`;
    default: return `${n} ${many}`;
  }
}

const strings = {
  en: {
    actors: 'Actors',
    positions: 'Positions',
    table: 'Comparison',
    article: 'Article with highlighted mentions',
    analysing: 'Analysing…',
    refining: 'Looking for more names…',
    found: (actors, positions) => `Found ${actors === 1 ? '1 actor' : `${actors} actors`} and ${positions === 1 ? '1 position' : `${positions} positions`}.`,
    errors: {
      'too-large': 'This text is too long to analyse here (the limit is 10 MB).',
      crashed: 'The analyser stopped unexpectedly on this text. It has been restarted.',
      timeout: 'The analysis took too long and was stopped.',
      load: 'The analyser could not be loaded.',
      failed: 'The analysis failed.',
      source: 'There is no element to analyse: nothing matches the for attribute.',
    },
    noActors: 'No actors found.',
    noPositions: 'No positions found.',
    noTable: 'No comparison table.',
    aspect: 'Aspect',
    mentions: (n) => (n === 1 ? '1 mention' : `${n} mentions`),
    salience: 'Salience',
    aliases: 'Also:',
    explicit: 'Table from the article',
    derived: 'Table derived from the positions',
    focusActor: 'Show this actor’s mentions and positions',
    showInArticle: 'Show in the article',
    backToPosition: 'Back to the position',
    exportLabel: 'Export the table:',
    copy: 'Copy',
    copied: 'Table copied.',
    copyFailed: 'Copying is not allowed here; use a download instead.',
    downloaded: (name) => `Saved ${name}.`,
    csvTitle: 'Download as CSV (spreadsheets)',
    markdownTitle: 'Download as Markdown',
    jsonTitle: 'Download as JSON',
    copyTitle: 'Copy the table (pastes as a table into documents and spreadsheets)',
    notShown: (n) => `${n} more not shown.`,
    articleCut: (n) => `Only the first ${n.toLocaleString('en')} characters are shown here.`,
    compare: {
      heading: 'Comparison of the articles',
      articles: 'Articles',
      actor: 'Actor',
      absent: 'Not named',
      notQuoted: (n) => `Named (${n === 1 ? '1 mention' : `${n} mentions`}), not quoted`,
      summary: (actors, positions) => `${actors === 1 ? '1 actor' : `${actors} actors`}, ${positions === 1 ? '1 position' : `${positions} positions`}`,
      quotedMost: 'quoted most:',
      quotes: ['“', '”'],
      differences: 'Differences',
      noDifferences: 'No differences found.',
      onlyIn: 'Only named by',
      opposite: 'Opposite stances',
      comparing: 'Comparing…',
      compared: (n, rows) => `${n} articles compared: ${rows === 1 ? '1 actor' : `${rows} actors`}.`,
      needTwo: 'Add at least two articles with text to compare them.',
      showEvidence: 'Show in the article',
      exportLabel: 'Export the comparison:',
      articleLabel: (n) => `Article ${n}`,
      failed: (label) => `The analysis of ${label} failed.`,
    },
    kinds: { person: 'person', country: 'country', organization: 'organisation', group: 'group' },
    stances: {
      supports: 'supports', opposes: 'opposes', proposes: 'proposes', demands: 'demands',
      threatens: 'threatens', warns: 'warns', accuses: 'accuses', rejects: 'rejects',
      agrees: 'agrees', states: 'states',
    },
  },
  ar: {
    actors: 'الفاعلون',
    positions: 'المواقف',
    table: 'المقارنة',
    article: 'المقال مع إبراز الإشارات',
    analysing: 'جارٍ التحليل…',
    refining: 'جارٍ البحث عن أسماء أخرى…',
    found: (actors, positions) => `عُثر على ${arabicCount(actors, { one: 'فاعل واحد', two: 'فاعلَين', few: 'فاعلين', many: 'فاعلًا' })} و${arabicCount(positions, { one: 'موقف واحد', two: 'موقفَين', few: 'مواقف', many: 'موقفًا' })}.`,
    errors: {
      'too-large': 'هذا النص أطول من أن يُحلَّل هنا (الحد الأقصى 10 م.ب).',
      crashed: 'توقف المحلِّل على نحو غير متوقع عند هذا النص، وأُعيد تشغيله.',
      timeout: 'استغرق التحليل وقتًا أطول مما ينبغي فأُوقف.',
      load: 'تعذّر تحميل المحلِّل.',
      failed: 'تعذّر التحليل.',
      source: 'لا يوجد عنصر لتحليله: لا شيء يطابق السمة for.',
    },
    noActors: 'لم يُعثر على فاعلين.',
    noPositions: 'لم يُعثر على مواقف.',
    noTable: 'لا يوجد جدول مقارنة.',
    aspect: 'الجانب',
    mentions: (n) => arabicCount(n, { one: 'إشارة واحدة', two: 'إشارتان', few: 'إشارات', many: 'إشارة' }),
    salience: 'البروز',
    aliases: 'أيضًا:',
    explicit: 'جدول من المقال',
    derived: 'جدول مستخلص من المواقف',
    focusActor: 'إظهار إشارات هذا الفاعل ومواقفه',
    showInArticle: 'إظهار في المقال',
    backToPosition: 'العودة إلى الموقف',
    exportLabel: 'تصدير الجدول:',
    copy: 'نسخ',
    copied: 'نُسخ الجدول.',
    copyFailed: 'النسخ غير مسموح هنا؛ استخدم التنزيل.',
    downloaded: (name) => `حُفظ ${name}.`,
    csvTitle: 'تنزيل بصيغة CSV (جداول البيانات)',
    markdownTitle: 'تنزيل بصيغة Markdown',
    jsonTitle: 'تنزيل بصيغة JSON',
    copyTitle: 'نسخ الجدول (يُلصق جدولًا في المستندات وجداول البيانات)',
    notShown: (n) => `لم يُعرض ${n} غيرها.`,
    articleCut: (n) => `لا يُعرض هنا إلا أول ${n.toLocaleString('ar')} حرف.`,
    compare: {
      heading: 'مقارنة المقالات',
      articles: 'المقالات',
      actor: 'الفاعل',
      absent: 'غير مذكور',
      notQuoted: (n) => `مذكور (${arabicCount(n, { one: 'إشارة واحدة', two: 'إشارتان', few: 'إشارات', many: 'إشارة' })}) دون موقف`,
      summary: (actors, positions) => `${arabicCount(actors, { one: 'فاعل واحد', two: 'فاعلان', few: 'فاعلين', many: 'فاعلًا' })}، ${arabicCount(positions, { one: 'موقف واحد', two: 'موقفان', few: 'مواقف', many: 'موقفًا' })}`,
      quotedMost: 'الأكثر اقتباسًا:',
      quotes: ['«', '»'],
      differences: 'الاختلافات',
      noDifferences: 'لم يُعثر على اختلافات.',
      onlyIn: 'لم يذكره إلا',
      opposite: 'مواقف متعارضة',
      comparing: 'جارٍ المقارنة…',
      compared: (n, rows) => `قورنت ${arabicCount(n, { one: 'مقالة واحدة', two: 'مقالتان', few: 'مقالات', many: 'مقالة' })}: ${arabicCount(rows, { one: 'فاعل واحد', two: 'فاعلان', few: 'فاعلين', many: 'فاعلًا' })}.`,
      needTwo: 'أضف مقالتين على الأقل فيهما نص لمقارنتهما.',
      showEvidence: 'إظهار في المقال',
      exportLabel: 'تصدير المقارنة:',
      articleLabel: (n) => `المقال ${n}`,
      failed: (label) => `تعذّر تحليل ${label}.`,
    },
    kinds: { person: 'شخص', country: 'دولة', organization: 'منظمة', group: 'جماعة' },
    stances: {
      supports: 'يؤيد', opposes: 'يعارض', proposes: 'يقترح', demands: 'يطالب',
      threatens: 'يهدد', warns: 'يحذر', accuses: 'يتهم', rejects: 'يرفض',
      agrees: 'يوافق', states: 'يصرّح',
    },
  },
};

/** The interface language for a list of BCP 47 tags (navigator.languages), 'ar' or 'en'. */
export function pickLocale(tags) {
  for (const tag of tags ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary in strings) return primary;
  }
  return 'en';
}

/** The element's strings for a locale ('ar' or 'en'); English for anything else. */
export function dictionary(locale) {
  return strings[locale] ?? strings.en;
}

/** 'rtl' for Arabic, 'ltr' otherwise. */
export function directionOf(locale) {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * An element's interface language and direction, from the closest ancestor that sets them,
 * like a built-in element: an explicit dir counts unless a closer lang says otherwise.
 */
export function interfaceOf(element) {
  const langHost = element.closest('[lang]');
  const locale = pickLocale([langHost?.getAttribute('lang') || 'en']);
  const dirHost = element.closest('[dir]');
  const dirValue = dirHost?.getAttribute('dir')?.toLowerCase();
  const dirIsCloser = dirHost && (!langHost || langHost.contains(dirHost));
  const dir = dirIsCloser && (dirValue === 'rtl' || dirValue === 'ltr') ? dirValue : directionOf(locale);
  return { locale, dir, t: dictionary(locale) };
}

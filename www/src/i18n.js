// Interface strings. The article's own language is independent of these: the interface follows
// navigator.language, the article text is laid out by dir="auto".

const strings = {
  en: {
    title: 'stancemap',
    tagline: 'Who the actors in a news article are, what each one stands for, side by side.',
    privacy: 'Runs entirely in your browser: the text never leaves this page.',
    skipToResults: 'Skip to results',
    articleLabel: 'Article',
    articleHint: 'Paste or type a news article in Arabic or English.',
    samples: 'Examples:',
    sampleAr: 'Arabic sample',
    sampleEn: 'English sample',
    clear: 'Clear',
    loading: 'Loading the analyser…',
    ready: 'Ready.',
    analysing: 'Analysing…',
    done: (ms, lang) => `Done in ${ms} ms · language: ${lang}`,
    empty: 'Paste an article to begin.',
    tooLarge: (mb) => `This text is ${mb} MB; the limit is 10 MB. Shorten it to analyse it.`,
    failed: (msg) => `The analysis failed: ${msg}`,
    loadFailed: (msg) => `The analyser could not be loaded: ${msg}`,
    version: (v) => `stancemap ${v}`,
    actors: 'Actors',
    positions: 'Positions',
    table: 'Comparison',
    article: 'Article with highlighted mentions',
    noActors: 'No actors found.',
    noPositions: 'No positions found.',
    noTable: 'No comparison table.',
    aspect: 'Aspect',
    mentions: (n) => (n === 1 ? '1 mention' : `${n} mentions`),
    salience: 'Salience',
    aliases: 'Also:',
    explicit: 'Table from the article',
    derived: 'Table derived from the positions',
    showInArticle: 'Show in the article',
    notShown: (n) => `${n} more not shown.`,
    articleCut: (n) => `Only the first ${n.toLocaleString('en')} characters are shown here.`,
    languages: { ar: 'Arabic', en: 'English', und: 'undetermined' },
    kinds: { person: 'person', country: 'country', organization: 'organisation', group: 'group' },
    stances: {
      supports: 'supports', opposes: 'opposes', proposes: 'proposes', demands: 'demands',
      threatens: 'threatens', warns: 'warns', accuses: 'accuses', rejects: 'rejects',
      agrees: 'agrees', states: 'states',
    },
  },
  ar: {
    title: 'خريطة المواقف',
    tagline: 'من هم الفاعلون في الخبر، وما موقف كل منهم، جنبًا إلى جنب.',
    privacy: 'يعمل التحليل كله في متصفحك: لا يغادر النص هذه الصفحة.',
    skipToResults: 'انتقل إلى النتائج',
    articleLabel: 'المقال',
    articleHint: 'الصق مقالًا إخباريًا بالعربية أو الإنجليزية أو اكتبه.',
    samples: 'أمثلة:',
    sampleAr: 'مثال عربي',
    sampleEn: 'مثال إنجليزي',
    clear: 'مسح',
    loading: 'جارٍ تحميل المحلِّل…',
    ready: 'جاهز.',
    analysing: 'جارٍ التحليل…',
    done: (ms, lang) => `اكتمل في ${ms} م.ث · اللغة: ${lang}`,
    empty: 'الصق مقالًا للبدء.',
    tooLarge: (mb) => `حجم هذا النص ${mb} م.ب والحد الأقصى 10 م.ب. اختصره لتحليله.`,
    failed: (msg) => `تعذّر التحليل: ${msg}`,
    loadFailed: (msg) => `تعذّر تحميل المحلِّل: ${msg}`,
    version: (v) => `stancemap ${v}`,
    actors: 'الفاعلون',
    positions: 'المواقف',
    table: 'المقارنة',
    article: 'المقال مع إبراز الإشارات',
    noActors: 'لم يُعثر على فاعلين.',
    noPositions: 'لم يُعثر على مواقف.',
    noTable: 'لا يوجد جدول مقارنة.',
    aspect: 'الجانب',
    mentions: (n) => `${n} ${n === 1 ? 'إشارة' : 'إشارات'}`,
    salience: 'البروز',
    aliases: 'أيضًا:',
    explicit: 'جدول من المقال',
    derived: 'جدول مستخلص من المواقف',
    showInArticle: 'إظهار في المقال',
    notShown: (n) => `لم يُعرض ${n} غيرها.`,
    articleCut: (n) => `لا يُعرض هنا إلا أول ${n.toLocaleString('ar')} حرف.`,
    languages: { ar: 'العربية', en: 'الإنجليزية', und: 'غير محددة' },
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

/** The dictionary for a locale ('ar' or 'en'); English for anything else. */
export function dictionary(locale) {
  return strings[locale] ?? strings.en;
}

/** 'rtl' for Arabic, 'ltr' otherwise. */
export function directionOf(locale) {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

// dir="auto" is what we want for article text, but Chromium's handling of it on a textarea or a
// large text block grows much faster than the text (measured: 1 MB in a textarea took 3.3 s
// with dir="auto", 0.2 s without; 5 MB took minutes). Above a size where that shows, the page
// decides the direction itself, by the same rule: the first strong character.

/** Texts longer than this (UTF-16 units) get an explicit direction instead of dir="auto". */
export const AUTO_DIR_LIMIT = 100_000;

const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

/** 'auto' for ordinary texts; for long ones 'rtl' or 'ltr' from the first strong character. */
export function directionFor(text) {
  return text.length <= AUTO_DIR_LIMIT ? 'auto' : firstStrongDirection(text);
}

/** 'rtl' if the first strong character (within the first 10,000) is Hebrew or Arabic script. */
export function firstStrongDirection(text) {
  const match = FIRST_STRONG.exec(text.slice(0, 10_000));
  return match && RTL.test(match[0]) ? 'rtl' : 'ltr';
}

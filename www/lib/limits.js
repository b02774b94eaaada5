/** Texts above this many UTF-8 bytes (10 MB) are refused rather than analysed. */
export const MAX_INPUT_BYTES = 10 * 1000 * 1000;

/**
 * Length of `text` in UTF-8 bytes, counted without encoding it. Exact up to the limit; above it
 * a lower bound that is itself over the limit (each UTF-16 unit is at least one byte).
 */
export function utf8Length(text) {
  if (text.length > MAX_INPUT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit) {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// The articles the benchmarks time, built when they run (nothing here is committed text):
// a real article of the shared evaluation set (../shared/eval/dev/cases.jsonl beside the clone)
// padded with the next ones of its language to exactly 1,000 words, or, without that set, the
// repository's own test articles (tests/articles/*.txt) concatenated and repeated to 1,000 words.
import fs from 'node:fs';
import path from 'node:path';

export const ARTICLE_WORDS = 1000;

/** Words as every tool's figure counts them: runs of non-space characters. */
export function wordCount(text) {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * `texts` joined by blank lines, cycling through them, cut after the `words`-th word; with the
 * number of texts it took.
 */
function padToWords(texts, words) {
  const parts = [];
  let total = 0;
  for (let i = 0; total < words; i++) {
    const text = texts[i % texts.length].trim();
    parts.push(text);
    total += wordCount(text);
  }
  const joined = parts.join('\n\n');
  const pattern = /\S+/g;
  let end = 0;
  for (let i = 0; i < words; i++) {
    pattern.exec(joined);
    end = pattern.lastIndex;
  }
  return { text: joined.slice(0, end), used: parts.length };
}

function devCases(repo) {
  const file = path.join(repo, '..', 'shared', 'eval', 'dev', 'cases.jsonl');
  if (!fs.existsSync(file)) return null;
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
}

/**
 * The 1,000-word articles by language ('en', 'ar'): {text, words, bytes, source}.
 */
export function benchArticles(repo) {
  const cases = devCases(repo);
  const articles = {};
  for (const language of ['en', 'ar']) {
    let texts;
    let describe;
    const own = cases?.filter((c) => c.lang === language && /^[a-z]{2}-\d+$/.test(c.id)).sort((a, b) => a.id.localeCompare(b.id));
    if (own?.length) {
      texts = own.map((c) => c.text);
      describe = (used) => `shared dev set: ${own[0].id} padded with ${own.slice(1, used).map((c) => c.id).join(', ')}`;
    } else {
      const dir = path.join(repo, 'tests', 'articles');
      const files = fs.readdirSync(dir).filter((name) => name.startsWith(`${language}-`) && name.endsWith('.txt')).sort();
      texts = files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
      describe = (used) => `tests/articles/${language}-*.txt: ${used} pieces from ${files.length} files`;
    }
    const { text, used } = padToWords(texts, ARTICLE_WORDS);
    articles[language] = { text, words: wordCount(text), bytes: Buffer.byteLength(text), source: describe(used) };
  }
  return articles;
}

/** `text` repeated (blank line between copies) until it is at least `bytes` bytes of UTF-8. */
export function repeatToBytes(text, bytes) {
  const copies = Math.ceil(bytes / (Buffer.byteLength(text) + 2));
  return Array.from({ length: copies }, () => text).join('\n\n');
}

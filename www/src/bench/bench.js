// The benchmark page's runner. scripts/bench-browser.mjs opens the page, hands it the articles
// and reads the figures back; the page holds no article text of its own.
//
// Every tool is timed on the same text in the same page: warm-up calls first, then the timed
// calls in rounds that cycle through the tools, so that a burst of load on the machine falls on
// all of them alike rather than on whichever happened to be running.

const TOOLS = {
  stancemap: () => import('./stancemap-direct.js'),
  'stancemap (worker round trip)': () => import('./stancemap-worker.js'),
  compromise: () => import('./compromise.js'),
  'wink-nlp': () => import('./wink.js'),
};

const loaded = new Map();
const statusLine = document.getElementById('bench-status');

async function tool(name) {
  if (!loaded.has(name)) {
    const load = TOOLS[name];
    if (!load) throw new Error(`unknown tool ${name}`);
    loaded.set(name, await (await load()).load());
  }
  return loaded.get(name);
}

/** Words as every tool's figure counts them: runs of non-space characters. */
export function wordCount(text) {
  return text.match(/\S+/g)?.length ?? 0;
}

function summary(times) {
  const sorted = Float64Array.from(times).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { runs: sorted.length, median, p90: at(0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Something of each result is kept so that no engine can drop the work as unused. */
let sink = 0;
function consume(result) {
  sink += Array.isArray(result) ? result.length : result?.actors?.length ?? 1;
}

/**
 * Times each of `cases` ({tool, article, text}): `warmup` untimed calls, then `runs` timed
 * calls in `rounds` rounds. Resolves with one {tool, article, words, ...summary} per case.
 */
async function run({ cases, warmup = 20, runs = 200, rounds = 10 }) {
  const prepared = [];
  for (const c of cases) prepared.push({ ...c, analyse: (await tool(c.tool)).analyse, times: [] });
  for (const c of prepared) {
    statusLine.textContent = `warming up ${c.tool} on ${c.article}`;
    for (let i = 0; i < warmup; i++) consume(await c.analyse(c.text));
  }
  const perRound = Math.ceil(runs / rounds);
  for (let round = 0; round < rounds; round++) {
    statusLine.textContent = `round ${round + 1} of ${rounds}`;
    for (const c of prepared) {
      for (let i = 0; i < perRound; i++) {
        const started = performance.now();
        const result = c.analyse(c.text);
        // Only the worker's answer is a promise; awaiting a plain value would add a tick.
        consume(result instanceof Promise ? await result : result);
        c.times.push(performance.now() - started);
      }
      // Let the event loop breathe between batches (timers, GC scheduling, the worker).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  statusLine.textContent = 'done';
  return prepared.map(({ tool: name, article, text, times }) => ({ tool: name, article, words: wordCount(text), ...summary(times) }));
}

/** What one call of `name` finds in `text`, to show in the output that every tool did its work. */
async function found(name, text) {
  const result = await (await tool(name)).analyse(text);
  if (Array.isArray(result)) return { entities: result.length };
  return { actors: result.actors.length, positions: result.positions.length };
}

/**
 * Analyses `text` once with the synchronous wasm call on this thread and reports the memory it
 * took: the wasm linear memory before and after (it only grows, so after is its peak) and the
 * JS heap (the result object) while the result is still held.
 */
async function memory(text) {
  const ours = await tool('stancemap');
  const before = ours.memory.buffer.byteLength;
  const heapBefore = performance.memory?.usedJSHeapSize ?? null;
  const started = performance.now();
  const result = ours.analyse(text);
  const ms = performance.now() - started;
  const after = ours.memory.buffer.byteLength;
  const heapAfter = performance.memory?.usedJSHeapSize ?? null;
  window.__benchKeep = result;
  return {
    ms,
    bytes: new TextEncoder().encode(text).length,
    wasmMemoryBefore: before,
    wasmMemoryAfter: after,
    jsHeapBefore: heapBefore,
    jsHeapAfter: heapAfter,
    actors: result.actors.length,
    crossOriginIsolated: self.crossOriginIsolated,
  };
}

/** Warm-up steps the worker runs after prepare() while no request has come (www/lib/worker.js). */
const WARM_UP_STEPS = 20;

/**
 * The time of one analysis of `text` in this fresh page as the product's worker runs it: after
 * `prepare()` and the warm-up steps (which the worker runs once the module is in, each in a
 * task of its own, while no request has come) and a second without work, as when the reader
 * pastes a while after the page has loaded.
 */
async function prepared(text) {
  const ours = await tool('stancemap');
  const preparing = performance.now();
  ours.prepare();
  const prepareMs = performance.now() - preparing;
  let warmUpMs = 0;
  for (let step = 0; step < WARM_UP_STEPS; step++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const started = performance.now();
    ours.warmUp();
    warmUpMs += performance.now() - started;
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const started = performance.now();
  window.__benchKeep = ours.analyse(text);
  return { ms: performance.now() - started, prepareMs, warmUpMs };
}

/** The whole-page figure, where the browser offers it (cross-origin isolated pages only). */
async function userAgentMemory() {
  if (!self.crossOriginIsolated || typeof performance.measureUserAgentSpecificMemory !== 'function') return null;
  const { bytes, breakdown } = await performance.measureUserAgentSpecificMemory();
  const byType = {};
  for (const entry of breakdown) {
    for (const type of entry.types) byType[type] = (byType[type] ?? 0) + entry.bytes;
  }
  return { bytes, byType };
}

window.stancemapBench = { tools: Object.keys(TOOLS), load: tool, run, found, memory, prepared, userAgentMemory, wordCount, crossOriginIsolated: self.crossOriginIsolated, sink: () => sink };
statusLine.textContent = 'ready';

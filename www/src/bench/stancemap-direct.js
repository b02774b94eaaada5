// stancemap called as the worker calls it: the synchronous wasm-bindgen `analyze`, whose time
// includes turning the Rust result into a JS object. Loaded on the main thread for the benchmark.
import init, { analyze } from '../../pkg/stancemap.js';

const WASM_URL = new URL('../../pkg/stancemap_bg.wasm', import.meta.url);

/** Instantiates the module; resolves with {analyse, memory} (memory: the wasm linear memory). */
export async function load() {
  const exports = await init({ module_or_path: WASM_URL });
  return { analyse: (text) => analyze(text, undefined), memory: exports.memory };
}

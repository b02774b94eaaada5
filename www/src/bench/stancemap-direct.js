// stancemap called as the worker calls it: the synchronous wasm-bindgen `analyze`, whose time
// includes turning the Rust result into a JS object. Loaded on the main thread for the benchmark.
import init, { analyze, loadModel, prepare, warmUp } from '../../pkg/stancemap.js';

const WASM_URL = new URL('../../pkg/stancemap_bg.wasm', import.meta.url);
const MODEL_URLS = [new URL('../../pkg/ar.model.gz', import.meta.url), new URL('../../pkg/en.model.gz', import.meta.url)];

/**
 * Instantiates the module and installs both name models, as the worker does before the first
 * analysis in each language; resolves with {analyse, prepare, warmUp, memory} (memory: the wasm
 * linear memory; prepare and warmUp: what the worker calls once the module is in).
 */
export async function load() {
  const exports = await init({ module_or_path: WASM_URL });
  for (const url of MODEL_URLS) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    }
    loadModel(bytes);
  }
  return { analyse: (text) => analyze(text, undefined), prepare, warmUp, memory: exports.memory };
}

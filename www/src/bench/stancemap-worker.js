// stancemap as a page uses it: the package's analyze(), a round trip to the module worker.
import { analyze, preload } from '../../lib/analyser.js';

export async function load() {
  await preload();
  return { analyse: (text) => analyze(text) };
}

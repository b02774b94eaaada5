#!/usr/bin/env node
// Checks a wasm-bindgen output module the way the glue will use it: it compiles, instantiates
// (with stand-in imports; nothing is run), has the exports named (a comma-separated list;
// analyze, version and memory by default), and its externref table
// holds JS values. Exit status 1 with a reason otherwise. Used to vet a wasm-opt pass: Debian's
// binaryen 108 writes the export of wasm-bindgen's externref table as the function table.
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
const expected = (process.argv[3] ?? 'analyze,version,memory').split(',');
if (!file) {
  console.error('usage: check-wasm.mjs FILE.wasm [EXPORT,EXPORT,...]');
  process.exit(2);
}

try {
  const module = await WebAssembly.compile(await readFile(file));
  const imports = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') throw new Error(`unexpected ${kind} import ${from}.${name}`);
    (imports[from] ??= {})[name] = () => {
      throw new Error(`stand-in import ${name} called`);
    };
  }
  const { exports } = await WebAssembly.instantiate(module, imports);
  for (const name of expected) {
    if (!(name in exports)) throw new Error(`missing export ${name}`);
  }
  const table = exports.__wbindgen_externrefs;
  if (table) table.set(0, { probe: true }); // throws if this is not an externref table
  console.log(`check-wasm: ${file} ok`);
} catch (error) {
  console.error(`check-wasm: ${file}: ${error.message}`);
  process.exit(1);
}

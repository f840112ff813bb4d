#!/usr/bin/env node
// Compiles notebooks' code cells ahead of their kernels (see ./precompile-cells.ts), in this process's cwd (the
// notebooks' folder, as their kernels see it). Plain JavaScript so it starts without a TypeScript compile.
// stdin: {"tslab": "<tslab dist folder>", "notebooks": [["cell", …], …]}; stdout: one JSON line of counts.
'use strict';
const fs = require('fs');
const path = require('path');

const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const { createConverter } = require(path.join(job.tslab, 'converter.js'));
const { getCodeMetadata } = require(path.join(job.tslab, 'metadata.js'));
// As a kernel's converter (tslab's main.js): a TypeScript kernel, not the browser mode.
const converter = createConverter({ isJS: false, isBrowser: false });
let cells = 0;
let withErrors = 0;
try {
  for (const notebook of job.notebooks) {
    converter.forgetLoadedModules();
    // Each cell sees the declarations the cells before it left, as tslab's executor passes them on.
    let prevDecl = '';
    for (const src of notebook) {
      const meta = getCodeMetadata(src);
      if (meta.module || meta.mode === 'browser') continue;
      cells++;
      const converted = converter.convert(prevDecl, src);
      if (converted.diagnostics.length > 0) {
        withErrors++;
        continue;
      }
      prevDecl = converted.declOutput || '';
    }
  }
} finally {
  converter.close();
}
process.stdout.write(`${JSON.stringify({ notebooks: job.notebooks.length, cells, withErrors })}\n`);

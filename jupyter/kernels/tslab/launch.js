#!/usr/bin/env node
// Starts this project's tslab kernel (patched by patches/tslab+1.0.22.patch) whatever PATH holds: the
// kernelspec runs `node {resource_dir}/launch.js`, and the project root is three folders up from here.
// A bare `tslab` in argv needed node_modules/.bin on PATH and failed to start without it.
'use strict';
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const at = args.indexOf('--config-path');
if (at < 0 || !args[at + 1]) {
  console.error('usage: node launch.js --config-path <connection file>');
  process.exit(2);
}
const tslab = path.join(root, 'node_modules', 'tslab');
let main;
try {
  main = require(path.join(tslab, 'dist', 'main.js'));
} catch (error) {
  console.error(`tslab is not installed under ${root} (run npm install there): ${error.message}`);
  process.exit(1);
}
main.startKernel({
  configPath: args[at + 1],
  // Always this project's tslab, never one found from the notebook's folder.
  enableFindLocal: false,
  jsKernel: false,
  globalVersion: require(path.join(tslab, 'package.json')).version,
});

#!/usr/bin/env node
// Runs one TypeScript script (benchmarks, tools) through tsx's require hook: node bin/run-ts.js FILE [args].
require('tsx/cjs/api').register();
const path = require('path');
process.argv.splice(1, 1); // the script sees its own path as argv[1]
require(path.resolve(process.argv[1]));

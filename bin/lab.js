#!/usr/bin/env node
// The `lab` command. TypeScript sources run through tsx's require hook, so there is no build step.
require('tsx/cjs/api').register();
require('../src/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code ?? 0))
  .catch((err) => {
    console.error(`lab: ${err && err.message ? err.message : err}`);
    process.exit(1);
  });

// Entry of the figure-image Worker. A Worker starts as a fresh plain-Node context (no jest transform, no tslab
// compiler, no tsx hook from the parent), so this stays JavaScript, registers tsx's CommonJS hook itself and
// then loads the TypeScript worker module next to it.
'use strict';
const path = require('path');
if (!require.extensions['.ts']) require('tsx/cjs/api').register();
require(path.join(__dirname, 'figure-image-worker.ts')).runFigureImageWorker();

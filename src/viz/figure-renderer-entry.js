// Entry of the shared figure renderer process (figure-renderer-server.ts), started detached by the first kernel
// that needs a figure image: `node figure-renderer-entry.js SOCKET`. Plain JavaScript that registers tsx's
// CommonJS hook itself, as the image worker's entry does, so it runs the same under tsx, jest and tslab.
'use strict';
const path = require('path');
if (!require.extensions['.ts']) require('tsx/cjs/api').register();
const { runFigureRendererServer } = require(path.join(__dirname, 'figure-renderer-server.ts'));
const idleMs = Number(process.env.LAB_FIGURE_RENDERER_IDLE_MS);
runFigureRendererServer({
  socketPath: process.argv[2],
  ...(idleMs > 0 ? { idleMs } : {}),
}).then(
  () => process.exit(0),
  (error) => {
    console.error(`figure renderer: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  },
);

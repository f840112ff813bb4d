/**
 * Makes the lab's TypeScript kernel appear in the user's own JupyterLab / Notebook.
 *
 *   node bin/run-ts.js scripts/jupyter-install.ts [--data-dir DIR] [--print]
 *
 * Writes ~/.local/share/jupyter/kernels/tslab/kernel.json (or $JUPYTER_DATA_DIR/…): this Node and this
 * project's jupyter/kernels/tslab/launch.js by absolute path, so it works whatever PATH Jupyter has.
 * --print shows the kernelspec without writing it.
 */
import * as path from 'path';
import { PROJECT_ROOT } from '../src/notebooks/execute-notebook';
import { installKernelSpec, userJupyterDataDir, userKernelSpec } from '../src/notebooks/kernelspec';

function main(argv: string[]): number {
  let dataDir = userJupyterDataDir();
  let printOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--print') printOnly = true;
    else if (argv[i] === '--data-dir' && argv[i + 1]) dataDir = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}; usage: jupyter-install [--data-dir DIR] [--print]`);
  }
  if (printOnly) {
    console.log(JSON.stringify(userKernelSpec(PROJECT_ROOT), null, 2));
    return 0;
  }
  const target = installKernelSpec(PROJECT_ROOT, dataDir);
  console.log(`installed the "TypeScript (tslab)" kernel: ${target}`);
  console.log(
    `open the notebooks with: jupyter lab ${path.relative(process.cwd(), path.join(PROJECT_ROOT, 'notebooks')) || '.'}`,
  );
  return 0;
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (error) {
    console.error(`jupyter-install: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

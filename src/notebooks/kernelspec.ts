/**
 * The tslab kernelspec. The repository commits jupyter/kernels/tslab/kernel.json, which runs
 * `node {resource_dir}/launch.js`: the launcher finds the project (three folders up) and starts its patched
 * tslab, so the spec works through JUPYTER_PATH whether or not node_modules/.bin is on PATH (a bare `tslab`
 * did not). The copy installed for a user's own Jupyter names node and the launcher absolutely, so it also
 * works when `node` is not on the PATH Jupyter was started with.
 * (`npx tslab install` would write a spec too, but needs Python's jupyter_client and IPython.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  [key: string]: unknown;
}

export const KERNEL_NAME = 'tslab';

/** The committed kernel folder (kernel.json + launch.js), relative to the project root. */
export const KERNEL_DIR = path.join('jupyter', 'kernels', KERNEL_NAME);

/** The committed kernelspec, validated. */
export function committedKernelSpec(projectRoot: string): KernelSpec {
  const file = path.join(projectRoot, KERNEL_DIR, 'kernel.json');
  const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as KernelSpec;
  if (!Array.isArray(spec.argv) || !spec.argv.includes('{connection_file}')) {
    throw new Error(`${file}: expected "argv" with "{connection_file}", got ${JSON.stringify(spec.argv)}`);
  }
  if (spec.argv[1] !== '{resource_dir}/launch.js') {
    throw new Error(
      `${file}: expected argv[1] "{resource_dir}/launch.js", got ${JSON.stringify(spec.argv[1])}`,
    );
  }
  return spec;
}

/** The committed spec with node (default: this Node) and the launcher named by absolute paths. */
export function userKernelSpec(projectRoot: string, nodePath: string = process.execPath): KernelSpec {
  const spec = committedKernelSpec(projectRoot);
  const launcher = path.join(path.resolve(projectRoot), KERNEL_DIR, 'launch.js');
  return { ...spec, argv: [nodePath, launcher, ...spec.argv.slice(2)] };
}

/** Jupyter's per-user data folder, as jupyter_core computes it (`jupyter --data-dir`). */
export function userJupyterDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === 'darwin') return path.join(home, 'Library', 'Jupyter');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'jupyter');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'jupyter');
}

/** Writes the user kernelspec into `<dataDir>/kernels/tslab/kernel.json`; returns that path. */
export function installKernelSpec(projectRoot: string, dataDir: string = userJupyterDataDir()): string {
  const spec = userKernelSpec(projectRoot);
  const tslab = path.join(projectRoot, 'node_modules', 'tslab', 'dist', 'main.js');
  if (!fs.existsSync(tslab)) {
    throw new Error(`installKernelSpec: ${tslab} is missing; run npm install first`);
  }
  const target = path.join(dataDir, 'kernels', KERNEL_NAME, 'kernel.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(spec, null, 2)}\n`);
  // Jupyter serves this folder at kernelspecs/tslab/: trusted notebooks load their charts' plotly.js from it.
  const plotly = path.join(path.dirname(target), 'plotly.min.js');
  fs.rmSync(plotly, { force: true });
  fs.symlinkSync(path.join(projectRoot, 'node_modules', 'plotly.js-dist-min', 'plotly.min.js'), plotly);
  return target;
}

/**
 * The tslab kernelspec for a user's own Jupyter. The repository commits jupyter/kernels/tslab/kernel.json
 * with a bare `tslab` command, found through JUPYTER_PATH and PATH when the runner executes notebooks;
 * a JupyterLab the user starts has neither, so the installed copy names node_modules/.bin/tslab absolutely.
 * (`npx tslab install` would do this too, but needs Python's jupyter_client and IPython.)
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

/** The committed kernelspec, validated. */
export function committedKernelSpec(projectRoot: string): KernelSpec {
  const file = path.join(projectRoot, 'jupyter', 'kernels', KERNEL_NAME, 'kernel.json');
  const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as KernelSpec;
  if (!Array.isArray(spec.argv) || !spec.argv.includes('{connection_file}')) {
    throw new Error(`${file}: expected "argv" with "{connection_file}", got ${JSON.stringify(spec.argv)}`);
  }
  return spec;
}

/** The committed spec with argv[0] replaced by the absolute path of this project's tslab binary. */
export function userKernelSpec(
  projectRoot: string,
  platform: NodeJS.Platform = process.platform,
): KernelSpec {
  const spec = committedKernelSpec(projectRoot);
  // npm makes a .cmd shim on Windows; Jupyter cannot start the extensionless script there.
  const binary = path.join(projectRoot, 'node_modules', '.bin', platform === 'win32' ? 'tslab.cmd' : 'tslab');
  return { ...spec, argv: [binary, ...spec.argv.slice(1)] };
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
  if (!fs.existsSync(spec.argv[0])) {
    throw new Error(`installKernelSpec: ${spec.argv[0]} is missing; run npm install first`);
  }
  const target = path.join(dataDir, 'kernels', KERNEL_NAME, 'kernel.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(spec, null, 2)}\n`);
  return target;
}

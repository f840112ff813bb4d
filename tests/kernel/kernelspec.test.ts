import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  committedKernelSpec,
  installKernelSpec,
  userJupyterDataDir,
  userKernelSpec,
} from '../../src/notebooks/kernelspec';

const ROOT = path.resolve(__dirname, '..', '..');

test('the committed kernelspec runs the launcher next to it, with no tslab on PATH needed', () => {
  expect(committedKernelSpec(ROOT)).toEqual({
    argv: ['node', '{resource_dir}/launch.js', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (tslab)',
    language: 'typescript',
  });
});

test('the user kernelspec names node and the launcher absolutely', () => {
  expect(userKernelSpec(ROOT, '/opt/node/bin/node').argv).toEqual([
    '/opt/node/bin/node',
    path.join(ROOT, 'jupyter', 'kernels', 'tslab', 'launch.js'),
    '--config-path',
    '{connection_file}',
  ]);
});

test('the launcher says how to call it', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'jupyter', 'kernels', 'tslab', 'launch.js')], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--config-path');
});

test('the user data folder follows jupyter_core', () => {
  expect(userJupyterDataDir({ JUPYTER_DATA_DIR: '/x/j' }, 'linux', '/home/u')).toBe('/x/j');
  expect(userJupyterDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/jupyter');
  expect(userJupyterDataDir({ XDG_DATA_HOME: '/d' }, 'linux', '/home/u')).toBe('/d/jupyter');
  expect(userJupyterDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Jupyter');
  expect(userJupyterDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32', 'C:/Users/u')).toBe(
    path.join('C:/Users/u/AppData/Roaming', 'jupyter'),
  );
});

test('install writes kernels/tslab/kernel.json into the data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-jupyter-data-'));
  try {
    const target = installKernelSpec(ROOT, dataDir);
    expect(target).toBe(path.join(dataDir, 'kernels', 'tslab', 'kernel.json'));
    const written = JSON.parse(fs.readFileSync(target, 'utf8'));
    expect(written.argv[0]).toBe(process.execPath);
    expect(fs.existsSync(written.argv[1])).toBe(true);
    expect(written.display_name).toBe('TypeScript (tslab)');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

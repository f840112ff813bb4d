import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { figureRendererAddress } from '../../src/viz/figure-renderer-client';
import { rendererPids } from '../helpers/figure-renderers';

// These tests are about drawing through the renderer: no drawing may come from the image cache.
process.env.LAB_FIGURE_IMAGE_CACHE = 'off';

const ROOT = path.resolve(__dirname, '..', '..');
const dirs: string[] = [];

/** A private folder for one test's renderer, so tests neither share one nor meet a user's. */
function rendererDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-figr-'));
  dirs.push(dir);
  return dir;
}

const renderers = rendererPids;

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return condition();
}

/** A "kernel": a fresh Node process that draws one figure and prints its PNG's size and first bytes. */
function kernelScript(dir: string): string {
  const script = path.join(dir, 'kernel.ts');
  fs.writeFileSync(
    script,
    `import { figureImage } from ${JSON.stringify(path.join(ROOT, 'src/viz/figure-image'))};
const image = figureImage({ data: [{ type: 'bar', x: ['夜に駆ける', 'Queen'], y: [3, 5] }], layout: { width: 320, height: 200 } });
console.log(JSON.stringify('error' in image ? image : { width: image.width, png: image.png.subarray(1, 4).toString('latin1') }));
`,
  );
  return script;
}

const execFileAsync = promisify(execFile);

function runKernel(script: string, env: NodeJS.ProcessEnv): Promise<unknown> {
  return execFileAsync(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!));
}

afterAll(() => {
  for (const dir of dirs) {
    for (const pid of renderers(dir)) process.kill(Number(pid));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('two kernels drawing at once start one renderer, which exits once both are gone', async () => {
  const dir = rendererDir();
  const script = kernelScript(dir);
  const env = { LAB_FIGURE_RENDERER_DIR: dir, LAB_FIGURE_RENDERER_IDLE_MS: '1500' };
  const images = await Promise.all([runKernel(script, env), runKernel(script, env)]);
  expect(images).toEqual([
    { width: 320, png: 'PNG' },
    { width: 320, png: 'PNG' },
  ]);
  const sockets = () => fs.readdirSync(dir).filter((f) => f.endsWith('.sock'));
  // Both kernels have exited: the one renderer idles out and takes its socket with it.
  expect(renderers(dir).length).toBeLessThanOrEqual(1);
  expect(await waitFor(() => renderers(dir).length === 0, 20_000)).toBe(true);
  expect(sockets()).toEqual([]);
  const log = fs.readdirSync(dir).filter((f) => f.endsWith('.log'));
  expect(log).toHaveLength(1); // one renderer was started: one log
}, 120_000);

test('a socket file left by a killed renderer is replaced, not waited on', async () => {
  const dir = rendererDir();
  const address = figureRendererAddress({ LAB_FIGURE_RENDERER_DIR: dir })!;
  fs.writeFileSync(address.socketPath, ''); // what a SIGKILLed renderer leaves: a path nothing listens on
  const image = await runKernel(kernelScript(dir), {
    LAB_FIGURE_RENDERER_DIR: dir,
    LAB_FIGURE_RENDERER_IDLE_MS: '1000',
  });
  expect(image).toEqual({ width: 320, png: 'PNG' });
  expect(fs.readFileSync(address.logPath, 'utf8')).toBe(''); // the renderer started cleanly
}, 120_000);

test('LAB_FIGURE_RENDERER=own draws with the kernel’s own Chromium and starts no renderer', async () => {
  const dir = rendererDir();
  const image = await runKernel(kernelScript(dir), {
    LAB_FIGURE_RENDERER_DIR: dir,
    LAB_FIGURE_RENDERER: 'own',
  });
  expect(image).toEqual({ width: 320, png: 'PNG' });
  expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.ts'))).toEqual([]);
}, 120_000);

test('a folder other users can enter is not used: the kernel draws with its own Chromium', async () => {
  const dir = rendererDir();
  fs.chmodSync(dir, 0o755);
  expect(figureRendererAddress({ LAB_FIGURE_RENDERER_DIR: dir })).toBeNull();
  const image = await runKernel(kernelScript(dir), { LAB_FIGURE_RENDERER_DIR: dir });
  expect(image).toEqual({ width: 320, png: 'PNG' });
  expect(renderers(dir)).toEqual([]);
}, 120_000);

test('the address is a folder only this user can enter, and a socket named by a hash of the renderer code', () => {
  const dir = rendererDir();
  const a = figureRendererAddress({ LAB_FIGURE_RENDERER_DIR: dir })!;
  expect(path.dirname(a.socketPath)).toBe(dir);
  expect(path.basename(a.socketPath)).toMatch(/^figures-[0-9a-f]{12}\.sock$/);
  expect(figureRendererAddress({ LAB_FIGURE_RENDERER_DIR: dir })).toEqual(a); // stable between calls
  expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700');
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closeFigureImages, figureImage, warmFigureImages } from '../../src/viz/figure-image';
import { launchChromium } from '../../src/report/chromium';
import { rendererPids } from '../helpers/figure-renderers';

afterAll(() => closeFigureImages());

/** IHDR fields of a PNG: width, height, bit depth, colour type. */
function header(png: Buffer) {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), depth: png[24], colourType: png[25] };
}

test('draws a figure to a small palette PNG at its layout size, and Chromium reads it back', async () => {
  const fig = {
    data: [{ type: 'bar', x: ['夜に駆ける', '강남스타일', 'Queen'], y: [3, 5, 2] }],
    layout: { title: { text: '中文 title' }, width: 640, height: 360 },
  };
  const first = figureImage(fig);
  if ('error' in first) throw new Error(first.error);
  expect(first.width).toBe(640);
  expect(first.height).toBe(360);
  expect(header(first.png)).toEqual({ width: 640, height: 360, depth: 8, colourType: 3 });
  expect(first.png.length).toBeLessThan(40_000);
  // The same page draws the next one (one Chromium per kernel).
  const second = figureImage({ data: [{ type: 'scatter', y: [1, 3, 2] }] });
  if ('error' in second) throw new Error(second.error);
  expect([second.width, second.height]).toEqual([800, 450]);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const size = await page.evaluate(
      async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      },
      `data:image/png;base64,${first.png.toString('base64')}`,
    );
    expect(size).toEqual([640, 360]);
  } finally {
    await browser.close();
  }
}, 120_000);

test('CJK names draw as glyphs, not as the boxes of characters no font has', () => {
  const titled = (text: string) => {
    const image = figureImage({ data: [], layout: { title: { text }, width: 300, height: 120 } });
    if ('error' in image) throw new Error(image.error);
    return image.png;
  };
  // Private-use code points have no glyph in any installed font: they show the same box a missing CJK font would.
  const boxes = titled('\uE000\uE001\uE002\uE003\uE004');
  expect(titled('\uE005\uE006\uE007\uE008\uE009').equals(boxes)).toBe(true);
  expect(titled('夜に駆ける').equals(boxes)).toBe(false);
  expect(titled('강남스타일').equals(boxes)).toBe(false);
}, 60_000);

test('warmFigureImages starts the shared renderer before the first figure asks for it, and that figure uses it', async () => {
  await closeFigureImages();
  // A renderer of its own, so neither other test files nor a user's running kernels can answer in its place.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-figr-warm-'));
  const saved = process.env.LAB_FIGURE_RENDERER_DIR;
  process.env.LAB_FIGURE_RENDERER_DIR = dir;
  const renderers = () => rendererPids(dir);
  const listening = () => fs.readdirSync(dir).some((f) => f.endsWith('.sock'));
  try {
    warmFigureImages();
    const deadline = Date.now() + 60_000;
    while (!listening() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(listening()).toBe(true);
    const warmed = renderers();
    expect(warmed).toHaveLength(1);
    warmFigureImages(); // a second call starts nothing new
    const image = figureImage({ data: [{ type: 'bar', y: [1, 2] }], layout: { width: 200, height: 100 } });
    if ('error' in image) throw new Error(image.error);
    expect(header(image.png).width).toBe(200);
    expect(renderers()).toEqual(warmed);
  } finally {
    await closeFigureImages();
    for (const pid of renderers()) process.kill(Number(pid));
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.LAB_FIGURE_RENDERER_DIR;
    else process.env.LAB_FIGURE_RENDERER_DIR = saved;
  }
}, 120_000);

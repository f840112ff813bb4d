import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closeFigureImages, figureImage, warmFigureImages } from '../../src/viz/figure-image';
import { launchChromium } from '../../src/report/chromium';
import { rendererPids } from '../helpers/figure-renderers';
import { imageCacheFile } from '../../src/viz/figure-image-cache';

// These tests are about drawing: the image cache (figure-image-cache.ts) is off but in its own test below.
process.env.LAB_FIGURE_IMAGE_CACHE = 'off';
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

test('a figure drawn before comes from the image cache, with no renderer started; another size is drawn', async () => {
  await closeFigureImages();
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-figimg-cache-'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-figr-cache-'));
  const saved = process.env.LAB_FIGURE_RENDERER_DIR;
  process.env.LAB_FIGURE_IMAGE_CACHE = cache;
  const fig = { data: [{ type: 'bar', x: ['a', 'b'], y: [2, 1] }], layout: { width: 300, height: 200 } };
  try {
    const drawn = figureImage(fig);
    if ('error' in drawn) throw new Error(drawn.error);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    // A renderer folder of its own, with nothing running: a drawing would start a renderer there.
    await closeFigureImages();
    process.env.LAB_FIGURE_RENDERER_DIR = dir;
    const again = figureImage(JSON.parse(JSON.stringify(fig)));
    if ('error' in again) throw new Error(again.error);
    expect(again.png.equals(drawn.png)).toBe(true);
    expect(rendererPids(dir)).toEqual([]);
    const wider = figureImage({ ...fig, layout: { width: 320, height: 200 } });
    if ('error' in wider) throw new Error(wider.error);
    expect(header(wider.png).width).toBe(320);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.png'))).toHaveLength(2);
  } finally {
    await closeFigureImages();
    for (const pid of rendererPids(dir)) process.kill(Number(pid));
    process.env.LAB_FIGURE_IMAGE_CACHE = 'off';
    if (saved === undefined) delete process.env.LAB_FIGURE_RENDERER_DIR;
    else process.env.LAB_FIGURE_RENDERER_DIR = saved;
    fs.rmSync(cache, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('the image cache key ignores differences past 12 significant digits (a parallel float sum), not real ones', () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-figimg-key-'));
  process.env.LAB_FIGURE_IMAGE_CACHE = cache;
  try {
    const fig = (y: number) => ({
      figure: { data: [{ type: 'bar', y: [y, 2] }], layout: {} },
      width: 300,
      height: 200,
      scale: 1,
    });
    const key = (y: number) => imageCacheFile(fig(y));
    expect(key(0.1 + 0.2)).toBe(key(0.3));
    expect(key(0.3000001)).not.toBe(key(0.3));
    expect(key(3)).not.toBe(key(2));
  } finally {
    process.env.LAB_FIGURE_IMAGE_CACHE = 'off';
    fs.rmSync(cache, { recursive: true, force: true });
  }
});

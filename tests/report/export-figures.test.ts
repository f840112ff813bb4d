import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findChromium } from '../../src/report/chromium';
import { exportFigures, figurePage } from '../../src/report/export-figures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('figure pages load plotly from a relative copy and embed the figure as safe script JSON', () => {
  const html = figurePage('t', { data: [{ type: 'bar', x: ['</script><b>'], y: [1] }] }, 'plotly.min.js', {
    width: 300,
    height: 200,
  });
  expect(html).toContain('<script src="plotly.min.js"></script>');
  expect(html).not.toContain('</script><b>');
  expect(html).toContain('\\u003c/script\\u003e\\u003cb\\u003e');
});

test('bad names and figures are refused before anything is written', async () => {
  const dir = path.join(os.tmpdir(), 'lab-figures-never-written');
  await expect(exportFigures({ '../escape': { data: [] } }, dir)).rejects.toThrow(/letters, digits/);
  await expect(exportFigures({ ok: { layout: {} } as never }, dir)).rejects.toThrow(
    /must be a Plotly figure/,
  );
  expect(fs.existsSync(dir)).toBe(false);
});

test('writes NAME.html for every figure and, with Chromium, a PNG of the drawn chart', async () => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-figures-'));
  try {
    const figures = {
      bars: { data: [{ type: 'bar', x: ['a', 'b'], y: [3, 5] }], layout: { width: 320, height: 240 } },
      line: { data: [{ type: 'scatter', x: [1, 2, 3], y: [2, 1, 3] }] },
    };
    const progress: number[] = [];
    const { files } = await exportFigures(figures, dir, {
      width: 400,
      height: 300,
      scale: 1,
      onProgress: (done) => progress.push(done),
    });
    const names = files.map((f) => path.relative(dir, f)).sort();
    const png = findChromium() !== null;
    expect(names).toEqual(
      ['bars.html', 'line.html', 'plotly.min.js', ...(png ? ['bars.png', 'line.png'] : [])].sort(),
    );
    expect(progress).toEqual(png ? [1, 2, 3, 4] : [1, 2]);
    if (png) {
      const bars = fs.readFileSync(path.join(dir, 'bars.png'));
      expect(bars.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // IHDR width/height: the figure's own layout size wins over the defaults.
      expect([bars.readUInt32BE(16), bars.readUInt32BE(20)]).toEqual([320, 240]);
      const line = fs.readFileSync(path.join(dir, 'line.png'));
      expect([line.readUInt32BE(16), line.readUInt32BE(20)]).toEqual([400, 300]);
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
});

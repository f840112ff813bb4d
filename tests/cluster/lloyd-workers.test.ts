import { compileLloydKernel, lloydKernelSource, partialsStride } from '../../src/cluster/lloyd-kernel';
import { splitBlocks, startLloydThreadPool } from '../../src/cluster/lloyd-workers';

describe('Lloyd thread pool', () => {
  test('splits blocks into contiguous near-equal ranges', () => {
    expect(splitBlocks(5, 2)).toEqual([
      [0, 2],
      [2, 5],
    ]);
    expect(splitBlocks(37, 1)).toEqual([[0, 37]]);
  });

  test('refuses buffers that are not shared', () => {
    expect(() =>
      startLloydThreadPool({
        kernel: compileLloydKernel(2, 1),
        kernelSource: lloydKernelSource(2, 1),
        data: new Float64Array(4),
        labels: new Int32Array(4),
        partials: new Float64Array(4),
        rows: 4,
        blocks: 1,
        threads: 2,
      }),
    ).toThrow(/SharedArrayBuffers/);
  });

  test('a worker fills its blocks like the main thread does', async () => {
    const rows = 40_000; // two blocks: one per thread
    const data = new Float64Array(new SharedArrayBuffer(rows * 8));
    for (let i = 0; i < rows; i++) data[i] = i % 10;
    const labels = new Int32Array(new SharedArrayBuffer(rows * 4)).fill(-1);
    const partials = new Float64Array(new SharedArrayBuffer(2 * partialsStride(2, 1) * 8));
    const pool = startLloydThreadPool({
      kernel: compileLloydKernel(2, 1),
      kernelSource: lloydKernelSource(2, 1),
      data,
      labels,
      partials,
      rows,
      blocks: 2,
      threads: 2,
    });
    try {
      await pool.run(Float64Array.of(0, 9));
    } finally {
      await pool.close();
    }
    expect(labels.every((label, i) => label === (i % 10 >= 5 ? 1 : 0))).toBe(true);
    const stride = partialsStride(2, 1);
    const second = Array.from(partials.subarray(stride, 2 * stride));
    const secondRows = rows - 32768;
    // rows 32768.. hold values 8,9,0,1,… : count per side = half of them
    expect(second[2] + second[3]).toBe(secondRows);
    expect(second[5]).toBe(secondRows); // every label changed from −1
  });
});

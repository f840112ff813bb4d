import { compileLloydKernel, lloydKernelSource, partialsStride } from '../../src/cluster/lloyd-kernel';
import { startLloydThreadPool } from '../../src/cluster/lloyd-workers';

describe('Lloyd thread pool', () => {
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

  test('main thread and worker together fill every block once, step after step', async () => {
    const rows = 3 * 32768 + 100; // four blocks, taken by whichever thread is free
    const data = new Float64Array(new SharedArrayBuffer(rows * 8));
    for (let i = 0; i < rows; i++) data[i] = i % 10;
    const labels = new Int32Array(new SharedArrayBuffer(rows * 4)).fill(-1);
    const partials = new Float64Array(new SharedArrayBuffer(4 * partialsStride(2, 1) * 8));
    const pool = startLloydThreadPool({
      kernel: compileLloydKernel(2, 1),
      kernelSource: lloydKernelSource(2, 1),
      data,
      labels,
      partials,
      rows,
      blocks: 4,
      threads: 2,
    });
    const stride = partialsStride(2, 1);
    const changedPerStep: number[] = [];
    try {
      for (const centers of [Float64Array.of(0, 9), Float64Array.of(0, 9), Float64Array.of(0, 2)]) {
        await pool.run(centers);
        changedPerStep.push([0, 1, 2, 3].reduce((sum, b) => sum + partials[b * stride + 5], 0));
      }
    } finally {
      await pool.close();
    }
    // last step: centers 0 and 2, so values ≥ 2 go to cluster 1 (1 is a tie, which goes to the first center)
    expect(labels.every((label, i) => label === (i % 10 >= 2 ? 1 : 0))).toBe(true);
    const counts = [0, 1, 2, 3].map((b) => partials[b * stride + 2] + partials[b * stride + 3]);
    expect(counts).toEqual([32768, 32768, 32768, 100]);
    // every label changes from −1, none on the repeat, then values 2, 3, 4 move from cluster 0 to 1
    const movedRows = Array.from({ length: rows }, (_, i) => i % 10).filter((v) => v >= 2 && v <= 4).length;
    expect(changedPerStep).toEqual([rows, 0, movedRows]);
  });
});

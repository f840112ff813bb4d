import { correlationMatrix, correlationMatrixSql } from '../../src/analysis/correlation';
import { duckdbWith, expectClose, randomTracks } from './fixtures';

describe('correlationMatrix', () => {
  const exact = {
    length: 4,
    numeric: {
      energy: Float64Array.from([1, 2, 3, 4]),
      loudness: Float64Array.from([-20, -15, -10, -5]),
      acousticness: Float64Array.from([4, 3, 2, 1]),
      valence: Float64Array.from([1, 3, 2, 4]),
    },
    text: {},
    lists: {},
  };
  const features = ['energy', 'loudness', 'acousticness', 'valence'] as const;

  it('gives +1, −1 and a hand-computed r', () => {
    const { matrix, n } = correlationMatrix(exact, { features });
    expect(n).toBe(4);
    expect(matrix[0][1]).toBeCloseTo(1, 12);
    expect(matrix[0][2]).toBeCloseTo(-1, 12);
    // energy vs valence: deviations (−1.5,−.5,.5,1.5)·(−1.5,.5,−.5,1.5) = 4, over 5 → 0.8
    expect(matrix[0][3]).toBeCloseTo(0.8, 12);
    expect(matrix[3][0]).toBe(matrix[0][3]);
    expect(matrix[2][2]).toBe(1);
  });

  it('refuses a constant column', () => {
    const flat = { ...exact, numeric: { ...exact.numeric, valence: new Float64Array(4).fill(0.5) } };
    expect(() => correlationMatrix(flat, { features })).toThrow(/'valence' is constant/);
  });

  it('DuckDB matches the reference, and refuses a constant column too', async () => {
    const tracks = randomTracks(250, 5);
    const connection = await duckdbWith(tracks);
    expectClose(await correlationMatrixSql(connection, 'relation'), correlationMatrix(tracks));
    await connection.run('CREATE TABLE flat AS SELECT * REPLACE (0.5::DOUBLE AS valence) FROM relation');
    await expect(correlationMatrixSql(connection, 'flat')).rejects.toThrow(/'valence' is constant/);
  });
});

import { duckdbWith, expectClose, randomTracks } from './fixtures';

describe('test fixtures', () => {
  it('expectClose fails on a real difference, passes within tolerance, treats NaN as equal', () => {
    expect(() => expectClose({ a: [1, 2] }, { a: [1, 2 + 1e-6] })).toThrow(/\$\.a\[1\]/);
    expect(() => expectClose([1, 2], [1])).toThrow(/length/);
    expect(() => expectClose({ key: 'x' }, { key: 'y' })).toThrow(/\$\.key/);
    expect(() => expectClose([NaN], [0])).toThrow();
    expect(() => expectClose({ a: [1, NaN] }, { a: [1 + 1e-12, NaN] })).not.toThrow();
  });

  it('loads a table into DuckDB row for row', async () => {
    const table = randomTracks(20, 1);
    const connection = await duckdbWith(table);
    const rows = (
      await connection.runAndReadAll('SELECT rowid, energy, artists, explicit FROM relation ORDER BY rowid')
    ).getRowObjectsJS();
    expect(rows).toHaveLength(20);
    expect(rows[7].energy).toBe(table.numeric.energy![7]);
    expect(rows[7].artists).toEqual(table.lists.artists![7]);
    expect(rows[7].explicit).toBe(table.explicit![7] === 1);
  });
});

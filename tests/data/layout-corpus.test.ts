/**
 * The conformance corpus (tests/fixtures/layouts): every family loads with a mapping report a person can check —
 * every file column listed, mapped to the right schema column with the right conversion — and the values come
 * back in the schema's units (the canonical rows the fixture encoded), or the file is refused with one clear
 * sentence.
 */
import { loadTracks } from '../../src/data/load';
import { DataError } from '../../src/data/errors';
import { formatLoadReport } from '../../src/data/load-report';
import { LAYOUT_FAMILIES, writeLayoutFixture } from '../fixtures/layouts';
import { tempDir } from './fixtures';

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) < 1e-6
    : JSON.stringify(a) === JSON.stringify(b);

test('the corpus has at least 15 families that load and some that are refused', () => {
  expect(LAYOUT_FAMILIES.filter((f) => !f.refusal).length).toBeGreaterThanOrEqual(15);
  expect(LAYOUT_FAMILIES.some((f) => f.refusal)).toBe(true);
});

describe.each(LAYOUT_FAMILIES.map((f) => [f.name, f] as const))('%s', (name, family) => {
  test(family.refusal ? 'is refused with one clear sentence' : 'loads with a checkable mapping', async () => {
    const { file, truth } = writeLayoutFixture(name, tempDir());
    if (family.refusal) {
      const error = await loadTracks(file).then(
        (l) => (l.close(), undefined),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataError);
      expect((error as Error).message).toMatch(family.refusal);
      expect((error as Error).message).not.toMatch(/Error:|\\x|\uFFFD/);
      return;
    }
    const loaded = await loadTracks(file);
    try {
      const r = loaded.report;
      const text = formatLoadReport(r);
      // Every file column is listed once, in order, with what became of it.
      expect(r.columns.map((c) => c.source)).toEqual(family.columns.map((c) => c.header));
      family.columns.forEach((col, i) => {
        const reported = r.columns[i];
        if (col.target)
          expect([col.header, reported.status, reported.target]).toEqual([col.header, 'mapped', col.target]);
        else expect([col.header, reported.status]).not.toEqual([col.header, 'mapped']);
        if (col.note)
          expect([col.header, reported.note]).toEqual([col.header, expect.stringMatching(col.note)]);
        expect(text).toContain(col.header === '' ? '""' : col.header);
      });
      if (family.layout) expect(r.layout).toBe(family.layout);
      expect(r.dialect?.encoding).toBe(family.detectedEncoding ?? 'utf-8');
      expect(r.dialect?.headerLine).toBe((family.titleLines?.length ?? 0) + 1);
      expect(r.dialect?.gzip ?? false).toBe(family.gzip ?? false);
      expect([r.rowsRead, r.rowsKept, r.rowsRejected]).toEqual([truth.length, truth.length, 0]);
      // `available` is exactly the mapped columns plus what derives from them.
      for (const col of family.columns) if (col.target) expect(r.available).toContain(col.target);
      const targets = new Set(family.columns.map((col) => col.target));
      if (!targets.has('explicit')) expect(r.available).not.toContain('explicit');
      if (!targets.has('album')) expect(r.available).not.toContain('album');
      // Values come back in the schema's units.
      const checked = family.columns.filter((col) => col.target && col.value);
      const rows = (
        await loaded.connection.runAndReadAll(
          `SELECT ${checked.map((col) => `"${col.target}"`).join(', ')} FROM tracks`,
        )
      ).getRowsJS();
      const mismatches: string[] = [];
      rows.forEach((row, i) =>
        checked.forEach((col, j) => {
          const want = col.value!(truth[i], i);
          if (!close(row[j], want) && mismatches.length < 5)
            mismatches.push(
              `row ${i} ${col.header}: got ${JSON.stringify(row[j])}, want ${JSON.stringify(want)}`,
            );
        }),
      );
      expect(mismatches).toEqual([]);
      // Columns the file lacks are NULL, never a made-up value.
      const absent = ['explicit', 'album', 'instrumentalness'].filter((c) => !targets.has(c));
      for (const c of absent) {
        const n = (await loaded.connection.runAndReadAll(`SELECT count(${c}) FROM tracks`)).getRows()[0][0];
        expect([c, Number(n)]).toEqual([c, 0]);
      }
    } finally {
      loaded.close();
    }
  });
});

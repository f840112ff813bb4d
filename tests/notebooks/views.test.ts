import { sourceCards } from '../../src/notebooks/views';
import type { Lab } from '../../src/pipeline/lab';
import type { Overview } from '../../src/pipeline/steps/overview';

const lab = { source: { synthetic: false, path: 'spotify-2023.csv' } } as unknown as Lab;
const overview = (over: Partial<Overview>): Overview =>
  ({
    report: { rowsRead: 137, rowsKept: 137, rowsRejected: 0, cleaning: { dropped: 0 } },
    rows: 137,
    firstYear: 1975,
    lastYear: 2023,
    explicitShare: null,
    meanDurationMin: 3.2,
    ...over,
  }) as unknown as Overview;

test('sourceCards: a file without year or duration gets "—" and a note, from NaN or from the cache\'s null', () => {
  // spotify-2023.csv has no duration: notebook 01 died on `null.toFixed` (the cached overview holds null).
  for (const missing of [NaN, null]) {
    const cards = sourceCards(
      lab,
      overview({
        firstYear: missing as number,
        lastYear: missing as number,
        meanDurationMin: missing as number,
      }),
    );
    expect(cards.find((c) => c.label === 'Years')).toMatchObject({ value: '—', note: 'no year in file' });
    expect(cards.find((c) => c.label === 'Mean duration')).toMatchObject({
      value: '—',
      note: 'no duration in file',
    });
  }
  const cards = sourceCards(lab, overview({}));
  expect(cards.find((c) => c.label === 'Years')?.value).toBe('1975–2023');
  expect(cards.find((c) => c.label === 'Mean duration')?.value).toBe('3.20 min');
});

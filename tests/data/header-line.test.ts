import { findHeaderLine, splitCsvLine, splitQuotedCsvLine } from '../../src/data/header-line';
import { createRandom } from '../../src/util/random';

test('a title line and a blank line above the header are skipped', () => {
  const guess = findHeaderLine([
    'top10s,,,,,',
    '',
    ',title,artist,top genre,year,bpm,nrgy',
    '1,A,B,pop,2010,97,89',
  ]);
  expect([guess.line, guess.delimiter, guess.columns[1]]).toEqual([3, ',', 'title']);
});

test('the delimiter is the one that makes known names (a ; file with commas inside names)', () => {
  const guess = findHeaderLine([
    'Title;Artist;Beats Per Minute (BPM);Energy',
    'Hey, Soul Sister;Train;97;89',
  ]);
  expect([guess.line, guess.delimiter, guess.columns.length]).toEqual([1, ';', 4]);
});

test('no known name: the first line with two non-empty cells', () => {
  const guess = findHeaderLine(['', 'foo,bar', '1,2']);
  expect([guess.line, guess.columns, guess.known]).toEqual([2, ['foo', 'bar'], 0]);
});

test('splitCsvLine gives what the character loop gives, quotes or not', () => {
  const random = createRandom(3);
  const pieces = ['a', ' ', '\t', ',', ';', '|', '"', '""', 'é', '\u00a0', '\r', '', 'x y', ':'];
  for (let k = 0; k < 3000; k++) {
    const line = Array.from({ length: random.int(12) }, () => pieces[random.int(pieces.length)]).join('');
    for (const d of [',', ';', '\t', '|', '::'])
      expect([line, d, splitCsvLine(line, d)]).toEqual([line, d, splitQuotedCsvLine(line, d)]);
  }
});

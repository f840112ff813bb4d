import { csvField, defuseFormula, toCsv } from '../../../src/report/client/csv';
import { HOSTILE_NAMES } from './hostile-names';
import { cells, formulaRisk, risksInCsv } from './spreadsheet-cells';

test('quotes text, doubles quotes, joins lists; blanks missing; numbers bare', () => {
  expect(csvField('plain')).toBe('"plain"');
  expect(csvField('Hello, "World"')).toBe('"Hello, ""World"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField(['A', "Guns N' Roses"])).toBe(`"A; Guns N' Roses"`);
  expect(csvField(null)).toBe('');
  expect(csvField(undefined)).toBe('');
  expect(csvField(NaN)).toBe('');
  expect(csvField(Infinity)).toBe('');
  expect(csvField(0.25)).toBe('0.25');
});

test('OWASP leads are defused in text cells: = + - @ tab CR LF, NUL, full-width', () => {
  for (const lead of ['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠']) {
    expect(defuseFormula(`${lead}1+1`)).toBe(`'${lead}1+1`);
  }
  expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(defuseFormula('plain')).toBe('plain');
  expect(defuseFormula("'=1")).toBe("'=1"); // already text: unchanged
});

test('a lead behind spaces or quotes, or after a separator inside the text, is defused too', () => {
  expect(defuseFormula('  =1')).toBe("'  =1");
  expect(defuseFormula('"=1"')).toBe(`'"=1"`);
  expect(defuseFormula('a; =1')).toBe("a;' =1");
  expect(defuseFormula('a,=1')).toBe("a,'=1");
  expect(defuseFormula('a\t@x')).toBe("a\t'@x");
  expect(defuseFormula('a\n-1')).toBe("a\n'-1");
  // A hyphen inside a title is not at a cell start: left alone.
  expect(defuseFormula('Love Me Do - Remastered')).toBe('Love Me Do - Remastered');
});

test('artist lists are defused, every artist of them', () => {
  const field = csvField(['Artist 1', '=HYPERLINK("http://x","y")']);
  expect(field).toBe(`"Artist 1;' =HYPERLINK(""http://x"",""y"")"`);
  expect(csvField(['@SUM(1)', 'B'])).toBe(`"'@SUM(1); B"`);
});

test('genuine numbers stay numeric (negative too); a text that looks like one is defused', () => {
  expect(csvField(-7.25)).toBe('-7.25');
  expect(csvField(-1e21)).toBe('-1e+21');
  expect(csvField('-7.25')).toBe(`"'-7.25"`);
});

test('every hostile name, in any column type, gives a file whose every cell is inert with , ; or tab', () => {
  const rows = HOSTILE_NAMES.map((name, i) => [`id${i}`, name, [name, 'Artist'], ['Artist', name], -3.5, i]);
  const csv = toCsv(['id', 'name', 'artists', 'more_artists', 'loudness', 'n'], rows);
  expect(risksInCsv(csv)).toEqual([]);
  // And the comma-separated reading gives back each name, with only ' added.
  const parsed = cells(csv, ',');
  expect(parsed).toHaveLength(HOSTILE_NAMES.length + 1);
  HOSTILE_NAMES.forEach((name, i) => {
    expect(parsed[i + 1][1].replace(/'/g, '')).toBe(name.replace(/'/g, ''));
    expect(parsed[i + 1][4]).toBe('-3.5');
  });
});

test('the spreadsheet reader sees the risks the old download had', () => {
  // What the download wrote before: lists joined unchecked, tab/CR leads passed, ; splits inside quotes.
  expect(formulaRisk('=HYPERLINK("x")')).not.toBeNull();
  expect(formulaRisk('\t=1')).not.toBeNull();
  expect(formulaRisk(' =1')).not.toBeNull();
  expect(formulaRisk("'=1")).toBeNull();
  expect(formulaRisk('-3.5')).toBeNull();
  expect(risksInCsv('a,"Artist; =1+1"\r\n')).toHaveLength(1);
  expect(risksInCsv('a,"Artist;\' =1+1"\r\n')).toEqual([]);
});

test('toCsv: header then rows, CRLF line ends', () => {
  expect(
    toCsv(
      ['a', 'b'],
      [
        [1, 'x,y'],
        [null, ['p', 'q']],
      ],
    ),
  ).toBe('"a","b"\r\n1,"x,y"\r\n,"p; q"\r\n');
});

import { csvField, toCsv } from '../../../src/report/client/csv';

test('quotes fields with commas, quotes and newlines; joins lists; blanks missing', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('Hello, "World"')).toBe('"Hello, ""World"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField(['A', "Guns N' Roses"])).toBe("A; Guns N' Roses");
  expect(csvField(null)).toBe('');
  expect(csvField(NaN)).toBe('');
  expect(csvField(0.25)).toBe('0.25');
});

test('a text cell that would run as a spreadsheet formula is defused', () => {
  expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvField(-1.5)).toBe('-1.5');
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
  ).toBe('a,b\r\n1,"x,y"\r\n,p; q\r\n');
});

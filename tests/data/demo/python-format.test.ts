import { execFileSync } from 'child_process';
import { createRandom } from '../../../src/util/random';
import { csvField, pythonFloat, pythonListRepr, pythonStrRepr } from '../../../src/data/demo/python-format';

const PYTHON = '/usr/bin/python3';

describe('pythonFloat', () => {
  it('writes floats as Python repr does', () => {
    expect(pythonFloat(4)).toBe('4.0');
    expect(pythonFloat(0)).toBe('0.0');
    expect(pythonFloat(-0)).toBe('-0.0');
    expect(pythonFloat(0.599)).toBe('0.599');
    expect(pythonFloat(-5.763999999999999)).toBe('-5.763999999999999');
    expect(pythonFloat(7.06e-5)).toBe('7.06e-05');
    expect(pythonFloat(0.0001)).toBe('0.0001');
    expect(pythonFloat(1e-7)).toBe('1e-07');
    expect(pythonFloat(1e16)).toBe('1e+16');
    expect(pythonFloat(123456789012345.6)).toBe('123456789012345.6');
    expect(pythonFloat(NaN)).toBe('nan');
  });

  it('agrees with Python on a seeded sample across magnitudes', () => {
    const rng = createRandom(11);
    const values = Array.from({ length: 400 }, () => (rng.next() - 0.3) * 10 ** (rng.int(26) - 10));
    const python = execFileSync(
      PYTHON,
      ['-c', 'import sys, json; print("\\n".join(repr(float(v)) for v in json.load(sys.stdin)))'],
      {
        input: JSON.stringify(values),
      },
    )
      .toString()
      .trim()
      .split('\n');
    expect(values.map(pythonFloat)).toEqual(python);
  });
});

describe('pythonStrRepr / pythonListRepr', () => {
  it('picks quotes and escapes like Python', () => {
    expect(pythonStrRepr('Pearl Jam')).toBe("'Pearl Jam'");
    expect(pythonStrRepr("Guns N' Roses")).toBe('"Guns N\' Roses"');
    expect(pythonStrRepr('Christone "Kingfish" Ingram')).toBe('\'Christone "Kingfish" Ingram\'');
    expect(pythonStrRepr('It\'s "x"')).toBe("'It\\'s \"x\"'");
    expect(pythonStrRepr('a\\b\nc\u0001')).toBe("'a\\\\b\\nc\\x01'");
    expect(pythonStrRepr('Sigur Rós')).toBe("'Sigur Rós'");
    expect(pythonListRepr(['Daft Punk', "Guns N' Roses"])).toBe("['Daft Punk', \"Guns N' Roses\"]");
    expect(pythonListRepr([])).toBe('[]');
  });
});

describe('csvField', () => {
  it('quotes only fields with commas, quotes or newlines, doubling quotes', () => {
    expect(csvField('Riot Act')).toBe('Riot Act');
    expect(csvField('')).toBe('');
    expect(csvField("Mama, I'm Coming Home")).toBe('"Mama, I\'m Coming Home"');
    expect(csvField('[\'Christone "Kingfish" Ingram\']')).toBe('"[\'Christone ""Kingfish"" Ingram\']"');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});

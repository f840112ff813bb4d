import { compareCodePoints } from '../../src/analysis/compare-text';

describe('compareCodePoints', () => {
  it('orders by code point, unlike UTF-16 comparison, for astral characters', () => {
    const astral = '\u{1F600}'; // U+1F600, stored as surrogates D83D DE00
    const highBmp = '\uFF21'; // U+FF21
    expect(astral < highBmp).toBe(true); // JavaScript's own order
    expect(compareCodePoints(astral, highBmp)).toBeGreaterThan(0);
    expect(compareCodePoints(highBmp, astral)).toBeLessThan(0);
  });
  it('agrees with < on ordinary text, and shorter prefixes first', () => {
    const words = ['b', 'a', 'ab', 'B', 'é', 'a b', ''];
    expect([...words].sort(compareCodePoints)).toEqual([...words].sort());
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});

import { shapeCheck } from '../../src/util/shape-check';

const check = shapeCheck({
  promotion: { evaluation: { rocAuc: 'number' }, scores: 'typed', meta: 'object' },
  'popularity?': { evaluation: { rocAuc: 'number' } },
  examples: [{ text: { text: 'string' } }],
});
const good = {
  promotion: { evaluation: { rocAuc: 0.9 }, scores: new Float64Array(2), meta: {} },
  examples: [{ text: { text: 'a' } }],
};

test('a value that fits passes; optional parts may be absent or null', () => {
  expect(check(good)).toBeNull();
  expect(check({ ...good, popularity: null })).toBeNull();
});

test('the first problem is named by its path', () => {
  expect(check({})).toBe('promotion is missing');
  expect(check(null)).toBe('the value is null, expected an object');
  expect(check({ ...good, promotion: { ...good.promotion, evaluation: {} } })).toBe(
    'promotion.evaluation.rocAuc is missing',
  );
  expect(check({ ...good, promotion: { ...good.promotion, scores: [0.1] } })).toBe(
    'promotion.scores is an array, expected a typed array',
  );
  expect(check({ ...good, popularity: { evaluation: { rocAuc: '0.9' } } })).toBe(
    'popularity.evaluation.rocAuc is a string, expected a number',
  );
  expect(check({ ...good, examples: [{ text: { text: 'a' } }, { text: {} }] })).toBe(
    'examples[1].text.text is missing',
  );
});

import { checkFeatureNames, META_FORMAT, validateMeta } from '../../src/model/meta';

test('feature names must match the model exactly, in order, with a message naming the difference', () => {
  expect(() => checkFeatureNames(['a', 'b'], ['a', 'b'])).not.toThrow();
  expect(() => checkFeatureNames(['a', 'b', 'c'], ['a', 'd'])).toThrow(
    /missing: b, c; extra: d\); the model expects: a, b, c/,
  );
  expect(() => checkFeatureNames(['a', 'b'], ['b', 'a'])).toThrow(
    /another order: got b, a; the model expects a, b/,
  );
});

test('a meta file of another format or without features is rejected', () => {
  expect(() => validateMeta({ format: 'other' })).toThrow(
    /expected format 'spotify-insights-lab\/promotion-model-meta@1', got 'other'/,
  );
  expect(() => validateMeta({ format: META_FORMAT, features: [], iterationEnd: 0 })).toThrow(
    /non-empty list/,
  );
  expect(() => validateMeta({ format: META_FORMAT, features: ['a'], iterationEnd: -1 })).toThrow(
    /iterationEnd/,
  );
  expect(validateMeta({ format: META_FORMAT, features: ['a'], iterationEnd: 3 }).features).toEqual(['a']);
});

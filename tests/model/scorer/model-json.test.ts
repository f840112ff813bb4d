import { parseXGBoostModel } from '../../../src/model/scorer';
import { tinyModel } from './tiny-model';

describe('parseXGBoostModel', () => {
  it('reads trees, base margin and node means from a model object, text or bytes', () => {
    const json = JSON.stringify(tinyModel({ baseScore: '2E-1' }));
    for (const input of [JSON.parse(json), json, new TextEncoder().encode(json)]) {
      const model = parseXGBoostModel(input);
      expect(model.numFeatures).toBe(2);
      expect(model.transform).toBe('sigmoid');
      expect(model.baseMargin).toBeCloseTo(Math.log(0.2 / 0.8), 6);
      expect(model.trees[0].meanValue[0]).toBeCloseTo((-1 * 4 + 2 * 6) / 10, 12);
      expect(model.trees[0].depth).toBe(1);
      expect(model.featureNames).toEqual(['f0', 'f1']);
    }
  });

  it('stores thresholds as float32', () => {
    const model = parseXGBoostModel(tinyModel({ threshold: 0.1 }));
    expect(model.trees[0].threshold[0]).toBe(Math.fround(0.1));
  });

  it('rejects truncated JSON, a JSON that is not a model, and what it cannot score', () => {
    const json = JSON.stringify(tinyModel());
    expect(() => parseXGBoostModel(json.slice(0, 100))).toThrow('truncated?');
    expect(() => parseXGBoostModel({ a: 1 })).toThrow('missing "learner"');
    expect(() => parseXGBoostModel(tinyModel({ objective: 'multi:softprob' }))).toThrow(
      "objective 'multi:softprob'",
    );
    const broken = tinyModel() as {
      learner: { gradient_booster: { model: { trees: Array<Record<string, unknown>> } } };
    };
    broken.learner.gradient_booster.model.trees[0].left_children = [5, -1, -1];
    expect(() => parseXGBoostModel(broken)).toThrow('node 0 points at child 5');
    const categorical = tinyModel() as typeof broken;
    categorical.learner.gradient_booster.model.trees[0].split_type = [1, 0, 0];
    expect(() => parseXGBoostModel(categorical)).toThrow('categorical splits');
  });
});

import { cleanErrorText, xgboostLibraryPath, xgboostVersion } from '../../../src/model/xgboost/native';

describe('native library', () => {
  it('reports the library version', () => {
    const v = xgboostVersion();
    expect(v.major).toBeGreaterThanOrEqual(1);
    expect(v.text).toBe(`${v.major}.${v.minor}.${v.patch}`);
    expect(xgboostLibraryPath()).toMatch(/libxgboost/);
  });

  it('strips the timestamp, source location and stack trace from XGBoost errors', () => {
    const raw =
      '[17:43:12] ./src/objective/regression_obj.cu:148: label must be in [0,1]\nStack trace:\n  [bt] (0) x';
    expect(cleanErrorText(raw)).toBe('label must be in [0,1]');
    expect(cleanErrorText('Invalid Parameter format for max_depth')).toBe(
      'Invalid Parameter format for max_depth',
    );
  });
});

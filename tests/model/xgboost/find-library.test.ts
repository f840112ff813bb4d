import { findXGBoostLibrary, libraryCandidates } from '../../../src/model/xgboost/find-library';

describe('libraryCandidates', () => {
  it('puts the Debian multiarch path first on linux x64 and Python lib folders last', () => {
    const list = libraryCandidates({
      env: {},
      platform: 'linux',
      arch: 'x64',
      pythonLibDirs: ['/py/xgboost/lib'],
    });
    expect(list[0]).toBe('/usr/lib/x86_64-linux-gnu/libxgboost.so');
    expect(list).toContain('/usr/lib/x86_64-linux-gnu/libxgboost.so.0');
    expect(list[list.length - 1]).toBe('/py/xgboost/lib/libxgboost.so.0');
  });

  it('looks in Homebrew folders for a dylib on macOS', () => {
    const list = libraryCandidates({ env: {}, platform: 'darwin', arch: 'arm64', pythonLibDirs: [] });
    expect(list[0]).toBe('/opt/homebrew/opt/xgboost/lib/libxgboost.dylib');
    expect(list.every((f) => f.endsWith('.dylib'))).toBe(true);
  });
});

describe('findXGBoostLibrary', () => {
  const linux = { platform: 'linux' as const, arch: 'x64', pythonLibDirs: [] };

  it('prefers XGBOOST_LIBRARY_PATH', () => {
    const found = findXGBoostLibrary(
      { ...linux, env: { XGBOOST_LIBRARY_PATH: '/opt/x/libxgboost.so' } },
      () => true,
    );
    expect(found).toBe('/opt/x/libxgboost.so');
  });

  it('says when XGBOOST_LIBRARY_PATH points nowhere', () => {
    expect(() =>
      findXGBoostLibrary({ ...linux, env: { XGBOOST_LIBRARY_PATH: '/nope.so' } }, () => false),
    ).toThrow('XGBOOST_LIBRARY_PATH=/nope.so does not exist');
  });

  it('falls back to a Python install', () => {
    const py = '/venv/xgboost/lib/libxgboost.so';
    const found = findXGBoostLibrary(
      { ...linux, env: {}, pythonLibDirs: ['/venv/xgboost/lib'] },
      (f) => f === py,
    );
    expect(found).toBe(py);
  });

  it('gives one actionable line when nothing is found', () => {
    let message = '';
    try {
      findXGBoostLibrary({ ...linux, env: {} }, () => false);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/apt-get install libxgboost0/);
    expect(message).toMatch(/XGBOOST_LIBRARY_PATH/);
    expect(message).not.toContain('\n');
  });

  it('finds the real library on this machine', () => {
    expect(findXGBoostLibrary()).toMatch(/libxgboost/);
  });
});

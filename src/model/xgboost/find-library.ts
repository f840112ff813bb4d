/**
 * Where the XGBoost C library lives on this machine. The runtime needs only the shared library
 * (Debian/Ubuntu `libxgboost0`, Homebrew `xgboost`, or the one inside a Python `xgboost` wheel), never headers.
 */
import { execFileSync } from 'child_process';
import { existsSync, statSync } from 'fs';
import * as path from 'path';

/** Where to look, in order. Pure: tests pass their own environment. */
export interface LibrarySearchContext {
  /** Environment variables; `XGBOOST_LIBRARY_PATH` (a file, or a folder holding the library) wins. */
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  /** `lib/` folders of Python xgboost installs found on PATH (empty when none). */
  pythonLibDirs: string[];
}

const DEBIAN_MULTIARCH: Record<string, string> = {
  x64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
  ppc64: 'powerpc64le-linux-gnu',
  s390x: 's390x-linux-gnu',
};

function libraryFileNames(platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return ['libxgboost.dylib'];
  if (platform === 'win32') return ['xgboost.dll'];
  // Debian's libxgboost0 ships only the versioned name; the unversioned one comes with libxgboost-dev.
  return ['libxgboost.so', 'libxgboost.so.0'];
}

/** Candidate library files, most specific first. */
export function libraryCandidates(ctx: LibrarySearchContext): string[] {
  const names = libraryFileNames(ctx.platform);
  const inDirs = (dirs: string[]): string[] =>
    dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
  const dirs: string[] = [];
  const multiarch = DEBIAN_MULTIARCH[ctx.arch];
  if (ctx.platform === 'linux') {
    if (multiarch) dirs.push(`/usr/lib/${multiarch}`);
    dirs.push('/usr/lib', '/usr/local/lib', '/usr/lib64');
  }
  if (ctx.platform === 'darwin') {
    dirs.push(
      '/opt/homebrew/opt/xgboost/lib',
      '/opt/homebrew/lib',
      '/usr/local/opt/xgboost/lib',
      '/usr/local/lib',
    );
  }
  return [...inDirs(dirs), ...inDirs(ctx.pythonLibDirs)];
}

/** The `lib/` folder of each Python xgboost on PATH (`python3`, `python`); quiet when there is none. */
export function pythonXGBoostLibDirs(): string[] {
  const dirs: string[] = [];
  for (const python of ['python3', 'python']) {
    try {
      const out = execFileSync(
        python,
        ['-c', 'import os, xgboost; print(os.path.join(os.path.dirname(xgboost.__file__), "lib"))'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 15000 },
      ).trim();
      if (out && !dirs.includes(out)) dirs.push(out);
    } catch {
      // no such interpreter, or no xgboost in it
    }
  }
  return dirs;
}

const INSTALL_HINT =
  'install it (Debian/Ubuntu: apt-get install libxgboost0; macOS: brew install xgboost; or pip install xgboost) ' +
  'or set XGBOOST_LIBRARY_PATH to the libxgboost shared library';

/**
 * The path of the XGBoost shared library: `XGBOOST_LIBRARY_PATH` first, then the Debian/Ubuntu multiarch path,
 * Homebrew, then the `lib/` folder of a Python xgboost on PATH. Throws one actionable line when none exists.
 */
export function findXGBoostLibrary(
  ctx: Partial<LibrarySearchContext> = {},
  exists: (file: string) => boolean = existsSync,
): string {
  const env = ctx.env ?? process.env;
  const override = env.XGBOOST_LIBRARY_PATH;
  if (override) {
    if (!exists(override)) {
      throw new Error(
        `XGBOOST_LIBRARY_PATH=${override} does not exist; point it at libxgboost's shared library file`,
      );
    }
    if (exists === existsSync && statSync(override).isDirectory()) {
      const inside = libraryFileNames(ctx.platform ?? process.platform).map((n) => path.join(override, n));
      const found = inside.find(exists);
      if (!found)
        throw new Error(`XGBOOST_LIBRARY_PATH=${override} is a folder without ${inside.join(' or ')}`);
      return found;
    }
    return override;
  }
  const base = { env, platform: ctx.platform ?? process.platform, arch: ctx.arch ?? process.arch };
  const fixed = libraryCandidates({ ...base, pythonLibDirs: [] });
  const hit = fixed.find(exists);
  if (hit) return hit;
  // Asking Python costs a process start, so it is the last resort.
  const viaPython = libraryCandidates({ ...base, pythonLibDirs: ctx.pythonLibDirs ?? pythonXGBoostLibDirs() })
    .slice(fixed.length)
    .find(exists);
  if (viaPython) return viaPython;
  throw new Error(`XGBoost C library not found: ${INSTALL_HINT}`);
}

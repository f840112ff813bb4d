/**
 * The raw C API of libxgboost through koffi, loaded once per thread (a worker_threads Worker gets its own copy).
 * Facts this file is built on (measured with koffi 3 and XGBoost 1.7.4):
 * - koffi returns pointers as BigInt and out-params through one-element arrays (`const out = [null]`).
 * - Result buffers (predictions, model bytes, dumps) live in thread-local memory that the next call on this
 *   thread overwrites, so callers copy them out at once (`copyFloats`, `copyBytes`).
 * - XGBoost's log callback is thread-local: each thread registers its own, and the warning that lists unused
 *   parameters ("Parameters: { ... } are not used.") arrives through it during configuration.
 */
import * as koffi from 'koffi';
import { findXGBoostLibrary } from './find-library';

/** A native handle as koffi returns it. */
export type Pointer = bigint;
/** A one-element out-parameter array. */
export type Out<T> = [T | null];

export interface XGBoostApi {
  XGBoostVersion(major: Out<number>, minor: Out<number>, patch: Out<number>): void;
  XGBGetLastError(): string;
  XGBRegisterLogCallback(cb: unknown): number;
  XGDMatrixCreateFromMat_omp(
    data: Float32Array,
    rows: number,
    cols: number,
    missing: number,
    out: Out<Pointer>,
    nthread: number,
  ): number;
  XGDMatrixSetFloatInfo(handle: Pointer, field: string, values: Float32Array, length: number): number;
  XGDMatrixNumRow(handle: Pointer, out: Out<number>): number;
  XGDMatrixNumCol(handle: Pointer, out: Out<number>): number;
  XGDMatrixFree(handle: Pointer): number;
  XGBoosterCreate(cache: Pointer[], length: number, out: Out<Pointer>): number;
  XGBoosterFree(handle: Pointer): number;
  XGBoosterSetParam(handle: Pointer, name: string, value: string): number;
  XGBoosterUpdateOneIter(handle: Pointer, iteration: number, dtrain: Pointer): number;
  XGBoosterEvalOneIter(
    handle: Pointer,
    iteration: number,
    sets: Pointer[],
    names: string[],
    length: number,
    out: Out<string>,
  ): number;
  XGBoosterPredictFromDMatrix(
    handle: Pointer,
    dmat: Pointer,
    config: string,
    shape: Out<Pointer>,
    dim: Out<number>,
    result: Out<Pointer>,
  ): number;
  XGBoosterPredictFromDense(
    handle: Pointer,
    arrayInterface: string,
    config: string,
    proxy: Pointer | null,
    shape: Out<Pointer>,
    dim: Out<number>,
    result: Out<Pointer>,
  ): number;
  XGBoosterFeatureScore(
    handle: Pointer,
    config: string,
    nFeatures: Out<number>,
    features: Out<Pointer>,
    dim: Out<number>,
    shape: Out<Pointer>,
    scores: Out<Pointer>,
  ): number;
  XGBoosterLoadModelFromBuffer(handle: Pointer, buffer: Uint8Array, length: number): number;
  XGBoosterSaveModelToBuffer(
    handle: Pointer,
    config: string,
    length: Out<number>,
    data: Out<Pointer>,
  ): number;
  XGBoosterLoadModel(handle: Pointer, file: string): number;
  XGBoosterSaveModel(handle: Pointer, file: string): number;
  XGBoosterDumpModelEx(
    handle: Pointer,
    fmap: string,
    withStats: number,
    format: string,
    length: Out<number>,
    out: Out<Pointer>,
  ): number;
  XGBoosterGetNumFeature(handle: Pointer, out: Out<number>): number;
  XGBoosterBoostedRounds(handle: Pointer, out: Out<number>): number;
  XGBoosterSetAttr(handle: Pointer, key: string, value: string | null): number;
  XGBoosterGetAttr(handle: Pointer, key: string, out: Out<string>, success: Out<number>): number;
  XGBoosterSaveJsonConfig(handle: Pointer, length: Out<number>, out: Out<string>): number;
  XGBoosterSlice(handle: Pointer, begin: number, end: number, step: number, out: Out<Pointer>): number;
  // Data callbacks (QuantileDMatrix from an iterator): see quantile-dmatrix.ts.
  XGProxyDMatrixCreate(out: Out<Pointer>): number;
  XGProxyDMatrixSetDataDense(handle: Pointer, arrayInterface: string): number;
  XGQuantileDMatrixCreateFromCallback(
    iter: Pointer | null,
    proxy: Pointer,
    ref: Pointer | null,
    reset: (iter: Pointer | null) => void,
    next: (iter: Pointer | null) => number,
    config: string,
    out: Out<Pointer>,
  ): number;
  // The collective (Rabit in 1.7): see collective.ts.
  XGCommunicatorInit(config: string): number;
  XGCommunicatorFinalize(): number;
  XGCommunicatorGetRank(): number;
  XGCommunicatorGetWorldSize(): number;
  XGCommunicatorIsDistributed(): number;
  XGCommunicatorPrint(message: string): number;
  XGCommunicatorAllreduce(buffer: Float64Array, count: number, dataType: number, op: number): number;
}

const PROTOTYPES = [
  'void XGBoostVersion(_Out_ int *major, _Out_ int *minor, _Out_ int *patch)',
  'const char *XGBGetLastError()',
  'int XGDMatrixCreateFromMat_omp(const float *data, uint64_t nrow, uint64_t ncol, float missing, _Out_ void **out, int nthread)',
  'int XGDMatrixSetFloatInfo(void *handle, const char *field, const float *array, uint64_t len)',
  'int XGDMatrixNumRow(void *handle, _Out_ uint64_t *out)',
  'int XGDMatrixNumCol(void *handle, _Out_ uint64_t *out)',
  'int XGDMatrixFree(void *handle)',
  'int XGBoosterCreate(void **dmats, uint64_t len, _Out_ void **out)',
  'int XGBoosterFree(void *handle)',
  'int XGBoosterSetParam(void *handle, const char *name, const char *value)',
  'int XGBoosterUpdateOneIter(void *handle, int iter, void *dtrain)',
  'int XGBoosterEvalOneIter(void *handle, int iter, void **dmats, const char **names, uint64_t len, _Out_ const char **out)',
  'int XGBoosterPredictFromDMatrix(void *handle, void *dmat, const char *config, _Out_ void **shape, _Out_ uint64_t *dim, _Out_ void **result)',
  'int XGBoosterPredictFromDense(void *handle, const char *values, const char *config, void *m, _Out_ void **shape, _Out_ uint64_t *dim, _Out_ void **result)',
  'int XGBoosterFeatureScore(void *handle, const char *config, _Out_ uint64_t *n_features, _Out_ void **features, _Out_ uint64_t *dim, _Out_ void **shape, _Out_ void **scores)',
  'int XGBoosterLoadModelFromBuffer(void *handle, const void *buf, uint64_t len)',
  'int XGBoosterSaveModelToBuffer(void *handle, const char *config, _Out_ uint64_t *len, _Out_ void **data)',
  'int XGBoosterLoadModel(void *handle, const char *fname)',
  'int XGBoosterSaveModel(void *handle, const char *fname)',
  'int XGBoosterDumpModelEx(void *handle, const char *fmap, int with_stats, const char *format, _Out_ uint64_t *len, _Out_ void **out)',
  'int XGBoosterGetNumFeature(void *handle, _Out_ uint64_t *out)',
  'int XGBoosterBoostedRounds(void *handle, _Out_ int *out)',
  'int XGBoosterSetAttr(void *handle, const char *key, const char *value)',
  'int XGBoosterGetAttr(void *handle, const char *key, _Out_ const char **out, _Out_ int *success)',
  'int XGBoosterSaveJsonConfig(void *handle, _Out_ uint64_t *len, _Out_ const char **out)',
  'int XGBoosterSlice(void *handle, int begin_layer, int end_layer, int step, _Out_ void **out)',
  'int XGProxyDMatrixCreate(_Out_ void **out)',
  'int XGProxyDMatrixSetDataDense(void *handle, const char *array_interface)',
  'int XGCommunicatorInit(const char *config)',
  'int XGCommunicatorFinalize()',
  'int XGCommunicatorGetRank()',
  'int XGCommunicatorGetWorldSize()',
  'int XGCommunicatorIsDistributed()',
  'int XGCommunicatorPrint(const char *message)',
  'int XGCommunicatorAllreduce(void *buffer, size_t count, int data_type, int op)',
];

interface Loaded {
  api: XGBoostApi;
  path: string;
  /** Log lines XGBoost emitted on this thread since the last `takeLog()`. */
  log: string[];
}

let loaded: Loaded | null = null;

/** The C API, loading the library on first use (and registering this thread's log callback). */
export function xgb(): XGBoostApi {
  return load().api;
}

function load(): Loaded {
  if (loaded) return loaded;
  const file = findXGBoostLibrary();
  const lib = koffi.load(file);
  const api: Record<string, unknown> = {};
  // Unnamed: koffi's type names are process-wide, and jest loads this module once per test file.
  const logCallbackType = koffi.pointer(koffi.proto('void', ['const char *']));
  api.XGBRegisterLogCallback = lib.func('XGBRegisterLogCallback', 'int', [logCallbackType]);
  // The iterator callbacks are transient (koffi): XGBoost calls them only while the create call runs.
  const resetType = koffi.pointer(koffi.proto('void', ['void *']));
  const nextType = koffi.pointer(koffi.proto('int', ['void *']));
  api.XGQuantileDMatrixCreateFromCallback = lib.func('XGQuantileDMatrixCreateFromCallback', 'int', [
    'void *',
    'void *',
    'void *',
    resetType,
    nextType,
    'const char *',
    koffi.out(koffi.pointer('void *')),
  ]);
  for (const prototype of PROTOTYPES) {
    const name = /\b(XG\w+)\(/.exec(prototype)![1];
    api[name] = lib.func(prototype);
  }
  const state: Loaded = { api: api as unknown as XGBoostApi, path: file, log: [] };
  // Kept referenced for the life of the thread: the library holds the raw function pointer.
  const callback = koffi.register((msg: string) => {
    state.log.push(msg);
    // Native stack traces (a failed tracker connection logs one) help no reader of this log.
    if (!/are not used\./.test(msg))
      process.stderr.write(`xgboost: ${msg.split(/\nStack trace:/)[0].trim()}\n`);
  }, logCallbackType);
  (state as Loaded & { callback?: unknown }).callback = callback;
  state.api.XGBRegisterLogCallback(callback);
  loaded = state;
  return state;
}

/** The path of the loaded library. */
export function xgboostLibraryPath(): string {
  return load().path;
}

/** The version of the loaded XGBoost library, e.g. `{ major: 1, minor: 7, patch: 4, text: '1.7.4' }`. */
export function xgboostVersion(): { major: number; minor: number; patch: number; text: string } {
  const major: Out<number> = [null];
  const minor: Out<number> = [null];
  const patch: Out<number> = [null];
  xgb().XGBoostVersion(major, minor, patch);
  const v = { major: major[0] ?? 0, minor: minor[0] ?? 0, patch: patch[0] ?? 0 };
  return { ...v, text: `${v.major}.${v.minor}.${v.patch}` };
}

/** XGBoost's error text without its timestamp, source location and native stack trace. */
export function cleanErrorText(raw: string): string {
  const withoutStack = raw.split(/\nStack trace:/)[0];
  return withoutStack
    .replace(/^\[\d\d:\d\d:\d\d\]\s*/, '')
    .replace(/^[./\w-]+\.(cc|cu|h|cuh):\d+:\s*/, '')
    .trim();
}

/** Throws with XGBoost's own error text when a C call failed (`rc !== 0`). */
export function check(rc: number, what: string): void {
  if (rc === 0) return;
  const text = cleanErrorText(xgb().XGBGetLastError());
  throw new Error(`XGBoost ${what} failed: ${text || `return code ${rc}`}`);
}

/**
 * Drains this thread's XGBoost log and throws when it says parameters were not used: XGBoost itself only
 * warns (with validate_parameters), but a misspelt parameter silently trains a different model.
 */
export function throwOnUnusedParameters(): void {
  const state = load();
  const lines = state.log.splice(0);
  const unused = lines.find((line) => /Parameters: \{.*\} are not used\./s.test(line));
  if (unused) {
    const text = /Parameters: \{.*\} are not used\./s.exec(unused)![0].replace(/\s+/g, ' ');
    throw new Error(
      `XGBoost rejected the parameters: ${text} Check the spelling against XGBoost's parameter list.`,
    );
  }
}

/** A copy of `count` float32 values at `ptr` (XGBoost reuses that memory on the next call). */
export function copyFloats(ptr: Pointer | null, count: number): Float32Array {
  if (count === 0) return new Float32Array(0);
  if (ptr === null) throw new Error('XGBoost returned a null result buffer');
  return new Float32Array(koffi.view(ptr, count * 4)).slice();
}

/** A copy of `count` bytes at `ptr`. */
export function copyBytes(ptr: Pointer | null, count: number): Uint8Array {
  if (count === 0) return new Uint8Array(0);
  if (ptr === null) throw new Error('XGBoost returned a null result buffer');
  return new Uint8Array(koffi.view(ptr, count)).slice();
}

/** `count` uint64 values at `ptr` as numbers (shapes). */
export function copyShape(ptr: Pointer | null, count: number): number[] {
  if (count === 0) return [];
  if (ptr === null) throw new Error('XGBoost returned a null shape');
  return Array.from(new BigUint64Array(koffi.view(ptr, count * 8)), Number);
}

/** `count` C strings from a `char **` at `ptr`. */
export function copyStrings(ptr: Pointer | null, count: number): string[] {
  if (count === 0) return [];
  if (ptr === null) throw new Error('XGBoost returned a null string array');
  return koffi.decode(ptr, 'const char *', count) as string[];
}

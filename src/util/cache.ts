/**
 * An on-disk cache for expensive step results, keyed by (step name, input fingerprint, parameters) — the
 * same idea as Streamlit's `cache_data` or Quarto's `freeze`: re-running notebook 05 does not re-read the CSV.
 * Values are JSON; typed arrays round-trip exactly (stored as base64 of their bytes).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { withFileLock } from './file-lock';

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint8Array,
  Int8Array,
  Int16Array,
  Uint16Array,
} as const;
type TypedName = keyof typeof TYPED;

/** A stable hash of any JSON-able value (object keys sorted, typed arrays by content). */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 16);
}

function stableStringify(value: unknown): string {
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return `"${value.constructor.name}:${createHash('sha256').update(bytes).digest('hex')}"`;
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** JSON text in which typed arrays survive the round trip. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key, v) {
    if (ArrayBuffer.isView(v) && v.constructor.name in TYPED) {
      const bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      return { $typed: v.constructor.name, base64: bytes.toString('base64') };
    }
    return v;
  });
}

export function deserialize<T>(text: string): T {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === 'object' && typeof v.$typed === 'string' && v.$typed in TYPED) {
      const bytes = Buffer.from(v.base64, 'base64');
      const Ctor = TYPED[v.$typed as TypedName];
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Ctor(copy.buffer, 0, copy.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    return v;
  }) as T;
}

/** Checks a value read from the cache: the first problem found (`'promotion.evaluation is missing'`), or null. */
export type ShapeCheck = (value: unknown) => string | null;

export interface DiskCacheOptions {
  /** Folder of cache files. Default: `data/.cache` under the working directory. */
  dir?: string;
  /** Ignore what is cached and recompute (still writes). Default: false. */
  refresh?: boolean;
  /** Where the one-line notices go (a bad entry recomputed, a write that failed). Default: console.warn. */
  warn?: (line: string) => void;
  /** Writes a file; replaceable so tests can fail it like a full disk. Default: fs.writeFileSync. */
  writeFile?: (file: string, text: string) => void;
}

export interface GetOrComputeOptions<T> {
  /** Checks a cached value's shape before it is trusted; a failing entry is recomputed. Default: none. */
  shape?: ShapeCheck;
  /**
   * Whether a computed value may be stored. A value that holds a stand-in for a real answer (an offline
   * explanation after a network error) returns false, so the next run tries again. Default: always.
   */
  cacheable?: (value: T) => boolean;
}

export interface DiskCache {
  readonly dir: string;
  /** The cached value for (step, key), or compute, store and return it. `hit` says which happened. */
  getOrCompute<T>(
    step: string,
    key: unknown,
    compute: () => Promise<T> | T,
    options?: GetOrComputeOptions<T>,
  ): Promise<{ value: T; hit: boolean }>;
  /** The file a (step, key) is stored in. */
  fileFor(step: string, key: unknown): string;
}

/** The first line of every cache file; the value's JSON follows on the next line. */
interface EntryHeader {
  labCache: typeof ENTRY_FORMAT;
  step: string;
  /** UTF-8 bytes of the value's JSON: a shorter body is a torn write. */
  bytes: number;
  /** SHA-256 of the value's JSON: a different one is an edited or corrupted file. */
  sha256: string;
}
const ENTRY_FORMAT = 1;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A cache file's text: header line + value JSON. */
export function encodeEntry(step: string, value: unknown): string {
  const body = serialize(value);
  const header: EntryHeader = {
    labCache: ENTRY_FORMAT,
    step,
    bytes: Buffer.byteLength(body),
    sha256: sha256(body),
  };
  return `${JSON.stringify(header)}\n${body}`;
}

/** The value of a cache file's text, or why it cannot be trusted. */
export function decodeEntry<T>(
  text: string,
  step: string,
  shape?: ShapeCheck,
): { value: T } | { problem: string } {
  if (text.length === 0) return { problem: 'empty file' };
  const newline = text.indexOf('\n');
  let header: Partial<EntryHeader> | null = null;
  try {
    header = newline < 0 ? null : (JSON.parse(text.slice(0, newline)) as Partial<EntryHeader>);
  } catch {
    header = null;
  }
  if (!header || typeof header !== 'object' || header.labCache !== ENTRY_FORMAT)
    return { problem: 'no cache header (not written by this version of the lab)' };
  if (header.step !== step) return { problem: `holds step '${header.step}', expected '${step}'` };
  const body = text.slice(newline + 1);
  const bytes = Buffer.byteLength(body);
  if (bytes !== header.bytes) return { problem: `${bytes} of ${header.bytes} bytes (truncated or edited)` };
  if (sha256(body) !== header.sha256)
    return { problem: 'content hash mismatch (the file was edited or corrupted)' };
  let value: T;
  try {
    value = deserialize<T>(body);
  } catch (error) {
    return { problem: `value is not valid JSON (${(error as Error).message})` };
  }
  const wrong = shape?.(value);
  if (wrong) return { problem: `unexpected shape: ${wrong}` };
  return { value };
}

export function createDiskCache(options: DiskCacheOptions = {}): DiskCache {
  const dir = path.resolve(options.dir ?? path.join('data', '.cache'));
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const writeFile = options.writeFile ?? ((file: string, text: string) => fs.writeFileSync(file, text));
  const fileFor = (step: string, key: unknown) => path.join(dir, `${step}-${stableHash(key)}.json`);
  let writes = 0;

  /** Atomic: a reader sees the old file or the whole new one. A failed write leaves nothing behind. */
  function store(file: string, text: string): void {
    const tmp = `${file}.${process.pid}.${++writes}.tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      writeFile(tmp, text);
      fs.renameSync(tmp, file);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // The value is computed and returned; only the next run pays for the missing entry.
      warn(
        `cache: could not write ${file} (${code ?? (error as Error).message}); continuing without caching it`,
      );
    }
  }

  return {
    dir,
    fileFor,
    async getOrCompute<T>(
      step: string,
      key: unknown,
      compute: () => Promise<T> | T,
      getOptions: GetOrComputeOptions<T> = {},
    ) {
      const file = fileFor(step, key);
      const cached = (): { value: T } | null => {
        if (options.refresh || !fs.existsSync(file)) return null;
        const read = decodeEntry<T>(fs.readFileSync(file, 'utf8'), step, getOptions.shape);
        if ('value' in read) return read;
        warn(`cache: ${file}: ${read.problem}; recomputing ${step}`);
        return null;
      };
      const version = (): string | null => {
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : null;
      };
      const seen = version();
      const before = cached();
      if (before) return { value: before.value, hit: true };
      // One process computes a (step, key) at a time; the others wait and then read what it stored.
      return withFileLock(
        `${file}.lock`,
        async () => {
          // Stored by another process while this one waited (a bad entry seen before is not reported twice).
          const meanwhile = version() === seen ? null : cached();
          if (meanwhile) return { value: meanwhile.value, hit: true };
          const value = await compute();
          if (getOptions.cacheable?.(value) ?? true) store(file, encodeEntry(step, value));
          return { value, hit: false };
        },
        { onWait: (h) => warn(`cache: waiting for process ${h.pid}, which is computing ${step}`) },
      );
    },
  };
}

/**
 * A cheap fingerprint of a data file: path, size, modification time and a hash of its first and last 64 KiB.
 * Hashing the whole 1.2M-row file would cost more than loading it.
 */
export function fileFingerprint(file: string): string {
  const stat = fs.statSync(file);
  const fd = fs.openSync(file, 'r');
  try {
    const size = stat.size;
    const chunk = Math.min(65536, size);
    const head = Buffer.alloc(chunk);
    const tail = Buffer.alloc(chunk);
    fs.readSync(fd, head, 0, chunk, 0);
    fs.readSync(fd, tail, 0, chunk, Math.max(0, size - chunk));
    return createHash('sha256')
      .update(`${path.resolve(file)}|${size}|${stat.mtimeMs}|`)
      .update(head)
      .update(tail)
      .digest('hex')
      .slice(0, 16);
  } finally {
    fs.closeSync(fd);
  }
}

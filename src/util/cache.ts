/**
 * An on-disk cache for expensive step results, keyed by (step name, input fingerprint, parameters) — the
 * same idea as Streamlit's `cache_data` or Quarto's `freeze`: re-running notebook 05 does not re-read the CSV.
 * Values are JSON; typed arrays round-trip exactly (stored as base64 of their bytes).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

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

export interface DiskCacheOptions {
  /** Folder of cache files. Default: `data/.cache` under the working directory. */
  dir?: string;
  /** Ignore what is cached and recompute (still writes). Default: false. */
  refresh?: boolean;
}

export interface DiskCache {
  readonly dir: string;
  /** The cached value for (step, key), or compute, store and return it. `hit` says which happened. */
  getOrCompute<T>(
    step: string,
    key: unknown,
    compute: () => Promise<T> | T,
  ): Promise<{ value: T; hit: boolean }>;
  /** The file a (step, key) is stored in. */
  fileFor(step: string, key: unknown): string;
}

export function createDiskCache(options: DiskCacheOptions = {}): DiskCache {
  const dir = path.resolve(options.dir ?? path.join('data', '.cache'));
  const fileFor = (step: string, key: unknown) => path.join(dir, `${step}-${stableHash(key)}.json`);
  return {
    dir,
    fileFor,
    async getOrCompute<T>(step: string, key: unknown, compute: () => Promise<T> | T) {
      const file = fileFor(step, key);
      if (!options.refresh && fs.existsSync(file)) {
        try {
          return { value: deserialize<T>(fs.readFileSync(file, 'utf8')), hit: true };
        } catch {
          // A torn or foreign file is recomputed, never trusted.
        }
      }
      const value = await compute();
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, serialize(value));
      fs.renameSync(tmp, file);
      return { value, hit: false };
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

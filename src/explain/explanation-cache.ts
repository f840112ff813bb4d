/**
 * A small on-disk cache of LLM explanations, one JSON file in a directory, keyed by (endpoint, LLM model,
 * predictor, track, prompt version). Only LLM answers are stored: the offline text is free to regenerate, and
 * storing it would hide a later successful call. Writes go through a temporary file and a rename, so a crash
 * never leaves half a file; a failed write (full disk) removes its temporary file and throws with the path.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const CACHE_FILE = 'explanations.json';

export interface CacheKey {
  /** The endpoint that answered (undefined: Hugging Face's routing): another server is another answer. */
  endpoint?: string;
  /** LLM model id. */
  llmModel: string;
  /** Identifies the promotion model (e.g. its data fingerprint); a retrained model gets fresh explanations. */
  predictor: string;
  trackId: string;
  promptVersion: string;
}

export interface CachedExplanation extends CacheKey {
  text: string;
  /** ISO time of the LLM call. */
  createdAt: string;
}

interface CacheFile {
  version: 1;
  entries: Record<string, CachedExplanation>;
}

export function cacheKey(key: CacheKey): string {
  return createHash('sha256')
    .update(
      JSON.stringify([key.endpoint ?? null, key.llmModel, key.predictor, key.trackId, key.promptVersion]),
    )
    .digest('hex');
}

function readCache(dir: string): CacheFile {
  const file = path.join(dir, CACHE_FILE);
  if (!fs.existsSync(file)) return { version: 1, entries: {} };
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (parsed?.version === 1 && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch {
    // A corrupt cache is only a cache: start over rather than fail the explanation.
  }
  return { version: 1, entries: {} };
}

export function getCachedExplanation(dir: string, key: CacheKey): CachedExplanation | undefined {
  return readCache(dir).entries[cacheKey(key)];
}

export function putCachedExplanation(dir: string, entry: CachedExplanation): void {
  fs.mkdirSync(dir, { recursive: true });
  const cache = readCache(dir);
  cache.entries[cacheKey(entry)] = entry;
  const file = path.join(dir, CACHE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(cache, null, 1));
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    const e = error as NodeJS.ErrnoException;
    throw new Error(`could not write ${file} (${e.code ?? e.message})`);
  }
}

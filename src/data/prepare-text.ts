/**
 * Turn whatever the user gave into a file DuckDB's CSV reader takes: plain UTF-8 text is read in place; a
 * `.csv.gz`, UTF-16, Windows-1252, latin-1 or damaged UTF-8 file is streamed (bounded memory: one chunk at a
 * time) into a temporary UTF-8 file, which the loader deletes once the table is built. Measured on DuckDB
 * 1.5: its own latin-1 reader refuses Windows-1252 bytes 0x80–0x9F ("File is not latin-1 encoded"), and it
 * has no UTF-16 reader without an extension, so decoding happens here. Parquet passes through.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { Transform } from 'stream';
import * as zlib from 'zlib';
import { DataError } from './errors';
import { sniffFileKind, SNIFF_BYTES, TextEncoding } from './file-kind';
import { scanEncoding } from './text-encoding';
import { isUtf8 } from 'buffer';

export interface PreparedText {
  /** The file to read (the input itself, or a temporary UTF-8 copy). */
  path: string;
  format: 'csv' | 'parquet';
  /** The input's encoding as detected. */
  encoding: TextEncoding;
  /** The input started with a byte-order mark. */
  bom: boolean;
  /** The input was gzip-compressed. */
  gzip: boolean;
  /** Invalid UTF-8 sequences replaced by U+FFFD. */
  replaced: number;
  /** 1-based line of the first replacement, when there was one. */
  firstReplacedLine?: number;
  /** 1-based line of the first byte that was not valid UTF-8 (why a legacy encoding was chosen). */
  firstInvalidLine?: number;
  /** Delete the temporary files (no-op when none). */
  cleanup(): void;
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The head without a UTF-8 sequence cut at its end (so a valid file is not judged invalid at the cut). */
function headIsUtf8(head: Buffer, whole: boolean): boolean {
  if (whole || isUtf8(head)) return isUtf8(head);
  for (let cut = 1; cut <= 3; cut++) if (isUtf8(head.subarray(0, head.length - cut))) return true;
  return false;
}

async function gunzip(file: string, out: string): Promise<void> {
  try {
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), fs.createWriteStream(out));
  } catch (error) {
    throw new DataError(
      `gzip could not be read (${(error as Error).message}); is the download complete? Try \`gzip -t\` on it, or decompress it yourself`,
      { file },
    );
  }
}

/** Decode `file` as `encoding` into UTF-8 at `out`; counts U+FFFD the decoder had to insert. */
async function transcode(
  file: string,
  out: string,
  encoding: TextEncoding,
): Promise<{ replaced: number; firstReplacedLine?: number }> {
  const decoder =
    encoding === 'latin-1' ? null : new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  let replaced = 0;
  let firstReplacedLine: number | undefined;
  let lines = 1;
  // A UTF-8 byte-order mark on a file whose other bytes are Windows-1252 / latin-1 (a BOM added by one tool,
  // text by another): decoded as a single-byte encoding it would become "ï»¿" glued to the first column name.
  let first = encoding === 'windows-1252' || encoding === 'latin-1';
  const convert = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      first = false;
      const text = decoder ? decoder.decode(chunk, { stream: true }) : chunk.toString('latin1');
      if (encoding === 'utf-8') {
        // U+FFFD already in the input (EF BF BD) is data, not a replacement.
        const had = chunk.toString('latin1').split('\u00ef\u00bf\u00bd').length - 1;
        const now = text.split('\uFFFD').length - 1;
        if (now > had && firstReplacedLine === undefined)
          firstReplacedLine = lines + (text.slice(0, text.indexOf('\uFFFD')).split('\n').length - 1);
        replaced += Math.max(0, now - had);
      }
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      done(null, Buffer.from(text, 'utf8'));
    },
    flush(done) {
      done(null, decoder ? Buffer.from(decoder.decode(), 'utf8') : Buffer.alloc(0));
    },
  });
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), convert, fs.createWriteStream(out));
  return { replaced, firstReplacedLine };
}

export interface PrepareOptions {
  /** Where temporary files go. Default: the OS temp dir. */
  workDir?: string;
  /** 'auto' detects; a named encoding is used as given. Default: 'auto'. */
  encoding?: 'auto' | TextEncoding;
  /** Re-scan the whole file and transcode even when the head is valid UTF-8 (after DuckDB met bad bytes later). */
  forceScan?: boolean;
}

/** Prepare `file` for DuckDB (see the module comment). */
export async function prepareText(file: string, options: PrepareOptions = {}): Promise<PreparedText> {
  const temps: string[] = [];
  let dir: string | undefined;
  const temp = (name: string) => {
    dir ??= fs.mkdtempSync(path.join(options.workDir ?? os.tmpdir(), 'lab-load-'));
    const p = path.join(dir, name);
    temps.push(p);
    return p;
  };
  const cleanup = () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    let input = file;
    let kind = sniffFileKind(readHead(input));
    const gzip = kind.kind === 'gzip';
    if (kind.kind === 'gzip') {
      input = temp('gunzipped.csv');
      await gunzip(file, input);
      kind = sniffFileKind(readHead(input));
      if (kind.kind === 'gzip') throw new DataError('gzip inside gzip: decompress it first', { file });
    }
    if (kind.kind === 'parquet') {
      if (gzip) throw new DataError('a gzip-compressed Parquet file: decompress it first', { file });
      return { path: file, format: 'parquet', encoding: 'utf-8', bom: false, gzip, replaced: 0, cleanup };
    }
    if (kind.kind === 'binary')
      throw new DataError(`${kind.what}; expected a CSV file of tracks (or Parquet)`, { file, line: 1 });
    const head = readHead(input);
    let encoding: TextEncoding = kind.encoding ?? 'utf-8';
    let needsScan = options.forceScan === true;
    let firstInvalidLine: number | undefined;
    if (!kind.encoding && !headIsUtf8(head, head.length < SNIFF_BYTES)) needsScan = true;
    if (options.encoding && options.encoding !== 'auto') {
      encoding = options.encoding;
      needsScan = encoding !== 'utf-8';
    } else if (needsScan && (encoding === 'utf-8' || !kind.encoding)) {
      const scan = scanEncoding(input);
      encoding = scan.encoding;
      firstInvalidLine = scan.firstInvalidLine;
    }
    const plain = encoding === 'utf-8' && !needsScan && !(kind.encoding && kind.encoding !== 'utf-8');
    if (plain) return { path: input, format: 'csv', encoding, bom: kind.bom, gzip, replaced: 0, cleanup };
    const out = temp('utf8.csv');
    const { replaced, firstReplacedLine } = await transcode(input, out, encoding);
    if (input !== file) fs.rmSync(input, { force: true });
    return {
      path: out,
      format: 'csv',
      encoding,
      bom: kind.bom,
      gzip,
      replaced,
      firstReplacedLine,
      firstInvalidLine,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

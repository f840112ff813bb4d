/**
 * Which 8-bit encoding a text file without a BOM is in. Valid UTF-8 is UTF-8. Otherwise: a file that also has
 * valid multi-byte UTF-8 sequences and only a few invalid bytes is UTF-8 with damage (the bad bytes become
 * U+FFFD and are counted); a file with none is a legacy single-byte file — Windows-1252 when it uses bytes
 * 0x80–0x9F (curly quotes 0x92, dashes 0x96: what Excel on Windows writes), else ISO-8859-1 (latin-1).
 * The scan streams the file in chunks and only walks bytes by hand in chunks that fail the native check.
 */
import { isAscii, isUtf8 } from 'buffer';
import * as fs from 'fs';
import type { TextEncoding } from './file-kind';

export interface ByteCounts {
  /** Bytes that are not part of a valid UTF-8 sequence. */
  invalid: number;
  /** Valid UTF-8 sequences of 2–4 bytes. */
  multibyte: number;
  /** Bytes 0x80–0x9F that are not inside a valid UTF-8 sequence (Windows-1252's punctuation). */
  c1: number;
}

/** Count UTF-8 validity facts of `bytes` (a sequence cut at the end counts as invalid). */
export function countUtf8(bytes: Uint8Array): ByteCounts {
  const counts: ByteCounts = { invalid: 0, multibyte: 0, c1: 0 };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      counts.multibyte++;
      i += length;
    } else {
      counts.invalid++;
      if (b <= 0x9f) counts.c1++;
      i++;
    }
  }
  return counts;
}

/** Encoding of a whole-file byte count (see the module comment). */
export function decideEncoding(counts: ByteCounts): { encoding: TextEncoding; invalidBytes: number } {
  if (counts.invalid === 0) return { encoding: 'utf-8', invalidBytes: 0 };
  if (counts.multibyte > counts.invalid) return { encoding: 'utf-8', invalidBytes: counts.invalid };
  return { encoding: counts.c1 > 0 ? 'windows-1252' : 'latin-1', invalidBytes: 0 };
}

const CHUNK = 1 << 22;

/** Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence. */
function completePrefix(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) !== 0x80) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

export interface EncodingScan {
  encoding: TextEncoding;
  /** Bytes that are not valid UTF-8 (0 for a valid file). */
  invalidBytes: number;
  /** 1-based line of the first byte that is not valid UTF-8. */
  firstInvalidLine?: number;
}

/** Stream `file` and decide its encoding. */
export function scanEncoding(file: string): EncodingScan {
  const fd = fs.openSync(file, 'r');
  const total: ByteCounts = { invalid: 0, multibyte: 0, c1: 0 };
  let lines = 1;
  let firstInvalidLine: number | undefined;
  const countLines = (bytes: Uint8Array) => {
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
  };
  try {
    const buffer = Buffer.alloc(CHUNK);
    let position = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      const end = read < CHUNK ? read : completePrefix(chunk) || read;
      const part = chunk.subarray(0, end);
      if (isAscii(part)) {
        if (firstInvalidLine === undefined) countLines(part);
        position += end;
        continue;
      }
      const c = isUtf8(part) ? { invalid: 0, multibyte: countUtf8(part).multibyte, c1: 0 } : countUtf8(part);
      if (firstInvalidLine === undefined) {
        if (c.invalid > 0) firstInvalidLine = lines + lineOfFirstInvalid(part);
        else countLines(part);
      }
      total.invalid += c.invalid;
      total.multibyte += c.multibyte;
      total.c1 += c.c1;
      position += end;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { ...decideEncoding(total), ...(firstInvalidLine ? { firstInvalidLine } : {}) };
}

/** Newlines before the first byte of `bytes` that is not valid UTF-8 (one linear walk). */
function lineOfFirstInvalid(bytes: Uint8Array): number {
  let newlines = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a) newlines++;
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) return newlines;
    i += length;
  }
  return newlines;
}

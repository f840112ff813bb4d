/**
 * What a file is, from its first bytes: Parquet, gzip, a zip archive (an Excel workbook is one), some other
 * binary, or text — and for text, a byte-order mark or the zero-byte pattern of UTF-16 without one. A binary
 * file gets one sentence, never its bytes shown as "column names".
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin-1';

export type FileKind =
  | { kind: 'parquet' }
  | { kind: 'gzip' }
  | { kind: 'binary'; what: string }
  | { kind: 'text'; bom: boolean; encoding?: TextEncoding };

/** Bytes to read for the sniff (and for the quick UTF-8 check of the head). */
export const SNIFF_BYTES = 1 << 16;

const MAGIC: [number[], string][] = [
  [
    [0x50, 0x4b, 0x03, 0x04],
    'a zip archive (an Excel .xlsx workbook is one): unzip it or save the sheet as CSV',
  ],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel/Office file (.xls): save the sheet as CSV'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive: decompress it first'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'an xz archive: decompress it first'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a zstd archive: decompress it first'],
];

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** Classify a file by its first bytes (`head`, up to SNIFF_BYTES). */
export function sniffFileKind(head: Buffer): FileKind {
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return { kind: 'parquet' };
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'gzip' };
  for (const [bytes, what] of MAGIC) if (startsWith(head, bytes)) return { kind: 'binary', what };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', bom: true, encoding: 'utf-8' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', bom: true, encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', bom: true, encoding: 'utf-16be' };
  // UTF-16 without a BOM: ASCII text has a zero in every other byte.
  const probe = head.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < probe.length; i++) {
    const b = probe[i];
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  const half = probe.length / 2;
  if (half > 0 && oddZeros > 0.4 * half && evenZeros < 0.05 * half)
    return { kind: 'text', bom: false, encoding: 'utf-16le' };
  if (half > 0 && evenZeros > 0.4 * half && oddZeros < 0.05 * half)
    return { kind: 'text', bom: false, encoding: 'utf-16be' };
  if (evenZeros + oddZeros > 0 || controls > probe.length * 0.05)
    return { kind: 'binary', what: 'a binary file, not delimited text' };
  return { kind: 'text', bom: false };
}

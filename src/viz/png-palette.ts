/**
 * Rewrites a Chromium PNG (8-bit RGBA, fast deflate) as an 8-bit palette PNG at zlib level 9: a chart has a
 * few flat colours plus anti-aliased edges, so 256 colours look the same and the file is 2–4 times smaller
 * (measured on the EDA notebook's charts). That is what keeps a notebook with a dozen static fallbacks under
 * 1 MB. Exact when the image has at most 256 colours; otherwise the most used colours (by 5-bit bucket) win
 * and every pixel takes its nearest.
 */
import * as zlib from 'zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

interface Rgba {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** `png` as a palette PNG; the input unchanged when it is not 8-bit RGBA/RGB non-interlaced. */
export function toPalettePng(png: Buffer): Buffer {
  const image = decode(png);
  if (image === null) return png;
  const { palette, indices } = quantize(image);
  const out = encode(image.width, image.height, palette, indices);
  return out.length < png.length ? out : png;
}

function decode(png: Buffer): Rgba | null {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  let offset = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (header === null) return null;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colourType, , , interlace] = header.subarray(8, 13);
  if (depth !== 8 || interlace !== 0 || (colourType !== 6 && colourType !== 2)) return null;
  const channels = colourType === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      row[i] = (line[i] + predict(filter, a, b, c)) & 255;
    }
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      pixels[p] = row[x * channels];
      pixels[p + 1] = row[x * channels + 1];
      pixels[p + 2] = row[x * channels + 2];
      pixels[p + 3] = channels === 4 ? row[x * channels + 3] : 255;
    }
    previous = row;
  }
  return { width, height, pixels };
}

function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      return 0;
  }
}

/** Up to 256 RGBA colours and each pixel's index into them. */
function quantize(image: Rgba): { palette: number[][]; indices: Uint8Array } {
  const { pixels } = image;
  const n = pixels.length / 4;
  const view = new DataView(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = view.getUint32(i * 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let palette: number[];
  if (counts.size <= 256) palette = [...counts.keys()];
  else {
    // Most used colour of each 5-bit bucket, then the 256 most used buckets.
    const buckets = new Map<number, { key: number; best: number; total: number }>();
    for (const [key, count] of counts) {
      const bucket =
        ((key >>> 27) << 15) | (((key >>> 19) & 31) << 10) | (((key >>> 11) & 31) << 5) | ((key >>> 3) & 31);
      const entry = buckets.get(bucket);
      if (!entry) buckets.set(bucket, { key, best: count, total: count });
      else {
        entry.total += count;
        if (count > entry.best) {
          entry.best = count;
          entry.key = key;
        }
      }
    }
    palette = [...buckets.values()]
      .sort((a, b) => b.total - a.total)
      .slice(0, 256)
      .map((e) => e.key);
  }
  const rgba = palette.map((key) => [key >>> 24, (key >>> 16) & 255, (key >>> 8) & 255, key & 255]);
  const nearest = new Map<number, number>();
  palette.forEach((key, i) => nearest.set(key, i));
  const indices = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const key = view.getUint32(i * 4);
    let index = nearest.get(key);
    if (index === undefined) {
      index = closest(rgba, key);
      nearest.set(key, index);
    }
    indices[i] = index;
  }
  return { palette: rgba, indices };
}

function closest(palette: number[][], key: number): number {
  const r = key >>> 24;
  const g = (key >>> 16) & 255;
  const b = (key >>> 8) & 255;
  const a = key & 255;
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < palette.length; i++) {
    const [pr, pg, pb, pa] = palette[i];
    const d = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2 + (pa - a) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

function encode(width: number, height: number, palette: number[][], indices: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]));
  const opaque = palette.every((c) => c[3] === 255);
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const chunks = [
    chunk('IHDR', header),
    chunk('PLTE', plte),
    ...(opaque ? [] : [chunk('tRNS', Buffer.from(palette.map((c) => c[3])))]),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ];
  return Buffer.concat([SIGNATURE, ...chunks]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

// zlib.crc32 needs Node 20.15; package.json allows 20.6.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

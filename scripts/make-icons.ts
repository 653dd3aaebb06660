/**
 * Draws the add-in's icons (three bands: red, yellow, green) as PNG files in assets/.
 * Run once with `node build/scripts/make-icons.js`; the PNGs are committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
}

const BANDS = [
  [0xd9, 0x3a, 0x3a],
  [0xf2, 0xb7, 0x05],
  [0x2e, 0x9e, 0x4f],
];

export function icon(size: number): Buffer {
  const margin = Math.round(size / 8);
  const gap = Math.max(1, Math.round(size / 16));
  const band = (size - 2 * margin - 2 * gap) / 3;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = y * (size * 4 + 1) + 1 + x * 4;
      const inside = x >= margin && x < size - margin && y >= margin && y < size - margin;
      const k = Math.floor((y - margin) / (band + gap));
      const inBand = inside && k >= 0 && k < 3 && y - margin - k * (band + gap) < band;
      const [r, g, b] = inBand ? BANDS[k] : [0, 0, 0];
      raw.set([r, g, b, inBand ? 255 : 0], i);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const assets = path.resolve(__dirname, '../../assets');
  for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(assets, `icon-${size}.png`), icon(size));
}

// Draws images/icon.png (128x128): a dark blue rounded square with three white list rows and a
// yellow check mark. Plain node (zlib), 4x4 supersampling. Run: node images/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const size = 128;
const blue = [0x15, 0x42, 0x73];
const white = [0xff, 0xff, 0xff];
const yellow = [0xff, 0xb6, 0x12];

// Signed distance to a rounded rectangle (x0,y0)-(x1,y1) with corner radius r: <= 0 inside.
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const cx = (x0 + x1) / 2,
      cy = (y0 + y1) / 2;
    const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r),
      qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}
// Distance to a polyline with round caps and joins, minus half the stroke width.
function stroke(points, width) {
  return (x, y) => {
    let best = Infinity;
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i],
        [bx, by] = points[i + 1];
      const dx = bx - ax,
        dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best - width / 2;
  };
}

// Layers, bottom first.
const layers = [
  { shape: roundRect(4, 4, 124, 124, 24), colour: blue },
  ...[30, 57, 84].flatMap((y, row) => [
    { shape: roundRect(24, y, 40, y + 14, 3), colour: white },
    { shape: roundRect(48, y + 2, row === 2 ? 76 : 104, y + 12, 5), colour: white },
  ]),
  {
    shape: stroke(
      [
        [81, 92],
        [91, 102],
        [111, 77],
      ],
      13,
    ),
    colour: blue,
  },
  {
    shape: stroke(
      [
        [81, 92],
        [91, 102],
        [111, 77],
      ],
      8,
    ),
    colour: yellow,
  },
];

const samples = 4;
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < size; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const px = x + (sx + 0.5) / samples,
          py = y + (sy + 0.5) / samples;
        let colour;
        for (const layer of layers) if (layer.shape(px, py) <= 0) colour = layer.colour;
        if (colour) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
    }
    const o = y * (size * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (samples * samples));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(new URL('icon.png', import.meta.url)), png);

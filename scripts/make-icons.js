#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,32,64,80}.png with no dependency but Node's zlib.
 *
 * Design: a deep-red rounded square (government red) holding three white ascending bars
 * (a bar chart: the index score). Bars are placed on whole pixels so they stay crisp at
 * 16 px; only the rounded corners are anti-aliased (4x4 supersampling).
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const RED = [0xa3, 0x1a, 0x1e]; // deep red
const WHITE = [0xff, 0xff, 0xff];

// --- PNG encoding -------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4, non-premultiplied. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Drawing ------------------------------------------------------------------------------

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= radius * radius;
}

function drawIcon(size) {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.1875;
  const SS = 4; // supersampling per axis for the corners

  // Bars on the whole-pixel grid.
  const barW = Math.round(size * 0.1875);
  const gap = Math.max(1, Math.round(size * 0.0625));
  const left = Math.round((size - (3 * barW + 2 * gap)) / 2);
  const base = size - Math.round(size * 0.1875);
  const heights = [0.3125, 0.5, 0.6875].map((f) => Math.round(size * f));
  const bars = heights.map((h, i) => ({ x0: left + i * (barW + gap), x1: left + i * (barW + gap) + barW, y0: base - h, y1: base }));
  const inBar = (x, y) => bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (insideRoundedSquare(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS, size, radius)) cover++;
        }
      }
      const alpha = Math.round((255 * cover) / (SS * SS));
      const colour = inBar(x, y) ? WHITE : RED;
      const o = (y * size + x) * 4;
      px[o] = colour[0];
      px[o + 1] = colour[1];
      px[o + 2] = colour[2];
      px[o + 3] = alpha;
    }
  }
  return px;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, SIZES };

// Draws the extension icons (a blue rounded square with a white funnel of three bars) and writes them as PNG
// files to extension/icons/. Run it again after changing the drawing: node scripts/generate-icons.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const sizes = [16, 32, 48, 128];
const background = [37, 99, 235];
const foreground = [255, 255, 255];
const supersampling = 4;

// Shapes in a 0..1 coordinate space: the rounded square, then three bars that narrow like a funnel.
const cornerRadius = 0.2;
const bars = [
  { top: 0.24, bottom: 0.36, left: 0.18, right: 0.82 },
  { top: 0.44, bottom: 0.56, left: 0.3, right: 0.7 },
  { top: 0.64, bottom: 0.76, left: 0.42, right: 0.58 },
];

function insideRoundedSquare(x, y) {
  const dx = Math.max(cornerRadius - x, 0, x - (1 - cornerRadius));
  const dy = Math.max(cornerRadius - y, 0, y - (1 - cornerRadius));
  return dx * dx + dy * dy <= cornerRadius * cornerRadius;
}

function insideBar(x, y) {
  return bars.some((bar) => x >= bar.left && x <= bar.right && y >= bar.top && y <= bar.bottom);
}

/** Returns RGBA rows, each prefixed with PNG filter type 0, averaging supersampling^2 samples per pixel. */
function drawIcon(size) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  const samples = supersampling * supersampling;

  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < supersampling; sy++) {
        for (let sx = 0; sx < supersampling; sx++) {
          const x = (px + (sx + 0.5) / supersampling) / size;
          const y = (py + (sy + 0.5) / supersampling) / size;
          if (insideRoundedSquare(x, y)) {
            covered++;
            if (insideBar(x, y)) white++;
          }
        }
      }

      const offset = py * (size * 4 + 1) + 1 + px * 4;
      const whiteShare = covered === 0 ? 0 : white / covered;
      for (let channel = 0; channel < 3; channel++) {
        rows[offset + channel] = Math.round(background[channel] * (1 - whiteShare) + foreground[channel] * whiteShare);
      }
      rows[offset + 3] = Math.round((covered / samples) * 255);
    }
  }
  return rows;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const folder = new URL('../extension/icons/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const size of sizes) {
  const file = new URL(`icon-${size}.png`, folder);
  writeFileSync(file, encodePng(size, drawIcon(size)));
  console.log(`wrote ${file.pathname}`);
}

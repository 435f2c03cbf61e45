#!/usr/bin/env node
// Draws the app icon: resources/icon.svg (the source) and resources/icon.png (1024 × 1024).
//
//   node scripts/make-icons.mjs
//
// One PNG is enough: electron-builder derives the macOS .icns, the Windows .ico (it needs at
// least 256 px) and the Linux sizes from resources/icon.png. The mark is the renderer's favicon
// (renderer/index.html) drawn on the 1024 grid, so the window, the dock and the tab agree.
// The outputs are committed; run this again only when the design changes.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'resources');

const SIZE = 1024;
// macOS's icon grid: an 824 px rounded square centred on the 1024 canvas, so Rebound sits at
// the same size as other apps in the Dock; Windows and Linux show the same image unchanged.
const INSET = 100;
const SIDE = SIZE - 2 * INSET;
const RADIUS = 185;
// The favicon's 32-unit drawing, scaled to the square; `y` moves it up by 1.5 units because the
// favicon's mark sits slightly low in its own box.
const UNIT = SIDE / 32;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#23a190"/>
      <stop offset="0.55" stop-color="#1f7f78"/>
      <stop offset="1" stop-color="#2d4f93"/>
    </linearGradient>
    <linearGradient id="sheen" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.16"/>
      <stop offset="0.5" stop-color="#ffffff" stop-opacity="0"/>
    </linearGradient>
  </defs>
  <rect x="${INSET}" y="${INSET}" width="${SIDE}" height="${SIDE}" rx="${RADIUS}" fill="url(#tile)"/>
  <rect x="${INSET}" y="${INSET}" width="${SIDE}" height="${SIDE}" rx="${RADIUS}" fill="url(#sheen)"/>
  <g transform="translate(${INSET} ${INSET - 1.5 * UNIT}) scale(${UNIT})" fill="none" stroke="#ffffff"
     stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">
    <path d="M13 9l-5 5 5 5M8 14h10a6 6 0 010 12h-3"/>
  </g>
</svg>
`;

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'icon.svg'), svg);
await sharp(Buffer.from(svg))
  .resize(SIZE, SIZE)
  .png({ compressionLevel: 9 })
  .toFile(path.join(outDir, 'icon.png'));
process.stdout.write(`wrote resources/icon.svg and resources/icon.png (${SIZE} × ${SIZE})\n`);

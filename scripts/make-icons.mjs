#!/usr/bin/env node
// Renders the app icons (www/public/icons/*.png) from www/public/favicon.svg in Chromium. The
// PNGs are committed; run this again only after changing the SVG:  node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(repo, 'www/public/favicon.svg'), 'utf8');
const out = path.join(repo, 'www/public/icons');
fs.mkdirSync(out, { recursive: true });

// A maskable icon is cropped to a circle of 80% of its size by some launchers: the background
// fills the square and the drawing shrinks into the safe zone.
const maskable = svg
  .replace('<rect width="512" height="512" rx="112" fill="#0b5cad"/>', '<rect width="512" height="512" fill="#0b5cad"/><g transform="translate(76.8 76.8) scale(0.7)">')
  .replace('</svg>', '</g></svg>');

const icons = [
  { name: 'favicon-32.png', size: 32, source: svg },
  { name: 'apple-touch-icon.png', size: 180, source: maskable },
  { name: 'icon-192.png', size: 192, source: svg },
  { name: 'icon-512.png', size: 512, source: svg },
  { name: 'icon-maskable-512.png', size: 512, source: maskable },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const { name, size, source } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
  await page.screenshot({ path: path.join(out, name), omitBackground: true });
  console.log(`make-icons: ${name} (${size}×${size})`);
}
await browser.close();

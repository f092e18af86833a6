#!/usr/bin/env node
// Builds the browser app into web/dist when it is missing or older than its sources (web/, core/).
// `npm start` runs this first, so a fresh clone serves the app without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const force = process.argv.includes('--force');
const builtAt = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
const sourcesAt = Math.max(newest(path.join(root, 'web')), newest(path.join(root, 'core')));
if (!force && builtAt > sourcesAt) process.exit(0);

// Always a production bundle: vitest runs this with NODE_ENV=test, which Vite would otherwise keep.
process.env.NODE_ENV = 'production';
const { build } = await import('vite');
console.error('Building the web app (web/dist)…');
await build({ configFile: path.join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });

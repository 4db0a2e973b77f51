#!/usr/bin/env node
/**
 * Builds what the hosts run, with esbuild (no Electron binary needed):
 *   dist/renderer/  index.html, app.js (+ app.css and assets when the UI imports any)
 *   dist/main/      electron.mjs (main process), preload.cjs, solver-worker.mjs + glpk.wasm
 * Usage: node scripts/build.mjs [renderer|electron]...   (default: both)
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_OUT = join(ROOT, 'dist', 'renderer');
export const MAIN_OUT = join(ROOT, 'dist', 'main');

const at = (...parts) => join(ROOT, ...parts);

/** The React UI as one ES module for Chromium, production React, no eval anywhere (our CSP forbids it). */
export async function buildRenderer() {
  rmSync(RENDERER_OUT, { recursive: true, force: true });
  mkdirSync(RENDERER_OUT, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { app: at('renderer', 'main.tsx') },
    outdir: RENDERER_OUT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120', 'firefox120', 'safari16'],
    minify: true,
    legalComments: 'linked',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'assets/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  let html = readFileSync(at('renderer', 'index.html'), 'utf8');
  if (existsSync(join(RENDERER_OUT, 'app.css')) && !html.includes('app.css')) {
    html = html.replace('</head>', '    <link rel="stylesheet" href="app.css" />\n  </head>');
  }
  writeFileSync(join(RENDERER_OUT, 'index.html'), html);
  return [...Object.keys(result.metafile.outputs), 'dist/renderer/index.html'];
}

// Node-side bundles are ES modules; CommonJS packages bundled into them still expect these.
const NODE_ESM_BANNER = [
  "import { createRequire as __rmCreateRequire } from 'node:module';",
  "import { fileURLToPath as __rmFileURLToPath } from 'node:url';",
  "import { dirname as __rmDirname } from 'node:path';",
  'const require = __rmCreateRequire(import.meta.url);',
  'const __filename = __rmFileURLToPath(import.meta.url);',
  'const __dirname = __rmDirname(__filename);',
].join('\n');

/**
 * The Electron main process and its helpers. better-sqlite3 (native), pdfkit (reads its font files
 * from its own folder) and glpk.js stay in node_modules; the worker bundles glpk.js and carries its
 * wasm next to it so it can run from app.asar.unpacked on its own.
 */
export async function buildElectron() {
  rmSync(MAIN_OUT, { recursive: true, force: true });
  mkdirSync(MAIN_OUT, { recursive: true });
  const node = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
  const results = await Promise.all([
    build({
      ...node,
      entryPoints: [at('main', 'electron', 'main.ts')],
      outfile: join(MAIN_OUT, 'electron.mjs'),
      format: 'esm',
      banner: { js: NODE_ESM_BANNER },
      external: ['electron', 'better-sqlite3', 'pdfkit', 'glpk.js', 'glpk.js/*'],
    }),
    build({
      ...node,
      entryPoints: [at('main', 'electron', 'preload.ts')],
      outfile: join(MAIN_OUT, 'preload.cjs'),
      // A sandboxed preload is a CommonJS script that can require nothing but 'electron'.
      format: 'cjs',
      external: ['electron'],
    }),
    build({
      ...node,
      entryPoints: [at('solver', 'worker.ts')],
      outfile: join(MAIN_OUT, 'solver-worker.mjs'),
      format: 'esm',
      banner: { js: NODE_ESM_BANNER },
    }),
  ]);
  const require = createRequire(import.meta.url);
  const glpkDir = dirname(require.resolve('glpk.js/node'));
  copyFileSync(join(glpkDir, 'glpk.wasm'), join(MAIN_OUT, 'glpk.wasm'));
  return [...results.flatMap((r) => Object.keys(r.metafile.outputs)), 'dist/main/glpk.wasm'];
}

export async function buildAll(parts = ['renderer', 'electron']) {
  const outputs = [];
  if (parts.includes('renderer')) outputs.push(...(await buildRenderer()));
  if (parts.includes('electron')) outputs.push(...(await buildElectron()));
  return outputs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const parts = process.argv.slice(2);
  const started = performance.now();
  buildAll(parts.length > 0 ? parts : undefined).then(
    (outputs) => {
      const files = outputs.filter((f) => !f.endsWith('.map') && !f.endsWith('.LEGAL.txt'));
      console.log(`Built ${files.length} files in ${Math.round(performance.now() - started)} ms:\n  ${files.join('\n  ')}`);
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

#!/usr/bin/env node
/**
 * Builds what the hosts run, with esbuild (no Electron binary needed):
 *   dist/renderer/  index.html, app.js (+ app.css and assets when the UI imports any)
 *   dist/main/      electron.mjs (main process), preload.cjs, solver-worker.mjs + glpk.wasm
 *   dist/cli/       main.mjs (the command line, run by bin/rostermeister.mjs), solver-worker.mjs + glpk.wasm,
 *                   inputs.json (the source files it was built from, for bin's freshness check)
 * Usage: node scripts/build.mjs [renderer|electron|cli]...   (default: all three)
 *        node scripts/build.mjs --prepare   (npm's prepare step: the CLI only, skipped when esbuild is absent)
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_OUT = join(ROOT, 'dist', 'renderer');
export const MAIN_OUT = join(ROOT, 'dist', 'main');
export const CLI_OUT = join(ROOT, 'dist', 'cli');

const at = (...parts) => join(ROOT, ...parts);

/** esbuild is a development dependency: loaded when something is built, so importing this file never needs it. */
async function build(options) {
  const esbuild = await import('esbuild');
  return esbuild.build(options);
}

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

/** What every Node-side bundle shares. */
const NODE_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/** better-sqlite3 (native), pdfkit (reads its font files from its own folder) and glpk.js stay in node_modules. */
const NODE_EXTERNALS = ['better-sqlite3', 'pdfkit', 'glpk.js', 'glpk.js/*'];

/**
 * Packages the command line loads only on first use: pdfkit alone takes longer to load than a month's
 * propose (only PDF export needs it), exceljs nearly as long (only spreadsheets in and out need it),
 * better-sqlite3 only the commands that open the database. Each import of them becomes a stand-in
 * that requires the real package the first time it is called, constructed or read from; our code
 * only constructs them or reads their members (new Database, new PDFDocument, new ExcelJS.Workbook).
 */
const LOADED_ON_FIRST_USE = ['better-sqlite3', 'pdfkit', 'exceljs'];

const loadOnFirstUse = {
  name: 'load-on-first-use',
  setup(bundle) {
    const names = new RegExp(`^(${LOADED_ON_FIRST_USE.join('|')})$`);
    bundle.onResolve({ filter: names }, (args) =>
      args.namespace === 'first-use' ? { path: args.path, external: true } : { path: args.path, namespace: 'first-use' },
    );
    bundle.onLoad({ filter: /.*/, namespace: 'first-use' }, (args) => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module';",
        'let real;',
        `const load = () => (real ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
        'export default new Proxy(function () {}, {',
        '  construct: (_target, args) => Reflect.construct(load(), args),',
        '  apply: (_target, self, args) => Reflect.apply(load(), self, args),',
        '  get: (_target, key) => load()[key],',
        '});',
      ].join('\n'),
    }));
  },
};

/**
 * The optimizer's worker_threads entry, next to the bundle that starts it (workerClient looks for a sibling
 * solver-worker.mjs). It bundles glpk.js and carries the wasm beside it, so it runs from app.asar.unpacked on its own.
 */
async function buildWorker(outDir) {
  const result = await build({
    ...NODE_BUNDLE,
    entryPoints: [at('solver', 'worker.ts')],
    outfile: join(outDir, 'solver-worker.mjs'),
    format: 'esm',
    banner: { js: NODE_ESM_BANNER },
  });
  const require = createRequire(import.meta.url);
  copyFileSync(join(dirname(require.resolve('glpk.js/node')), 'glpk.wasm'), join(outDir, 'glpk.wasm'));
  return result;
}

/** The Electron main process, its preload script and the optimizer worker. */
export async function buildElectron() {
  rmSync(MAIN_OUT, { recursive: true, force: true });
  mkdirSync(MAIN_OUT, { recursive: true });
  const results = await Promise.all([
    build({
      ...NODE_BUNDLE,
      entryPoints: [at('main', 'electron', 'main.ts')],
      outfile: join(MAIN_OUT, 'electron.mjs'),
      format: 'esm',
      banner: { js: NODE_ESM_BANNER },
      external: ['electron', ...NODE_EXTERNALS],
    }),
    build({
      ...NODE_BUNDLE,
      entryPoints: [at('main', 'electron', 'preload.ts')],
      outfile: join(MAIN_OUT, 'preload.cjs'),
      // A sandboxed preload is a CommonJS script that can require nothing but 'electron'.
      format: 'cjs',
      external: ['electron'],
    }),
    buildWorker(MAIN_OUT),
  ]);
  return [...results.flatMap((r) => Object.keys(r.metafile.outputs)), 'dist/main/glpk.wasm'];
}

/**
 * The command line as compiled JavaScript, so a run does not compile TypeScript first. It is built in a
 * scratch folder and swapped in whole, so a CLI starting meanwhile finds either the old bundle or the new one
 * (or none, and runs from source). inputs.json, written last, lists the source files the bundle holds:
 * bin/rostermeister.mjs runs from source instead when any of them is newer or gone.
 */
export async function buildCli() {
  const scratch = `${CLI_OUT}.building-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const results = await Promise.all([
      build({
        ...NODE_BUNDLE,
        entryPoints: [at('main', 'cli', 'main.ts')],
        outfile: join(scratch, 'main.mjs'),
        format: 'esm',
        banner: { js: NODE_ESM_BANNER },
        external: NODE_EXTERNALS,
        plugins: [loadOnFirstUse],
      }),
      buildWorker(scratch),
    ]);
    const files = results.flatMap((r) => Object.keys(r.metafile.inputs)).filter((input) => !input.startsWith('first-use:'));
    const inputs = [...new Set(files)].sort();
    writeFileSync(join(scratch, 'inputs.json'), JSON.stringify(inputs, null, 1) + '\n');
    rmSync(CLI_OUT, { recursive: true, force: true });
    renameSync(scratch, CLI_OUT);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return ['dist/cli/main.mjs', 'dist/cli/solver-worker.mjs', 'dist/cli/glpk.wasm', 'dist/cli/inputs.json'];
}

export async function buildAll(parts = ['renderer', 'electron', 'cli']) {
  const outputs = [];
  if (parts.includes('renderer')) outputs.push(...(await buildRenderer()));
  if (parts.includes('electron')) outputs.push(...(await buildElectron()));
  if (parts.includes('cli')) outputs.push(...(await buildCli()));
  return outputs;
}

/** True when esbuild is installed (not so after `npm install --omit=dev`). */
function canBuild() {
  try {
    import.meta.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const prepare = process.argv.includes('--prepare');
  const parts = prepare ? ['cli'] : process.argv.slice(2);
  if (prepare && !canBuild()) {
    console.log('esbuild is not installed, so the command line was not compiled: it runs from its TypeScript sources (slower start).');
    process.exit(0);
  }
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

#!/usr/bin/env node
// Runs the compiled command line (dist/cli, built by `npm install` through the prepare step, or `npm run build`)
// when it is there and no source file it was built from has changed since; otherwise the TypeScript sources
// through tsx, so a developer who edits a file never runs stale code (just a slower start until the next build).
import { readFileSync, statSync } from 'node:fs';

const packageRoot = new URL('../', import.meta.url);
const bundle = new URL('dist/cli/main.mjs', packageRoot);

function bundleIsCurrent() {
  try {
    const listing = new URL('dist/cli/inputs.json', packageRoot);
    const builtAt = statSync(listing).mtimeMs;
    const inputs = JSON.parse(readFileSync(listing, 'utf8'));
    return inputs.every((input) => statSync(new URL(input, packageRoot)).mtimeMs <= builtAt);
  } catch {
    return false; // no bundle, an unreadable listing, or a source file that is gone
  }
}

let cli;
if (process.env.ROSTERMEISTER_FROM_SOURCE !== '1' && bundleIsCurrent()) {
  cli = await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../main/cli/main.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2));

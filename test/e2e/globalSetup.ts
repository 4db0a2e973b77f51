import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, electronBinaryPresent } from './host.ts';

interface BuildScript {
  buildRenderer(): Promise<string[]>;
  buildElectron(): Promise<string[]>;
}

/** The specs test what a user gets: build the renderer (and the Electron bundles where Electron can run) first. */
export default async function globalSetup(): Promise<void> {
  const build = (await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href)) as BuildScript;
  await build.buildRenderer();
  if (electronBinaryPresent()) await build.buildElectron();
  else
    console.log(
      '[electron] Electron binary not installed (node_modules/electron/dist is missing): the electron project is skipped; the specs run on the browser host.',
    );
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../api/errors.ts';
import { createBackend } from '../backend/index.ts';
import { optimizerFaultFromEnv } from '../backend/optimizerFault.ts';
import { logPath, resolveDataDir } from '../dataDir.ts';
import { createLogger, fileSink, stderrSink } from '../log.ts';
import { startServer } from '../serve/server.ts';
import { integerOption } from './args.ts';
import { registerCommand } from './command.ts';

/** Builds dist/renderer with scripts/build.mjs (plain JavaScript, loaded at run time). */
async function buildRenderer(packageRoot: string): Promise<void> {
  const script = pathToFileURL(join(packageRoot, 'scripts', 'build.mjs')).href;
  const { buildRenderer: build } = (await import(script)) as { buildRenderer: () => Promise<string[]> };
  await build();
}

function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

registerCommand({
  name: 'serve',
  summary: 'Run the app in your web browser, on this computer only (127.0.0.1).',
  usage: 'serve [--port N] [--data-dir DIR]',
  options: {
    port: { type: 'string', valueName: 'N', description: 'port to listen on (default: any free port)' },
  },
  async run(args, ctx) {
    const port = integerOption(args, 'port', { min: 0, max: 65535 }) ?? 0;
    const dataDir = resolveDataDir(ctx.dataDir);
    const staticDir = join(ctx.packageRoot, 'dist', 'renderer');
    if (!existsSync(join(staticDir, 'index.html'))) {
      ctx.out('Building the user interface (first run)…');
      await buildRenderer(ctx.packageRoot);
    }

    const errorLog = createLogger([fileSink(logPath(dataDir)), stderrSink()]);
    const backend = await createBackend({ dataDir, fault: optimizerFaultFromEnv() });
    let server;
    try {
      server = await startServer({ backend, port, staticDir, log: (details) => errorLog.error('internal error', details) });
    } catch (error) {
      await backend.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ApiError(
          'bad_input',
          `Port ${port} is already in use. Choose another with --port N, or leave it out to use any free port.`,
          'port',
        );
      }
      throw error;
    }

    const status = await backend.databaseStatus();
    if (status.state === 'recovery') ctx.err(`${status.message}\nThe app opens on its recovery page.`);
    ctx.out(
      [
        'Rostermeister is running. Open this address in your web browser:',
        '',
        `  ${server.openUrl}`,
        '',
        'The address contains a one-time key: keep it to yourself. It changes each time serve starts.',
        `Data folder: ${dataDir}`,
        'Press Ctrl+C to stop.',
      ].join('\n'),
    );

    await untilStopped();
    await server.close();
    await backend.close();
    ctx.out('Rostermeister has stopped.');
  },
});

#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx is registered here, so the CLI works right after npm install.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));

import { runCli } from '../../../main/cli/main.ts';

/** What one run of the command line returned and printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process and keeps what it printed, a line at a time. */
export async function runCaptured(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

/** The command line on the data folder `dir`: every run gets `--data-dir dir`. */
export function cliOn(dir: string): (...argv: string[]) => Promise<CliRun> {
  return (...argv) => runCaptured([...argv, '--data-dir', dir]);
}

import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'Rostermeister';

/** Where Rostermeister keeps its database, backups and logs on this platform. */
export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}

/** The data folder to use: `--data-dir`, then ROSTERMEISTER_DATA_DIR, then the platform folder. */
export function resolveDataDir(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.ROSTERMEISTER_DATA_DIR) return env.ROSTERMEISTER_DATA_DIR;
  return platformDataDir(process.platform, env);
}

const DATABASE_FILE = 'rostermeister.db';
export const databasePath = (dataDir: string): string => join(dataDir, DATABASE_FILE);
export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');
const logsDir = (dataDir: string): string => join(dataDir, 'logs');
export const logPath = (dataDir: string): string => join(logsDir(dataDir), 'rostermeister.log');

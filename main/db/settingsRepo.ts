import type { Settings } from '../api/contract.ts';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../../solver/limits.ts';
import type { Db } from './connection.ts';

const DEFAULT_SETTINGS: Settings = {
  scheduler: 'legacy',
  monthOverrides: {},
  shadowMode: false,
  timeLimitSeconds: DEFAULT_TIME_LIMIT_SECONDS,
};

type SettingKey = keyof Settings;

export function loadSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const settings: Settings = { ...DEFAULT_SETTINGS, monthOverrides: {} };
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    if (key in stored) (settings as unknown as Record<string, unknown>)[key] = stored[key];
  }
  return settings;
}

export function saveSettings(db: Db, settings: Settings): void {
  const upsert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) upsert.run(key, JSON.stringify(settings[key]));
  })();
}

/** How many backups are kept (the oldest beyond it are removed); stored beside the settings, not in them. */
const DEFAULT_BACKUPS_KEPT = 20;
export const MAX_BACKUPS_KEPT = 1000;
const BACKUPS_KEPT_KEY = 'backupsKept';

export function loadBackupsKept(db: Db): number {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(BACKUPS_KEPT_KEY) as { value: string } | undefined;
  const value = row === undefined ? DEFAULT_BACKUPS_KEPT : (JSON.parse(row.value) as unknown);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_BACKUPS_KEPT ? value : DEFAULT_BACKUPS_KEPT;
}

export function saveBackupsKept(db: Db, count: number): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    BACKUPS_KEPT_KEY,
    JSON.stringify(count),
  );
}

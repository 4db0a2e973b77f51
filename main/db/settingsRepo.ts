import type { Settings } from '../api/contract.ts';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../../solver/limits.ts';
import type { Db } from './connection.ts';

export const DEFAULT_SETTINGS: Settings = {
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

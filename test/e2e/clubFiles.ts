import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ROOT } from './host.ts';

interface ClubFileMember {
  id: string;
  name: string;
  qualifications: string[];
  rolePercent?: Record<string, number>;
  [field: string]: unknown;
}

/** The demo club file as JSON, to change for a test. */
interface ClubFile {
  members: ClubFileMember[];
  [field: string]: unknown;
}

export function demoClub(): ClubFile {
  return JSON.parse(readFileSync(join(ROOT, 'assets', 'demo-club.json'), 'utf8')) as ClubFile;
}

/** Imports a club file through the Members page, as a user does (the Members page must be open). */
export async function importClubFile(app: Page, club: unknown, fileName = 'club.json'): Promise<void> {
  await app
    .getByLabel('Club file to import')
    .setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(club, null, 2)) });
  await app
    .getByRole('dialog', { name: `Import ${fileName}?` })
    .getByRole('button', { name: 'Import' })
    .click();
}

/** Waits for the import summary (a success notice, or the warning alert when there were likely typos). */
export async function expectImported(app: Page, members: number): Promise<void> {
  await expect(app.getByText(new RegExp(`Imported ${members} members`))).toBeVisible();
}

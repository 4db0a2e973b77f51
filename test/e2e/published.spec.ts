import { readFile } from 'node:fs/promises';
import { chooseMonth, expect, generateDraft, openPage, slot, test } from './fixtures.ts';

test('a published month can be read, filtered to one member and downloaded', async ({ app }) => {
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  const instructor = ((await slot(app, 'Instructor', 'Sat 5 Jun').textContent()) ?? '').trim();
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(app.getByText('June 2027 is published')).toBeVisible();

  await openPage(app, 'Published');
  await app
    .getByRole('list', { name: 'Published months' })
    .getByRole('button', { name: /June 2027/ })
    .click();
  await expect(app.getByRole('heading', { name: /June 2027/ })).toBeVisible();

  await app.getByLabel('Member').click();
  await app.getByRole('option', { name: instructor, exact: true }).click();
  const duties = app.getByRole('table', { name: 'Member duties' });
  await expect(duties.getByRole('row', { name: /Sat 5 Jun Instructor/ })).toBeVisible();

  const csvDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'CSV', exact: true }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv).toContain(instructor);
  expect(csv).toContain('2027-06-05');

  const pdfDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'PDF', exact: true }).click();
  const pdf = await readFile(await (await pdfDownload).path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await pdfDownload).suggestedFilename()).toMatch(/\.pdf$/);
});

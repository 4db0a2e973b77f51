import type { BackupInfo, ColumnMapping, MemberSheetPreview, MemberSheetResult } from '../api/contract.ts';
import { badInput, conflict } from '../api/errors.ts';
import { loadClub, saveMemberRow } from '../db/clubRepo.ts';
import { readSpreadsheet, SpreadsheetError } from '../import/spreadsheet.ts';
import { CLUB_LIMITS } from '../../solver/limits.ts';
import { MEMBER_SCHEMA } from '../../solver/memberSchema.ts';
import { guessMapping, mappingProblem, readMemberSheet, SHEET_FIELDS, type SheetReading } from '../../solver/memberSheet.ts';
import type { BackendContext } from './context.ts';

/**
 * Members from a spreadsheet (CSV or XLSX): a preview that changes nothing, then an import that saves
 * every row or none. Rows matching a member (by id, or by name when the sheet has no id column) change
 * that member in the mapped columns only; other rows add members.
 */

async function tableOf(fileName: string, base64: string) {
  try {
    return await readSpreadsheet(fileName, Buffer.from(base64, 'base64'));
  } catch (error) {
    if (error instanceof SpreadsheetError) throw badInput(error.message, 'file');
    throw error;
  }
}

async function read(ctx: BackendContext, fileName: string, base64: string, given: ColumnMapping | null) {
  const table = await tableOf(fileName, base64);
  const mapping = given ?? guessMapping(table.headers);
  const problem = mappingProblem(table.headers, mapping);
  const { club } = loadClub(ctx.db);
  const reading: SheetReading = problem === null ? readMemberSheet(table, mapping, club) : { rows: [], members: [] };
  return { table, mapping, problem, reading, club };
}

export async function previewMemberSheet(
  ctx: BackendContext,
  fileName: string,
  base64: string,
  mapping: ColumnMapping | null,
): Promise<MemberSheetPreview> {
  const { table, mapping: used, problem, reading } = await read(ctx, fileName, base64, mapping);
  return {
    fileName,
    headers: table.headers,
    mapping: used,
    fields: SHEET_FIELDS.map((key) => ({ key, label: MEMBER_SCHEMA[key].label })),
    mappingProblem: problem,
    rows: reading.rows,
    adds: reading.rows.filter((r) => r.action === 'add').length,
    updates: reading.rows.filter((r) => r.action === 'update').length,
    rowsWithErrors: reading.rows.filter((r) => r.errors.length > 0).length,
  };
}

export async function importMemberSheet(
  ctx: BackendContext,
  backUp: (prefix: string) => Promise<BackupInfo>,
  fileName: string,
  base64: string,
  mapping: ColumnMapping,
): Promise<MemberSheetResult> {
  if (ctx.generations.busy) throw conflict('A roster is being generated. Wait for it to finish (or cancel it) before importing members.');
  const { problem, reading, club } = await read(ctx, fileName, base64, mapping);
  if (problem !== null) throw badInput(problem, 'mapping');
  const bad = reading.rows.filter((r) => r.errors.length > 0);
  if (bad.length > 0) {
    throw badInput(
      `Nothing was imported: ${bad.length} row${bad.length === 1 ? ' has a problem' : 's have problems'} (row ${bad[0].row}: ${bad[0].errors[0]})`,
      'file',
    );
  }
  if (reading.rows.length === 0) throw badInput(`${fileName} has no member rows below its header.`, 'file');
  const added = reading.rows.filter((r) => r.action === 'add').length;
  if (club.members.length + added > CLUB_LIMITS.members)
    throw badInput(`The club would have more than ${CLUB_LIMITS.members} members, the most Rostermeister keeps.`, 'file');
  const backup = await backUp('before-members-import');
  ctx.db
    .transaction(() => {
      // The club may have changed since the sheet was read (another window): read it again inside.
      const again = readMemberSheetNow(ctx, reading);
      for (const member of again) saveMemberRow(ctx.db, member);
    })
    .immediate();
  const result = { added, updated: reading.rows.length - added, backup: backup.name };
  ctx.log.info('Members imported', { file: fileName, added: result.added, updated: result.updated, backup: backup.name });
  return result;
}

/** The members to save, refused when the club changed under the sheet's rows since it was read. */
function readMemberSheetNow(ctx: BackendContext, reading: SheetReading) {
  const ids = new Set(loadClub(ctx.db).club.members.map((m) => m.id));
  reading.rows.forEach((row, i) => {
    if ((row.action === 'update') !== ids.has(reading.members[i].id))
      throw conflict('The members changed while the sheet was being read. Preview the sheet again.', 'file');
  });
  return reading.members;
}

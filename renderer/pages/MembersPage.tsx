import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import type { Member, RoleSetting } from '../../main/api/contract.ts';
import { blankMember, freeMemberId } from '../../solver/memberSchema.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { AvailabilityDialog } from '../components/AvailabilityDialog.tsx';
import { ClubFileButtons } from '../components/ClubFileButtons.tsx';
import { MemberDialog } from '../components/MemberDialog.tsx';
import { MemberSheetImport } from '../components/MemberSheetImport.tsx';
import { MembersTable } from '../components/MembersTable.tsx';
import { WhyDialog } from '../components/WhyDialog.tsx';
import { dayLabel, readableDates } from '../format.ts';
import { matchesSearch } from '../search.ts';
import { downloadSeasonCalendar } from '../seasonCalendar.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

/** Name, id, qualifications and the titles of the roles they qualify for. */
function searchTexts(member: Member, roles: readonly RoleSetting[]): string[] {
  const titles = roles.filter((role) => member.qualifications.includes(role.qualification)).map((role) => role.title);
  return [member.name, member.id, ...member.qualifications, ...titles];
}

export function MembersPage(): React.JSX.Element {
  const { club, month, notify } = useApp();
  const members = useLoad(() => api.listMembers(), []);
  const conflicts = useLoad(() => api.publishedConflicts(null), []);
  const published = useLoad(() => api.listPublishedMonths(), []);
  // The season of the month being worked on when any of it is published, else the newest published one.
  const years = (published.data ?? []).map((m) => m.year);
  const calendarYear = years.includes(month.year) ? month.year : (years.at(-1) ?? month.year);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ member: Member; isNew: boolean } | null>(null);
  const [availability, setAvailability] = useState<Member | null>(null);
  const [why, setWhy] = useState<Member | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importWarnings, setImportWarnings] = useState<{ summary: string; warnings: string[] } | null>(null);

  const all = members.data ?? [];
  const shown = useMemo(() => {
    const roles = club?.roles ?? [];
    return (members.data ?? []).filter((m) => matchesSearch(search, searchTexts(m, roles))).sort((a, b) => a.name.localeCompare(b.name));
  }, [members.data, search, club]);
  const qualifications = [...new Set((club?.roles ?? []).map((role) => role.qualification))];

  async function saved(member: Member, message: string): Promise<void> {
    setEditing(null);
    setAvailability(null);
    await Promise.all([members.reload(), conflicts.reload()]);
    notify(message.replace('{name}', member.name));
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">
          Members
        </Typography>
        <TextField
          type="search"
          size="small"
          label="Search members"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          sx={{ width: 240 }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {shown.length} of {all.length}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ ml: 'auto !important' }}>
          <MemberSheetImport
            onImported={() => Promise.all([members.reload(), conflicts.reload()]).then(() => undefined)}
            onError={setError}
          />
          <ClubFileButtons
            onImported={() => Promise.all([members.reload(), conflicts.reload()]).then(() => undefined)}
            onError={setError}
            onWarnings={(summary, warnings) => setImportWarnings({ summary, warnings })}
          />
          <Button
            variant="contained"
            startIcon={<PersonAddIcon />}
            disabled={members.data === undefined}
            onClick={() => setEditing({ member: blankMember(freeMemberId(all.map((m) => m.id)), '', []), isNew: true })}
            sx={{ whiteSpace: 'nowrap' }}
          >
            Add member
          </Button>
        </Stack>
      </Stack>
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {importWarnings !== null && (
        <Alert severity="warning" onClose={() => setImportWarnings(null)} aria-label="Import summary">
          {importWarnings.summary} Please check {importWarnings.warnings.length === 1 ? 'this' : `these ${importWarnings.warnings.length}`}:
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {importWarnings.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      {members.error !== null && <Alert severity="error">{members.error}</Alert>}
      {(conflicts.data?.length ?? 0) > 0 && (
        <Alert severity="warning" aria-label="Published duties in conflict">
          {conflicts.data!.map((c) => (
            <div key={`${c.date}/${c.role}`}>
              {dayLabel(c.date)} {c.date.slice(0, 4)}, {c.roleTitle}: {readableDates(c.message)} Re-plan the month on the Published page.
            </div>
          ))}
        </Alert>
      )}
      {members.data !== undefined && (
        <MembersTable
          key={search}
          members={shown}
          defaultLimit={club?.defaultMaxPerMonth ?? null}
          qualificationTitles={Object.fromEntries((club?.roles ?? []).map((role) => [role.qualification, role.title]))}
          onEdit={(member) => setEditing({ member, isNew: false })}
          roles={club?.roles ?? []}
          onAvailability={setAvailability}
          onWhy={setWhy}
          onCalendar={(member) => {
            downloadSeasonCalendar(calendarYear, member.id).catch((caught: unknown) => notify(errorMessage(caught), 'error'));
          }}
        />
      )}
      {editing !== null && (
        <MemberDialog
          member={editing.member}
          isNew={editing.isNew}
          members={all}
          qualifications={qualifications}
          roles={club?.roles ?? []}
          month={month}
          onClose={() => setEditing(null)}
          onSaved={(member) => void saved(member, editing.isNew ? '{name} added.' : '{name} saved.')}
          onDeleted={(member) => void saved(member, '{name} deleted.')}
        />
      )}
      {why !== null && <WhyDialog memberId={why.id} memberName={why.name} month={month} onClose={() => setWhy(null)} />}
      {availability !== null && (
        <AvailabilityDialog
          member={availability}
          month={month}
          roles={club?.roles ?? []}
          onClose={() => setAvailability(null)}
          onSaved={(member) => void saved(member, 'Availability of {name} saved.')}
        />
      )}
    </Stack>
  );
}

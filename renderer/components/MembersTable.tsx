import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import EditIcon from '@mui/icons-material/Edit';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import type { Member, RoleSetting } from '../../main/api/contract.ts';
import { availabilityInWords } from '../../solver/availability.ts';

const PAGE_SIZE = 25;

function status(member: Member): string {
  if (!member.active) return 'Inactive';
  // Exempt is the club's standing agreement, suspended a passing state: told apart.
  if (member.exempt === true) return member.suspended ? 'Exempt (suspended)' : 'Exempt';
  if (member.suspended) return 'Suspended';
  if (member.dontSchedule) return 'Not scheduled';
  return 'Active';
}

const DAY_NAMES = { sat: 'Saturday', sun: 'Sunday' } as const;

/** Members with what the schedulers look at; one page at a time so large clubs stay quick. */
export function MembersTable(props: {
  members: Member[];
  defaultLimit: number | null;
  /** Qualification key -> the title of the role that needs it. */
  qualificationTitles: Record<string, string>;
  onEdit(member: Member): void;
  /** For the availability rules in words. */
  roles: readonly RoleSetting[];
  onAvailability(member: Member): void;
  /** Opens the member's duties and why not (the "why" dialog). */
  onWhy(member: Member): void;
}): React.JSX.Element {
  const [page, setPage] = useState(0);
  const year = new Date().getFullYear();
  const names = new Map(props.members.map((m) => [m.id, m.name]));
  const nameList = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const lastPage = Math.max(0, Math.ceil(props.members.length / PAGE_SIZE) - 1);
  const shown = props.members.slice(Math.min(page, lastPage) * PAGE_SIZE, (Math.min(page, lastPage) + 1) * PAGE_SIZE);
  return (
    <Paper>
      <TableContainer sx={{ maxHeight: 'calc(100vh - 260px)' }}>
        <Table size="small" stickyHeader aria-label="Members" sx={{ '& td, & th': { fontSize: '0.8125rem', px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Qualifications</TableCell>
              <TableCell>Monthly limit</TableCell>
              <TableCell>Role percents</TableCell>
              <TableCell>Prefers</TableCell>
              <TableCell>Works with</TableCell>
              <TableCell>Avoids</TableCell>
              <TableCell>Availability</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((member) => (
              <TableRow key={member.id} hover>
                <TableCell component="th" scope="row" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
                  {member.name}
                </TableCell>
                <TableCell>{status(member)}</TableCell>
                <TableCell>{member.qualifications.map((q) => props.qualificationTitles[q] ?? q).join(', ')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{member.maxPerMonth ?? `default (${props.defaultLimit ?? '–'})`}</TableCell>
                <TableCell>
                  {Object.entries(member.rolePercent)
                    .map(([q, p]) => `${props.qualificationTitles[q] ?? q} ${p}%`)
                    .join(', ')}
                </TableCell>
                <TableCell>{member.preferredDay === null ? '' : DAY_NAMES[member.preferredDay]}</TableCell>
                <TableCell>{nameList(member.pairWith)}</TableCell>
                <TableCell>{nameList(member.avoid)}</TableCell>
                <TableCell sx={{ maxWidth: 260 }}>
                  {availabilityInWords(member, { roles: props.roles, year, maxBlackoutDates: 3 })}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap', py: 0 }}>
                  <Tooltip title="Edit">
                    <IconButton size="small" onClick={() => props.onEdit(member)} aria-label={`Edit ${member.name}`}>
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Availability">
                    <IconButton size="small" onClick={() => props.onAvailability(member)} aria-label={`Availability of ${member.name}`}>
                      <EventBusyIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Duties and why not">
                    <IconButton size="small" onClick={() => props.onWhy(member)} aria-label={`Why (not) ${member.name}`}>
                      <HelpOutlineIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={props.members.length}
        page={Math.min(page, lastPage)}
        rowsPerPage={PAGE_SIZE}
        rowsPerPageOptions={[PAGE_SIZE]}
        onPageChange={(_event, next) => setPage(next)}
      />
    </Paper>
  );
}

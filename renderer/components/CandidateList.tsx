import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import List, { type ListProps } from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import type { SlotCandidate } from '../../main/api/contract.ts';
import { fairnessChange, readableDates } from '../format.ts';

/**
 * The members for one slot or duty as the backend ranked them: those who can take it, those allowed with
 * warnings, and the rest grouped under the rule that keeps them out. The slot editor and the cover dialog
 * both show it; each draws its own allowed rows (what a click does differs).
 */

/** The members not allowed, one group per reason, in the order the backend ranked them. */
function byReason(candidates: SlotCandidate[]): [string, SlotCandidate[]][] {
  const groups = new Map<string, SlotCandidate[]>();
  for (const c of candidates) {
    const reason = c.reason ?? 'not allowed';
    groups.set(reason, [...(groups.get(reason) ?? []), c]);
  }
  return [...groups];
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A candidate's name over its load, fairness change and warnings; `duties` names the load's span. */
export function CandidateText(props: { candidate: SlotCandidate; primary: string; duties: string }): React.JSX.Element {
  const { candidate } = props;
  return (
    <ListItemText
      primary={props.primary}
      secondary={[
        `${candidate.load} of ${candidate.cap} ${props.duties}`,
        `fairness ${fairnessChange(candidate.fairnessDelta)}`,
        ...candidate.warnings.map((w) => `⚠ ${readableDates(w)}`),
      ].join(' · ')}
      slotProps={{ secondary: { color: candidate.warnings.length > 0 ? 'warning.dark' : 'text.secondary' } }}
    />
  );
}

interface CandidateListProps extends Omit<ListProps, 'children' | 'ref'> {
  ref?: React.Ref<HTMLUListElement>;
  candidates: SlotCandidate[];
  /** The heading of those who can take it, e.g. "Can take this slot". */
  fittingLabel: string;
  allowed(candidate: SlotCandidate): ReactNode;
  /** A button beside each member not allowed (the slot editor's "Why not?"). */
  notAllowedAction?(candidate: SlotCandidate): ReactNode;
}

export function CandidateList({
  ref,
  candidates,
  fittingLabel,
  allowed,
  notAllowedAction,
  ...listProps
}: CandidateListProps): React.JSX.Element {
  const fitting = candidates.filter((c) => c.eligible && c.warnings.length === 0);
  const warned = candidates.filter((c) => c.eligible && c.warnings.length > 0);
  const notAllowed = byReason(candidates.filter((c) => !c.eligible));
  const notAllowedCount = candidates.length - fitting.length - warned.length;
  return (
    <List dense aria-label="Members" ref={ref} {...listProps}>
      <ListSubheader disableSticky>
        {fittingLabel} ({fitting.length})
      </ListSubheader>
      {fitting.map(allowed)}
      {warned.length > 0 && <ListSubheader disableSticky>Allowed, with warnings ({warned.length})</ListSubheader>}
      {warned.map(allowed)}
      {notAllowedCount > 0 && <ListSubheader disableSticky>Not allowed ({notAllowedCount})</ListSubheader>}
      {notAllowed.map(([reason, group]) => (
        <Box component="li" key={reason} sx={{ listStyle: 'none' }}>
          <List dense disablePadding aria-label={`Not allowed: ${reason}`}>
            <ListSubheader disableSticky sx={{ lineHeight: 2.5, pl: 3, fontStyle: 'italic' }}>
              {capitalised(reason)} ({group.length})
            </ListSubheader>
            {group.map((candidate) => {
              const button = (
                <ListItemButton key={candidate.memberId} disabled sx={{ pl: 4, py: 0 }}>
                  <ListItemText primary={candidate.name} />
                </ListItemButton>
              );
              return notAllowedAction ? (
                <ListItem key={candidate.memberId} disablePadding secondaryAction={notAllowedAction(candidate)}>
                  {button}
                </ListItem>
              ) : (
                button
              );
            })}
          </List>
        </Box>
      ))}
    </List>
  );
}

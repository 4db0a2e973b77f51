import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IsoDate, MonthRef, WhySlot, WhyView } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, monthLabel, readableDates, SCHEDULER_NAMES } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { MonthPicker } from './MonthPicker.tsx';

/** What decided a slot, as a short tag beside the reason. */
const KIND_LABELS: Record<WhySlot['kind'], string> = {
  hard: 'rule',
  spacing: 'spacing',
  fairness: 'season balance',
  preference: 'preferences',
  random: 'random draw',
  locked: 'locked',
  tie: 'equal',
  open: 'open slot',
};

function source(view: WhyView): string {
  if (view.source === 'published') return 'the published roster';
  return view.scheduler === null ? 'the draft' : `the draft made by the ${SCHEDULER_NAMES[view.scheduler]} scheduler`;
}

function Reason(props: { slot: WhySlot }): React.JSX.Element {
  const { slot } = props;
  return (
    <Box component="li" sx={{ mb: 0.75 }}>
      <Typography variant="body2" component="div">
        <strong>{slot.roleTitle}</strong> ({slot.holderName ?? 'empty'}):{' '}
        <Chip size="small" variant="outlined" label={KIND_LABELS[slot.kind]} sx={{ height: 20, mr: 0.5 }} />
        {readableDates(slot.text)}
      </Typography>
      {slot.details.map((detail) => (
        <Typography key={detail} variant="caption" color="text.secondary" component="div">
          {readableDates(detail)}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * "Why me / why not me": a member's duties in a month and, for each other duty day, why someone else
 * has the slot. Opened from the Season page, the Members page and the slot editor (with its slot).
 */
export function WhyDialog(props: {
  memberId: string;
  memberName: string;
  month: MonthRef;
  /** The slot editor's slot: asked about first. */
  slot?: { date: IsoDate; role: string; roleTitle: string };
  onClose(): void;
}): React.JSX.Element {
  const [month, setMonth] = useState<MonthRef>(props.month);
  const asked = props.slot && props.slot.date.startsWith(`${month.year}-${String(month.month).padStart(2, '0')}`) ? props.slot : undefined;
  const why = useLoad(
    () => api.whyMember(props.memberId, { year: month.year, month: month.month }, asked ? { date: asked.date, role: asked.role } : null),
    [props.memberId, month.year, month.month, asked?.date, asked?.role],
  );
  const view = why.data;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="why-title" fullWidth maxWidth="md">
      <DialogTitle id="why-title">Why (not) {props.memberName}?</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 300 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <MonthPicker value={month} onChange={setMonth} />
          {view !== undefined && !why.loading && (
            <Typography variant="body2" color="text.secondary">
              {monthLabel(month)}, {source(view)}: {view.duties} {view.duties === 1 ? 'duty' : 'duties'} on {view.days.length} duty days
            </Typography>
          )}
        </Stack>
        {why.loading && <CircularProgress aria-label="Loading reasons" />}
        {why.error !== null && !why.loading && <Alert severity="info">{why.error}</Alert>}
        {view !== undefined && !why.loading && why.error === null && (
          <>
            {asked && view.slot !== null && (
              <Alert severity="info" sx={{ mb: 2 }} aria-label="The slot asked about">
                <AlertTitle>
                  Why not {props.memberName} as {asked.roleTitle} on {dayLabel(asked.date)}?
                </AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                  <Reason slot={view.slot} />
                </Box>
              </Alert>
            )}
            <Box component="ol" aria-label="Duty days" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {view.days.map((day) => (
                <Box
                  component="li"
                  key={day.date}
                  aria-label={dayLabel(day.date)}
                  sx={{ py: 1, borderBottom: 1, borderColor: 'divider', bgcolor: day.date === asked?.date ? 'action.hover' : undefined }}
                >
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: day.onDuty ? 0 : 0.5 }}>
                    <Typography variant="subtitle2" component="span" sx={{ width: 96, flexShrink: 0 }}>
                      {dayLabel(day.date)}
                    </Typography>
                    {day.onDuty !== null ? (
                      <Chip color="primary" size="small" label={`On duty: ${day.onDuty.roleTitle}`} />
                    ) : (
                      <Typography variant="body2" color="text.secondary">
                        Not on duty
                      </Typography>
                    )}
                  </Stack>
                  {day.onDuty === null && (
                    <Box component="ul" sx={{ m: 0, pl: 13.5, listStyle: 'none' }}>
                      {day.slots.map((slot) => (
                        <Reason key={slot.role} slot={slot} />
                      ))}
                    </Box>
                  )}
                </Box>
              ))}
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

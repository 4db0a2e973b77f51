import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { RunInfo } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES } from '../format.ts';

/** Says plainly when the optimizer was asked for but the legacy scheduler made the roster. */
export function FallbackNotice(props: { run: RunInfo }): React.JSX.Element | null {
  const { fallback } = props.run;
  if (fallback === null) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Fallback to the legacy scheduler</AlertTitle>
      The {SCHEDULER_NAMES[props.run.requestedScheduler].toLowerCase()} could not make this roster, so the legacy scheduler made it instead.
      Reason: {fallback.reason} (status: {fallback.status})
    </Alert>
  );
}

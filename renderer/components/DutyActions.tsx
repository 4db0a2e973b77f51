import { useState } from 'react';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { PublishedChange } from '../../main/api/contract.ts';
import { CoverDialog } from './CoverDialog.tsx';
import { SwapDialog } from './SwapDialog.tsx';

/** One duty of a published roster, as the Published page shows it. */
export interface PublishedDuty {
  date: string;
  role: string;
  roleTitle: string;
  memberId: string | null;
  memberName: string | null;
}

/** The menu of a published duty (Cover / replace…, Swap…) and the dialog chosen from it. */
export function DutyActions(props: {
  duty: PublishedDuty;
  anchor: HTMLElement;
  onClose(): void;
  onChanged(change: PublishedChange): void;
}): React.JSX.Element {
  const [dialog, setDialog] = useState<'cover' | 'swap' | null>(null);
  if (dialog === 'cover') return <CoverDialog duty={props.duty} onClose={props.onClose} onChanged={props.onChanged} />;
  if (dialog === 'swap') return <SwapDialog duty={props.duty} onClose={props.onClose} onChanged={props.onChanged} />;
  return (
    <Menu open anchorEl={props.anchor} onClose={props.onClose} aria-label="Change this duty">
      <MenuItem autoFocus onClick={() => setDialog('cover')}>
        {props.duty.memberId === null ? 'Fill…' : 'Cover / replace…'}
      </MenuItem>
      <MenuItem disabled={props.duty.memberId === null} onClick={() => setDialog('swap')}>
        Swap…
      </MenuItem>
    </Menu>
  );
}

import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';

/**
 * A list of rows the user adds to and removes from, each row drawn by `fields` with an `update` for
 * its own entry: the club calendar's extra and removed days, the what-if's members away and limits.
 */
export function EditableRows<Row>(props: {
  rows: Row[];
  onChange(rows: Row[]): void;
  fields(row: Row, index: number, update: (patch: Partial<Row>) => void): ReactNode;
  /** The remove button's name for row `index` (counted from 1 in the words). */
  removeLabel(index: number): string;
  addLabel: string;
  newRow(): Row;
  disabled?: boolean;
  /** Adding is not possible yet (e.g. no member to pick). */
  addDisabled?: boolean;
  /** The id of the heading that names the list: the rows are then a list with list items. */
  labelledBy?: string;
  /** A problem with the list as a whole, shown under it. */
  error?: string;
  /** Rows whose fields show helper text align at the top. */
  align?: 'center' | 'flex-start';
}): React.JSX.Element {
  const { rows, onChange, disabled } = props;
  const update = (index: number) => (patch: Partial<Row>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const asList = props.labelledBy !== undefined;
  return (
    <>
      <Stack spacing={1} {...(asList ? { role: 'list', 'aria-labelledby': props.labelledBy } : {})}>
        {rows.map((row, index) => (
          <Stack
            key={index}
            direction="row"
            spacing={1}
            {...(asList ? { role: 'listitem' } : {})}
            sx={{ alignItems: props.align ?? 'center', flexWrap: 'wrap', rowGap: 1 }}
          >
            {props.fields(row, index, update(index))}
            <IconButton
              aria-label={props.removeLabel(index)}
              disabled={disabled}
              onClick={() => onChange(rows.filter((_r, i) => i !== index))}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      {props.error !== undefined && <Alert severity="error">{props.error}</Alert>}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        disabled={disabled || props.addDisabled}
        onClick={() => onChange([...rows, props.newRow()])}
      >
        {props.addLabel}
      </Button>
    </>
  );
}

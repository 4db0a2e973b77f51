import Chip from '@mui/material/Chip';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';

export function PassChip(props: { passed: boolean; label?: string }): React.JSX.Element {
  const text = props.label === undefined ? (props.passed ? 'Pass' : 'Fail') : `${props.label}: ${props.passed ? 'pass' : 'fail'}`;
  return <Chip size="small" icon={props.passed ? <CheckIcon /> : <CloseIcon />} color={props.passed ? 'success' : 'error'} label={text} />;
}

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** A labelled figure, e.g. "Fill rate / 100.00 %". */
export function Stat(props: { label: string; value: string }): React.JSX.Element {
  return (
    <Box role="group" aria-label={props.label} sx={{ minWidth: 96 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body1" component="div" sx={{ fontWeight: 600 }}>
        {props.value}
      </Typography>
    </Box>
  );
}

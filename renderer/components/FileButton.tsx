import { useRef, type ReactNode } from 'react';
import Button from '@mui/material/Button';

/** A button that asks for one file (a hidden file input labelled `fileLabel`); the same file can be picked again. */
export function FileButton(props: {
  label: string;
  fileLabel: string;
  accept: string;
  icon: ReactNode;
  disabled: boolean;
  onFile(file: File): void;
}): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-label={props.fileLabel}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) props.onFile(file);
        }}
      />
      <Button startIcon={props.icon} disabled={props.disabled} onClick={() => input.current?.click()} sx={{ whiteSpace: 'nowrap' }}>
        {props.label}
      </Button>
    </>
  );
}

import { useState, type ReactNode } from 'react';
import { Button } from './button.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
  /** Under the field until a copy fails; then it says how to copy by hand. */
  hint?: ReactNode;
  copyLabel: string;
}

/** A read-only value with a Copy button: push URLs, a new token. */
export function CopyField({ id, label, value, hint, copyLabel }: CopyFieldProps) {
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copyValue() {
    try {
      // Missing outside secure contexts (a hub on plain http:// in the LAN): say so, keep it selectable.
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      setCopy('failed');
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-[13px] font-medium text-ink">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-hint`}
          className="block min-h-10 w-full min-w-0 rounded-md border border-line-strong bg-raised px-2.5 py-1.5 font-mono text-xs text-ink sm:min-h-9"
        />
        <Button
          onClick={() => void copyValue()}
          aria-label={copy === 'copied' ? 'Copied' : copyLabel}
        >
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-muted empty:hidden" aria-live="polite">
        {copy === 'failed' ? 'Could not copy: it is selected, copy it by hand.' : hint}
      </p>
    </div>
  );
}

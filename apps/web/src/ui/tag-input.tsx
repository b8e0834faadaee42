import { useId, useState, type KeyboardEvent } from 'react';
import { Field } from './form-field.tsx';
import { XIcon } from './icons.tsx';

interface TagInputProps {
  id: string;
  label: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Offered as the user types (already chosen ones are left out). */
  suggestions?: readonly string[];
  placeholder?: string;
  hint?: string;
  error?: string | undefined;
  /** Applied to what is typed before it becomes a chip (tags are lower case). */
  normalize?: (text: string) => string;
}

/**
 * A list of words as chips: Enter, comma or leaving the field adds what was typed; Backspace
 * in an empty field takes the last one back; each chip has its own remove button.
 */
export function TagInput({
  id,
  label,
  value,
  onChange,
  suggestions = [],
  placeholder,
  hint,
  error,
  normalize = (text) => text.trim(),
}: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const offered = suggestions.filter((s) => !value.includes(s));

  function commit(text = draft) {
    setDraft('');
    // A pasted "a, b" is two words.
    const words = text.split(',').map(normalize).filter(Boolean);
    const fresh = [...new Set(words)].filter((word) => !value.includes(word));
    if (fresh.length > 0) onChange([...value, ...fresh]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      if (!draft.trim()) return;
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <div
          className={`flex min-h-10 flex-wrap items-center gap-1 rounded-md border bg-surface px-1.5 py-1 shadow-xs focus-within:border-focus focus-within:ring-2 focus-within:ring-focus/30 sm:min-h-9 ${
            error ? 'border-down' : 'border-line-strong'
          }`}
        >
          {value.map((word) => (
            <span
              key={word}
              className="inline-flex items-center gap-0.5 rounded bg-raised py-0.5 pr-0.5 pl-1.5 text-xs font-medium text-ink"
            >
              {word}
              <button
                type="button"
                aria-label={`Remove ${word}`}
                onClick={() => onChange(value.filter((w) => w !== word))}
                className="rounded p-0.5 text-faint hover:bg-line hover:text-ink"
              >
                <XIcon size={11} />
              </button>
            </span>
          ))}
          <input
            {...control}
            list={offered.length > 0 ? listId : undefined}
            value={draft}
            onChange={(e) => {
              const text = e.target.value;
              // A pick from the list is not typing (no InputEvent, or a replacement): take it
              // at once. Typed text that happens to match a suggestion stays a draft.
              const native = e.nativeEvent;
              const picked =
                !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
              if (picked && offered.includes(text)) commit(text);
              else setDraft(text);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => commit()}
            placeholder={value.length === 0 ? placeholder : undefined}
            autoComplete="off"
            className="min-w-24 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm text-ink placeholder:text-faint focus:outline-none"
          />
          {offered.length > 0 && (
            <datalist id={listId}>
              {offered.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </div>
      )}
    </Field>
  );
}

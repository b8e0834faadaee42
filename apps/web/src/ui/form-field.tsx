import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { FieldError } from './field-error.tsx';

export const inputClass =
  'block w-full min-h-10 sm:min-h-9 rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm text-ink shadow-xs placeholder:text-faint ' +
  'focus-visible:border-focus focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-focus/30 ' +
  'aria-invalid:border-down aria-invalid:ring-down/20';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: (control: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A label, its control, an optional hint, and the field's error under it. */
export function Field({ id, label, error, hint, className = '', children }: FieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-[13px] font-medium text-ink">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && !error && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

type Common = {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
};

export function TextField({
  id,
  label,
  error,
  hint,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...input} {...control} className={inputClass} />}
    </Field>
  );
}

export function TextAreaField({
  id,
  label,
  error,
  hint,
  className,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <textarea rows={2} {...input} {...control} className={`${inputClass} resize-y`} />
      )}
    </Field>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  className,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...select} {...control} className={inputClass}>
          {children}
        </select>
      )}
    </Field>
  );
}

import { isApiError, unclaimedFieldErrors } from '../lib/api-error.ts';
import { AlertIcon } from './icons.tsx';

interface FormErrorProps {
  error: unknown;
  /** Field paths the form shows under their inputs; any other field error is listed here. */
  claimed?: readonly string[];
}

/** The error's message at the top of a form. */
export function FormError({ error, claimed = [] }: FormErrorProps) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  const others = isApiError(error) ? unclaimedFieldErrors(error.fields, claimed) : [];
  return (
    <div
      role="alert"
      className="flex gap-2 rounded-md border border-down/30 bg-down-soft px-3 py-2 text-sm text-ink"
    >
      <AlertIcon className="mt-0.5 shrink-0 text-down" />
      <div>
        <p className="font-medium">{message}</p>
        {others.length > 0 && (
          <ul className="mt-1 list-disc pl-4 text-muted">
            {others.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

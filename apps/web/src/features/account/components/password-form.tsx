import { useId, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@homehub/contracts';
import { ApiError, isApiError } from '../../../lib/api-error.ts';
import { useChangePassword } from '../api/change-password.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { Panel } from '../../../ui/panel.tsx';

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;

export function PasswordForm() {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState<ApiError | null>(null);
  const change = useChangePassword();
  const error = mismatch ?? change.error;
  const fieldError = (path: string) => (isApiError(error) ? error.fieldError(path) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) {
      setMismatch(
        new ApiError(400, {
          code: 'validation_error',
          message: 'Some fields are not valid',
          fields: { repeat: 'does not match the new password' },
        }),
      );
      return;
    }
    setMismatch(null);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  }

  return (
    <Panel title="Password">
      <form noValidate onSubmit={submit} aria-label="Change password" className="space-y-4 p-4">
        <FormError error={error} claimed={FIELDS} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id={`${id}-current`}
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={fieldError('currentPassword')}
          />
          <TextField
            id={`${id}-new`}
            label="New password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            error={fieldError('newPassword')}
            hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          />
          <TextField
            id={`${id}-repeat`}
            label="Repeat new password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={fieldError('repeat')}
          />
        </div>
        <div className="flex flex-wrap items-center justify-end gap-3">
          {change.isSuccess && (
            <span role="status" className="text-sm text-up">
              Password changed; every other sign-in has ended.
            </span>
          )}
          <Button type="submit" variant="primary" disabled={!current || !next || change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { User } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { useUpdateMe } from '../api/update-me.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { Panel } from '../../../ui/panel.tsx';

export function ProfileForm({ me }: { me: User }) {
  const id = useId();
  const [name, setName] = useState(me.name);
  const [email, setEmail] = useState(me.email);
  const update = useUpdateMe();
  const fieldError = (path: string) =>
    isApiError(update.error) ? update.error.fieldError(path) : undefined;
  const changed = name.trim() !== me.name || email.trim().toLowerCase() !== me.email;

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ name: name.trim(), email: email.trim() });
  }

  return (
    <Panel title="Profile">
      <form noValidate onSubmit={submit} aria-label="Profile" className="space-y-4 p-4">
        <FormError error={update.error} claimed={['name', 'email']} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={`${id}-name`}
            label="Name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
          />
          <TextField
            id={`${id}-email`}
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError('email')}
          />
        </div>
        <div className="flex items-center justify-end gap-3">
          {update.isSuccess && !changed && (
            <span role="status" className="text-sm text-up">
              Saved
            </span>
          )}
          <Button type="submit" variant="primary" disabled={!changed || update.isPending}>
            {update.isPending ? 'Saving…' : 'Save profile'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

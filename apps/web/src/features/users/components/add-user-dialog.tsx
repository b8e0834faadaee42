import { useId, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type Role } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateUser } from '../api/users.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { RoleField } from '../../../ui/role-field.tsx';

const FIELDS = ['email', 'name', 'role', 'password'] as const;

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const create = useCreateUser();
  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldError(path) : undefined;

  function close() {
    create.reset();
    setEmail('');
    setName('');
    setRole('viewer');
    setPassword('');
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ email: email.trim(), name: name.trim(), role, password }, { onSuccess: close });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add a person"
      description="They sign in with this email and password, and can change the password themselves."
    >
      <form noValidate onSubmit={submit} aria-label="Add a person" className="space-y-4">
        <FormError error={create.error} claimed={FIELDS} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={`${id}-email`}
            label="Email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError('email')}
          />
          <TextField
            id={`${id}-name`}
            label="Name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
          />
          <RoleField id={`${id}-role`} value={role} onChange={setRole} error={fieldError('role')} />
          <TextField
            id={`${id}-password`}
            label="Password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError('password')}
            hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add person'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
import {
  ROLES,
  roleAtLeast,
  type ApiToken,
  type ApiTokenCreated,
  type Role,
  type User,
} from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDay, formatExact } from '../../../lib/format.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens.ts';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { CopyField } from '../../../ui/copy-field.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { RoleField } from '../../../ui/role-field.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { SegmentedControl } from '../../../ui/segmented-control.tsx';
import { RowsLoading } from '../../../ui/states.tsx';

const EXPIRIES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
] as const;

function CreateTokenForm({ me, onCreated }: { me: User; onCreated: (t: ApiTokenCreated) => void }) {
  const id = useId();
  const roles = ROLES.filter((role) => roleAtLeast(me.role, role));
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiry, setExpiry] = useState<(typeof EXPIRIES)[number]['value']>('90');
  const create = useCreateToken();
  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldError(path) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const expiresAt =
      expiry === 'never'
        ? undefined
        : new Date(Date.now() + Number(expiry) * 24 * 3600_000).toISOString();
    create.mutate(
      { name: name.trim(), role, ...(expiresAt ? { expiresAt } : {}) },
      { onSuccess: onCreated },
    );
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label="New token"
      className="space-y-3 border-b border-line bg-raised/40 p-4"
    >
      <FormError error={create.error} claimed={['name', 'role', 'expiresAt']} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <TextField
          id={`${id}-name`}
          label="Name"
          placeholder="Backup script"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError('name')}
        />
        <RoleField
          id={`${id}-role`}
          value={role}
          onChange={setRole}
          error={fieldError('role')}
          roles={roles}
        />
        <SelectField
          id={`${id}-expiry`}
          label="Expires"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value as typeof expiry)}
          error={fieldError('expiresAt')}
        >
          {EXPIRIES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" className="sm:mt-6" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </Button>
      </div>
    </form>
  );
}

function CreatedToken({ token, onDone }: { token: ApiTokenCreated; onDone: () => void }) {
  const id = useId();
  return (
    <div className="space-y-3 border-b border-line bg-up-soft/50 p-4" role="status">
      <p className="text-sm">
        <strong>Copy the token “{token.name}” now.</strong> The hub keeps only its hash and cannot
        show it again. Use it as <code className="font-mono text-xs">Authorization: Bearer …</code>
      </p>
      <CopyField
        id={`${id}-token`}
        label="Your new token"
        value={token.token}
        copyLabel="Copy token"
      />
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

function TokenRow({
  token,
  showOwner,
  onRevoke,
}: {
  token: ApiToken;
  showOwner: boolean;
  onRevoke: () => void;
}) {
  const expired = token.expiresAt !== null && new Date(token.expiresAt) < new Date();
  return (
    <tr className="border-b border-line last:border-0">
      <td className="px-4 py-2">
        <div className="font-medium">{token.name}</div>
        <div className="font-mono text-[11px] text-faint">{token.prefix}…</div>
      </td>
      {showOwner && <td className="px-2 py-2 text-muted">{token.userEmail}</td>}
      <td className="px-2 py-2">
        <span className="rounded border border-line bg-raised px-1.5 py-px text-[11px] font-medium uppercase tracking-wide text-muted">
          {token.role}
        </span>
      </td>
      <td className="hidden px-2 py-2 text-muted sm:table-cell">
        {token.lastUsedAt ? <RelativeTime at={token.lastUsedAt} /> : 'Never'}
      </td>
      <td className={`hidden px-2 py-2 sm:table-cell ${expired ? 'text-down' : 'text-muted'}`}>
        {token.expiresAt ? (
          <time dateTime={token.expiresAt} title={formatExact(new Date(token.expiresAt))}>
            {expired ? 'Expired ' : ''}
            {formatDay(new Date(token.expiresAt))}
          </time>
        ) : (
          'Never'
        )}
      </td>
      <td className="px-4 py-2 text-right">
        <Button variant="ghost" onClick={onRevoke} aria-label={`Revoke ${token.name}`}>
          Revoke
        </Button>
      </td>
    </tr>
  );
}

/** Personal access tokens for scripts and bots: made here, shown once, revoked here. */
export function TokensPanel({ me }: { me: User }) {
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const all = scope === 'all' && me.role === 'admin';
  const tokens = useTokens(all);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Panel
      title="Access tokens"
      {...(tokens.data ? { count: tokens.data.length } : {})}
      action={
        <div className="flex items-center gap-2">
          {me.role === 'admin' && (
            <SegmentedControl
              label="Whose tokens"
              value={scope}
              onChange={setScope}
              options={[
                { value: 'mine', label: 'Mine' },
                { value: 'all', label: 'Everyone’s' },
              ]}
            />
          )}
          {!creating && !created && (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon size={14} /> New token
            </Button>
          )}
        </div>
      }
    >
      {created ? (
        <CreatedToken token={created} onDone={() => setCreated(null)} />
      ) : (
        creating && (
          <CreateTokenForm
            me={me}
            onCreated={(token) => {
              setCreating(false);
              setCreated(token);
            }}
          />
        )
      )}
      {tokens.isPending ? (
        <RowsLoading label="Loading tokens" />
      ) : tokens.isError ? (
        <div className="p-4">
          <FormError error={tokens.error} />
        </div>
      ) : tokens.data.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted">
          No tokens yet. A token lets a script or a bot use the API as you, with a role you choose.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-line text-left text-[11px] uppercase tracking-wide text-faint">
                <th className="px-4 py-2 font-medium">Name</th>
                {all && <th className="px-2 py-2 font-medium">Owner</th>}
                <th className="px-2 py-2 font-medium">Role</th>
                <th className="hidden px-2 py-2 font-medium sm:table-cell">Last used</th>
                <th className="hidden px-2 py-2 font-medium sm:table-cell">Expires</th>
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  showOwner={all}
                  onRevoke={() => setRevoking(token)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke"
        pending={revoke.isPending}
        error={revoke.error}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() =>
          revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })
        }
      >
        Anything using “{revoking?.name}” stops working at once.
      </ConfirmDialog>
    </Panel>
  );
}

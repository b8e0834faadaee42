import { useState } from 'react';
import { ROLES, type Role, type User } from '@homehub/contracts';
import { useDeleteUser, useUpdateUser } from '../api/users.ts';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { inputClass } from '../../../ui/form-field.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';

function UserRow({ user, me, onDelete }: { user: User; me: User; onDelete: () => void }) {
  const update = useUpdateUser();
  const self = user.id === me.id;
  return (
    <tr className={`border-b border-line last:border-0 ${user.active ? '' : 'text-faint'}`}>
      <td className="px-4 py-2">
        <div className="font-medium">
          {user.name || user.email}
          {self && <span className="ml-1.5 text-xs font-normal text-faint">(you)</span>}
        </div>
        <div className="text-xs text-muted">{user.email}</div>
        {update.error !== null && (
          <div className="mt-1">
            <FormError error={update.error} />
          </div>
        )}
      </td>
      <td className="px-2 py-2">
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          // One's own role and account are changed by another admin: no locking oneself out.
          disabled={self || update.isPending}
          onChange={(e) => update.mutate({ id: user.id, role: e.target.value as Role })}
          className={`${inputClass} w-auto`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td className="hidden px-2 py-2 sm:table-cell">
        {user.active ? (
          <span className="text-up">Active</span>
        ) : (
          <span className="text-muted">Deactivated</span>
        )}
      </td>
      <td className="hidden px-2 py-2 text-muted md:table-cell">
        <RelativeTime at={user.createdAt} />
      </td>
      <td className="px-4 py-2">
        <div className="flex justify-end gap-1">
          <Button
            variant="ghost"
            disabled={self || update.isPending}
            onClick={() => update.mutate({ id: user.id, active: !user.active })}
          >
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Button>
          <Button
            variant="ghost"
            disabled={self}
            onClick={onDelete}
            aria-label={`Delete ${user.email}`}
          >
            Delete
          </Button>
        </div>
      </td>
    </tr>
  );
}

export function UsersTable({ users, me }: { users: User[]; me: User }) {
  const remove = useDeleteUser();
  const [deleting, setDeleting] = useState<User | null>(null);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line text-left text-[11px] uppercase tracking-wide text-faint">
            <th className="px-4 py-2 font-medium">Person</th>
            <th className="px-2 py-2 font-medium">Role</th>
            <th className="hidden px-2 py-2 font-medium sm:table-cell">Status</th>
            <th className="hidden px-2 py-2 font-medium md:table-cell">Added</th>
            <th className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} me={me} onDelete={() => setDeleting(user)} />
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this account?"
        confirmLabel="Delete account"
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })
        }
      >
        {deleting?.email} can no longer sign in, and their tokens stop working. Deactivating keeps
        the account for later instead.
      </ConfirmDialog>
    </div>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { ROLES, type User } from '@homehub/contracts';
import { useMe } from '../../lib/current-user.ts';
import { Button, buttonClass } from '../../ui/button.tsx';
import { LockIcon, PlusIcon } from '../../ui/icons.tsx';
import { Panel } from '../../ui/panel.tsx';
import { ROLE_HINT } from '../../ui/role-field.tsx';
import { EmptyState, ErrorState, RowsLoading, Skeleton } from '../../ui/states.tsx';
import { useUsers } from './api/users.ts';
import { AddUserDialog } from './components/add-user-dialog.tsx';
import { AuditLog } from './components/audit-log.tsx';
import { UsersTable } from './components/users-table.tsx';

function People({ me }: { me: User }) {
  const users = useUsers(true);
  const [adding, setAdding] = useState(false);
  return (
    <Panel
      title="Accounts"
      {...(users.data ? { count: users.data.length } : {})}
      action={
        <Button onClick={() => setAdding(true)}>
          <PlusIcon size={14} /> Add person
        </Button>
      }
    >
      {users.isPending ? (
        <RowsLoading label="Loading people" rowClass="h-10" />
      ) : users.isError ? (
        <div className="p-4">
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        </div>
      ) : (
        <UsersTable users={users.data} me={me} />
      )}
      <AddUserDialog open={adding} onClose={() => setAdding(false)} />
    </Panel>
  );
}

/** Admins manage who may sign in and what each person may do. */
export function UsersPage() {
  const me = useMe();
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">People</h1>
        <dl className="mt-1 grid gap-x-4 gap-y-0.5 text-sm text-muted sm:grid-cols-[auto_1fr]">
          {ROLES.map((role) => (
            <div key={role} className="contents">
              <dt className="font-medium text-ink">{role}</dt>
              <dd>{ROLE_HINT[role]}</dd>
            </div>
          ))}
        </dl>
      </div>
      {me.isPending ? (
        <Skeleton className="h-48" />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data.role === 'admin' ? (
        <>
          <People me={me.data} />
          <AuditLog />
        </>
      ) : (
        <EmptyState
          icon={<LockIcon size={20} />}
          title="Only admins manage people"
          action={
            <Link to="/" className={buttonClass('secondary')}>
              Back to the overview
            </Link>
          }
        >
          Ask an admin to add someone or change a role.
        </EmptyState>
      )}
    </div>
  );
}

import { Fragment, useState, type ReactNode } from 'react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { ErrorState, RowsLoading } from '../../../ui/states.tsx';

/** One row of a settings list: what it is on the left, its buttons on the right. */
export function ItemRow({
  title,
  children,
  actions,
}: {
  title: ReactNode;
  /** Detail lines under the title. */
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3">
      <div className="min-w-0 flex-1 basis-56">
        <p className="text-sm font-medium break-words">{title}</p>
        {children}
      </div>
      {actions && <div className="-mr-2 flex flex-wrap items-center gap-1">{actions}</div>}
    </li>
  );
}

/** A quiet word after a row's title: "disabled", "active". */
export function RowBadge({
  tone = 'quiet',
  children,
}: {
  tone?: 'quiet' | 'maintenance';
  children: ReactNode;
}) {
  return tone === 'maintenance' ? (
    <span className="ml-2 rounded bg-maintenance-soft px-1.5 py-0.5 text-xs font-medium text-maintenance">
      {children}
    </span>
  ) : (
    <span className="ml-2 text-xs font-normal text-faint">{children}</span>
  );
}

/** Edit and Delete, named after the row for screen readers. */
export function EditDeleteButtons({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <>
      <Button variant="ghost" aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </Button>
      <Button variant="ghost" aria-label={`Delete ${name}`} onClick={onDelete}>
        Delete
      </Button>
    </>
  );
}

/** Which item a dialog edits: none open, a new one (null), or the given one. */
type Editing<T> = T | null | undefined;

interface ItemListPanelProps<T extends { id: number; name: string }> {
  title: string;
  /** "channel", "rule": for buttons and dialog titles. */
  noun: string;
  query: UseQueryResult<T[]>;
  canEdit: boolean;
  empty: ReactNode;
  /** The row's detail lines. */
  describe: (item: T) => ReactNode;
  /** More buttons before Edit and Delete. */
  extraActions?: (item: T) => ReactNode;
  form: (item: T | null, close: () => void) => ReactNode;
  remove: UseMutationResult<unknown, Error, number>;
  /** What deleting one means, in the confirmation. */
  deleteNote: ReactNode;
}

/** A panel listing things that admins add, edit and delete (channels, rules). */
export function ItemListPanel<T extends { id: number; name: string; enabled?: boolean }>({
  title,
  noun,
  query,
  canEdit,
  empty,
  describe,
  extraActions,
  form,
  remove,
  deleteNote,
}: ItemListPanelProps<T>) {
  const [editing, setEditing] = useState<Editing<T>>(undefined);
  const [deleting, setDeleting] = useState<T | null>(null);
  const close = () => setEditing(undefined);
  return (
    <Panel
      title={title}
      {...(query.data ? { count: query.data.length } : {})}
      action={
        canEdit && (
          <Button onClick={() => setEditing(null)}>
            <PlusIcon size={14} /> Add {noun}
          </Button>
        )
      }
    >
      {query.isPending ? (
        <RowsLoading label={`Loading ${title.toLowerCase()}`} />
      ) : query.isError ? (
        <div className="p-4">
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : query.data.length === 0 ? (
        <p className="px-4 py-6 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-line">
          {query.data.map((item) => (
            <ItemRow
              key={item.id}
              title={
                <>
                  {item.name}
                  {item.enabled === false && <RowBadge>disabled</RowBadge>}
                </>
              }
              actions={
                canEdit && (
                  <>
                    {extraActions?.(item)}
                    <EditDeleteButtons
                      name={item.name}
                      onEdit={() => setEditing(item)}
                      onDelete={() => setDeleting(item)}
                    />
                  </>
                )
              }
            >
              {describe(item)}
            </ItemRow>
          ))}
        </ul>
      )}
      <Dialog
        open={editing !== undefined}
        onClose={close}
        title={editing ? `Edit ${editing.name}` : `Add a ${noun}`}
      >
        {editing !== undefined && (
          <Fragment key={editing?.id ?? 'new'}>{form(editing, close)}</Fragment>
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? noun}?`}
        confirmLabel={`Delete ${noun}`}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })
        }
      >
        {deleteNote}
      </ConfirmDialog>
    </Panel>
  );
}

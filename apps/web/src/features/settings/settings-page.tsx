import { Link } from 'react-router';
import { useMe } from '../../lib/current-user.ts';
import { buttonClass } from '../../ui/button.tsx';
import { LockIcon } from '../../ui/icons.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.tsx';
import { useSettings } from './api/get-settings.ts';
import { SettingsForm } from './components/settings-form.tsx';

function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-4">
      <Skeleton className="h-72" />
      <Skeleton className="h-36" />
    </div>
  );
}

function AdminsOnly() {
  return (
    <EmptyState
      icon={<LockIcon size={20} />}
      title="Only admins can change settings"
      action={
        <Link to="/" className={buttonClass('secondary')}>
          Back to the overview
        </Link>
      }
    >
      Retention and flapping apply to the whole hub, so they are kept for its admins. Ask one if
      something here should change.
    </EmptyState>
  );
}

function AdminSettings() {
  const settings = useSettings(true);
  if (settings.isPending) return <Loading label="Loading settings" />;
  if (settings.isError)
    return (
      <ErrorState
        title="Could not load the settings"
        error={settings.error}
        onRetry={() => void settings.refetch()}
      />
    );
  return <SettingsForm settings={settings.data} />;
}

/** The hub's own settings; admins only (the API refuses others, so they are not asked). */
export function SettingsPage() {
  const me = useMe();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-0.5 text-sm text-muted">
          How long the hub keeps history, and when a check counts as flapping.
        </p>
      </div>
      {me.isPending ? (
        <Loading label="Loading" />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data.role === 'admin' ? (
        <AdminSettings />
      ) : (
        <AdminsOnly />
      )}
    </div>
  );
}

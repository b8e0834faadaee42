import { useMe } from '../../lib/current-user.ts';
import { ErrorState, Skeleton } from '../../ui/states.tsx';
import { PasswordForm } from './components/password-form.tsx';
import { ProfileForm } from './components/profile-form.tsx';
import { TokensPanel } from './components/tokens-panel.tsx';

/** One's own account: name and email, password, and personal access tokens. */
export function ProfilePage() {
  const me = useMe();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-0.5 text-sm text-muted">
          {me.data
            ? `Signed in as ${me.data.email}, ${me.data.role}.`
            : 'Your profile, password and tokens.'}
        </p>
      </div>
      {me.isPending ? (
        <div role="status" aria-label="Loading" className="space-y-4">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <>
          <ProfileForm key={`${me.data.name}|${me.data.email}`} me={me.data} />
          <PasswordForm />
          <TokensPanel me={me.data} />
        </>
      )}
    </div>
  );
}

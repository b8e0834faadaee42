import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../lib/api-error.ts';
import { useSetupStatus } from './api/get-setup-status.ts';
import { useLogin } from './api/login.ts';
import { useSignedIn } from '../../lib/use-session.ts';
import { AuthCard } from '../../ui/auth-card.tsx';
import { Button } from '../../ui/button.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { TextField } from '../../ui/form-field.tsx';

const FIELDS = ['email', 'password'] as const;

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')
    ? from
    : '/';
}

export function LoginPage() {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const setup = useSetupStatus();
  const signIn = useLogin({
    onSuccess: () => {
      void navigate(returnPath(location.state), { replace: true });
    },
  });
  const fieldError = (path: string) =>
    isApiError(signIn.error) ? signIn.error.fieldError(path) : undefined;

  useEffect(() => {
    document.title = 'Sign in · Home Hub Monitor';
  }, []);

  if (signedIn && !signIn.isSuccess) return <Navigate to={returnPath(location.state)} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  }

  return (
    <AuthCard title="Sign in" subtitle="Watch your services and find out first when one breaks.">
      {setup.data?.needed && (
        <p className="mb-4 rounded-md border border-maintenance/30 bg-maintenance-soft px-3 py-2 text-sm">
          This hub has no admin yet. Open the <strong>setup link</strong> printed in the server log
          when it started (<code className="font-mono text-xs">/setup?token=…</code>).
        </p>
      )}
      <form noValidate onSubmit={submit} aria-label="Sign in" className="space-y-4">
        <FormError error={signIn.error} claimed={FIELDS} />
        <TextField
          id={`${id}-email`}
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError('email')}
        />
        <TextField
          id={`${id}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError('password')}
        />
        <Button type="submit" variant="primary" className="w-full" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {setup.data?.needed && (
        <p className="mt-4 text-center text-xs text-muted">
          Have the setup token?{' '}
          <Link to="/setup" className="text-accent underline-offset-2 hover:underline">
            Create the admin
          </Link>
        </p>
      )}
    </AuthCard>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@homehub/contracts';
import { isApiError } from '../../lib/api-error.ts';
import { useCompleteSetup } from './api/complete-setup.ts';
import { useSetupStatus } from './api/get-setup-status.ts';
import { AuthCard } from '../../ui/auth-card.tsx';
import { Button } from '../../ui/button.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { TextField } from '../../ui/form-field.tsx';
import { ErrorState, Skeleton } from '../../ui/states.tsx';

const FIELDS = ['token', 'name', 'email', 'password'] as const;

/** First run: the one-time token from the server log creates the first admin, who is then signed in. */
export function SetupPage() {
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const linkToken = params.get('token') ?? '';
  const [token, setToken] = useState(linkToken);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const status = useSetupStatus();
  const setup = useCompleteSetup({
    onSuccess: () => {
      void navigate('/', { replace: true });
    },
  });
  const fieldError = (path: string) =>
    isApiError(setup.error) ? setup.error.fieldError(path) : undefined;

  useEffect(() => {
    document.title = 'Set up · Home Hub Monitor';
  }, []);

  if (status.data && !status.data.needed && !setup.isSuccess)
    return <Navigate to="/login" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setup.mutate({ token: token.trim(), name, email: email.trim(), password });
  }

  return (
    <AuthCard
      title="Welcome to your hub"
      subtitle="Create the first admin account. You can invite others later."
    >
      {status.isPending ? (
        <div className="space-y-3" aria-label="Loading">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <form noValidate onSubmit={submit} aria-label="Create admin" className="space-y-4">
          <FormError error={setup.error} claimed={linkToken ? FIELDS.slice(1) : FIELDS} />
          {!linkToken && (
            <TextField
              id={`${id}-token`}
              label="Setup token"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              hint="Printed in the server log at start, as /setup?token=…"
              autoComplete="off"
              spellCheck={false}
              error={fieldError('token')}
            />
          )}
          <TextField
            id={`${id}-name`}
            label="Name"
            autoComplete="name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
          />
          <TextField
            id={`${id}-email`}
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError('email')}
          />
          <TextField
            id={`${id}-password`}
            label="Password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            error={fieldError('password')}
          />
          <Button type="submit" variant="primary" className="w-full" disabled={setup.isPending}>
            {setup.isPending ? 'Creating…' : 'Create admin and sign in'}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}

import { Navigate, Outlet, useLocation } from 'react-router';
import { useSignedIn } from '../lib/use-session.ts';

/** Routes under this need a session; without one (or when it expires) they go to /login. */
export function RequireAuth() {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

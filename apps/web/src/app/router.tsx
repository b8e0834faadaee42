import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page.tsx';
import { SetupPage } from '../features/auth/setup-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { OverviewRoute } from './overview-route.tsx';
import { RequireAuth } from './require-auth.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <OverviewRoute /> },
          {
            path: 'services/:id',
            // The service page carries uPlot; the overview loads without it.
            lazy: () => import('./service-route.tsx').then((m) => ({ Component: m.ServiceRoute })),
          },
          {
            path: 'settings',
            lazy: () =>
              import('./settings-route.tsx').then((m) => ({ Component: m.SettingsRoute })),
          },
          {
            path: 'containers',
            lazy: () =>
              import('./containers-route.tsx').then((m) => ({ Component: m.ContainersRoute })),
          },
          {
            path: 'alerts',
            lazy: () => import('./alerts-route.tsx').then((m) => ({ Component: m.AlertsRoute })),
          },
          {
            path: 'profile',
            lazy: () => import('./profile-route.tsx').then((m) => ({ Component: m.ProfileRoute })),
          },
          {
            path: 'users',
            lazy: () => import('./users-route.tsx').then((m) => ({ Component: m.UsersRoute })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

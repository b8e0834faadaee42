import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../pages/login-page.tsx';
import { SetupPage } from '../pages/setup-page.tsx';
import { OverviewPage } from '../pages/overview-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { AppLayout } from './app-layout.tsx';
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
          { index: true, element: <OverviewPage /> },
          {
            path: 'services/:id',
            // The service page carries uPlot; the overview loads without it.
            lazy: () =>
              import('../pages/service-page.tsx').then((m) => ({ Component: m.ServicePage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

import { UsersPage } from '../features/users/users-page.tsx';
import { useServices } from '../features/services/api/get-services.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function UsersRoute() {
  usePageTitle('People', useServices().data);
  return <UsersPage />;
}

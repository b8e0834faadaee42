import { ProfilePage } from '../features/account/profile-page.tsx';
import { useServices } from '../features/services/api/get-services.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function ProfileRoute() {
  usePageTitle('Your account', useServices().data);
  return <ProfilePage />;
}

import { ContainersPage } from '../features/containers/containers-page.tsx';
import { useServices } from '../features/services/api/get-services.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function ContainersRoute() {
  usePageTitle('Containers', useServices().data);
  return <ContainersPage />;
}

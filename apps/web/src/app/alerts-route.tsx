import { AlertsPage } from '../features/alerts/alerts-page.tsx';
import { useServices } from '../features/services/api/get-services.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Alerts, with the tab title still telling how many services are down. */
export function AlertsRoute() {
  usePageTitle('Alerts', useServices().data);
  return <AlertsPage />;
}

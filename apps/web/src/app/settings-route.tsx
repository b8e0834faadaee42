import { SettingsPage } from '../features/settings/settings-page.tsx';
import { useServices } from '../features/services/api/get-services.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Settings, with the tab title still telling how many services are down. */
export function SettingsRoute() {
  usePageTitle('Settings', useServices().data);
  return <SettingsPage />;
}

import { CheckForm } from '../features/checks/components/check-form.tsx';
import { OverviewPage } from '../features/services/overview-page.tsx';

/** The overview, with the checks feature's form for the add-service dialog's second step. */
export function OverviewRoute() {
  return <OverviewPage CheckForm={CheckForm} />;
}

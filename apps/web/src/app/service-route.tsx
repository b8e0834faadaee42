import { CheckList } from '../features/checks/components/check-list.tsx';
import { ContainerPanel } from '../features/containers/components/container-panel.tsx';
import { LatencyPanel } from '../features/checks/components/latency-panel.tsx';
import { ResultLog } from '../features/checks/components/result-log.tsx';
import { EventsTimeline } from '../features/events/components/events-timeline.tsx';
import { ServicePage, type ServicePanels } from '../features/services/service-page.tsx';

const PANELS: ServicePanels = {
  LatencyPanel,
  ResultLog,
  CheckList,
  EventsTimeline,
  ContainerPanel,
};

/** A service's page with its checks and timeline; loaded lazily because it carries uPlot. */
export function ServiceRoute() {
  return <ServicePage panels={PANELS} />;
}

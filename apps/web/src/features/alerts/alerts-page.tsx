import { useCanOperate, useIsAdmin } from '../../lib/current-user.ts';
import { AlertList } from './components/alert-list.tsx';
import { ChannelsPanel } from './components/channels-panel.tsx';
import { MutesPanel } from './components/mutes-panel.tsx';
import { RulesPanel } from './components/rules-panel.tsx';

/** Alerts: what fires now, what fired, and where and when messages go. */
export function AlertsPage() {
  const operator = useCanOperate();
  const admin = useIsAdmin();
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold tracking-tight">Alerts</h1>
      <AlertList canAck={operator} />
      <div className="grid gap-5 lg:grid-cols-2">
        <ChannelsPanel admin={admin} />
        <RulesPanel admin={admin} />
      </div>
      <MutesPanel operator={operator} admin={admin} />
    </div>
  );
}

import { useState } from 'react';
import type { Service } from '@homehub/contracts';
import { Button } from '../../../ui/button.tsx';
import { CheckForm } from './check-form.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { CheckItem } from './check-item.tsx';
import { Panel } from '../../../ui/panel.tsx';

export function CheckList({ service, canOperate }: { service: Service; canOperate: boolean }) {
  // Until someone opens or closes the form, it shows itself only while there is no check.
  const [open, setOpen] = useState<boolean | null>(null);
  const adding = open ?? service.checks.length === 0;
  const setAdding = (value: boolean) => setOpen(value);
  return (
    <Panel
      title="Checks"
      count={service.checks.length}
      action={
        canOperate &&
        !adding && (
          <Button onClick={() => setAdding(true)}>
            <PlusIcon size={14} /> Add check
          </Button>
        )
      }
    >
      {service.checks.length > 0 && (
        <ul role="list" className="m-0 list-none divide-y divide-line p-0">
          {service.checks.map((check) => (
            <CheckItem key={check.id} check={check} canOperate={canOperate} />
          ))}
        </ul>
      )}
      {service.checks.length === 0 && !adding && (
        <p className="px-4 py-6 text-sm text-muted">
          No checks yet: until one runs, this service stays pending.
        </p>
      )}
      {adding && canOperate && (
        <div className="border-t border-line bg-raised/40 px-4 py-4 first:border-t-0">
          <h3 className="mb-3 text-sm font-semibold">Add check</h3>
          <CheckForm
            serviceId={service.id}
            onCreated={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
    </Panel>
  );
}

import { useState, type ComponentType } from 'react';
import { useNavigate } from 'react-router';
import type { Service } from '@homehub/contracts';
import { Dialog } from '../../../ui/dialog.tsx';
import { ServiceForm } from './service-form.tsx';

/** The second step's form belongs to the checks feature; app/ passes it in so features stay apart. */
export type CheckFormComponent = ComponentType<{
  serviceId: number;
  onCreated: () => void;
  onCancel: () => void;
  cancelLabel: string;
}>;

interface AddServiceDialogProps {
  open: boolean;
  onClose: () => void;
  CheckForm: CheckFormComponent;
}

/** Two steps in one flow: name the service, then say how to check it. Either way it ends on its page. */
export function AddServiceDialog({ open, onClose, CheckForm }: AddServiceDialogProps) {
  const navigate = useNavigate();
  const [service, setService] = useState<Service | null>(null);

  function finish() {
    const created = service;
    setService(null);
    onClose();
    if (created) void navigate(`/services/${created.id}`);
  }

  function close() {
    if (service) return finish();
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={service ? `Add a check to ${service.name}` : 'Add service'}
      description={
        service ? (
          <>
            <span className="font-medium text-up">Service created.</span> A check is how the hub
            tells whether it is up.
          </>
        ) : (
          'Step 1 of 2 · A service is anything you care about: a website, an app, a device.'
        )
      }
    >
      {service ? (
        <CheckForm
          serviceId={service.id}
          onCreated={finish}
          onCancel={finish}
          cancelLabel="Skip for now"
        />
      ) : (
        <ServiceForm onSaved={setService} onCancel={onClose} />
      )}
    </Dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { Service } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateService } from '../api/create-service.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { TextAreaField, TextField } from '../../../ui/form-field.tsx';

interface ServiceFormProps {
  onCreated: (service: Service) => void;
  onCancel?: () => void;
}

const FIELDS = ['name', 'description'] as const;

export function ServiceForm({ onCreated, onCancel }: ServiceFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useCreateService();
  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldError(path) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, description }, { onSuccess: onCreated });
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Add service" className="space-y-4">
      <FormError error={create.error} claimed={FIELDS} />
      <TextField
        id={`${id}-name`}
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Nextcloud, Home Assistant, router…"
        autoComplete="off"
        autoFocus
        error={fieldError('name')}
      />
      <TextAreaField
        id={`${id}-description`}
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        placeholder="Optional: what it is, where it runs"
        error={fieldError('description')}
      />
      <div className="flex justify-end gap-2 pt-1">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create service'}
        </Button>
      </div>
    </form>
  );
}

import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Service } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateService } from '../api/create-service.ts';
import { useServices } from '../api/get-services.ts';
import { useUpdateService } from '../api/update-service.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { TextAreaField, TextField } from '../../../ui/form-field.tsx';
import { TagInput } from '../../../ui/tag-input.tsx';
import { knownLabels } from '../../../lib/known-labels.ts';

interface ServiceFormProps {
  /** Given: the form edits it. Otherwise it creates one. */
  service?: Service;
  onSaved: (service: Service) => void;
  onCancel?: () => void;
}

const FIELDS = ['name', 'description', 'group', 'tags'] as const;
const CREATE_LABELS = ['Create service', 'Creating…'] as const;
const SAVE_LABELS = ['Save', 'Saving…'] as const;

export function ServiceForm({ service, onSaved, onCancel }: ServiceFormProps) {
  const id = useId();
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [group, setGroup] = useState(service?.group ?? '');
  const [tags, setTags] = useState<string[]>(service?.tags ?? []);
  const services = useServices();
  const known = useMemo(() => knownLabels(services.data ?? []), [services.data]);
  const create = useCreateService();
  const update = useUpdateService(service?.id ?? 0);
  const save = service ? update : create;
  const fieldError = (path: string) =>
    isApiError(save.error) ? save.error.fieldError(path) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name, description, group: group.trim() || null, tags };
    if (service) update.mutate(body, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={service ? 'Edit service' : 'Add service'}
      className="space-y-4"
    >
      <FormError error={save.error} claimed={FIELDS} />
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
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-group`}
          label="Group"
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          list={`${id}-groups`}
          placeholder="Media, Network…"
          autoComplete="off"
          hint="The overview lists it under this heading"
          error={fieldError('group')}
        />
        <datalist id={`${id}-groups`}>
          {known.groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <TagInput
          id={`${id}-tags`}
          label="Tags"
          value={tags}
          onChange={setTags}
          suggestions={known.tags}
          normalize={(text) => text.trim().toLowerCase()}
          placeholder="critical, nas…"
          hint="Rules and silences can pick services by tag"
          error={fieldError('tags')}
        />
      </div>
      <div className="flex justify-end gap-2 pt-1">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {(service ? SAVE_LABELS : CREATE_LABELS)[save.isPending ? 1 : 0]}
        </Button>
      </div>
    </form>
  );
}

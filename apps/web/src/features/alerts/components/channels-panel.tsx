import { useState, type FormEvent } from 'react';
import { CHANNEL_TYPES, type Channel, type ChannelType } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import {
  useChannels,
  useCreateChannel,
  useDeleteChannel,
  useSendTest,
  useUpdateChannel,
} from '../api/channels.ts';
import {
  ChannelFields,
  channelFieldsOf,
  channelTitleOf,
  initialChannelValues,
  toChannelConfig,
  type ChannelValues,
} from './channel-fields.tsx';
import { FormFooter } from './form-footer.tsx';
import { ItemListPanel } from './item-list.tsx';

function ChannelDialog({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const [type, setType] = useState<ChannelType>(channel?.type ?? 'webhook');
  const [name, setName] = useState(channel?.name ?? '');
  const [maxPerHour, setMaxPerHour] = useState(String(channel?.maxPerHour ?? 60));
  const [values, setValues] = useState<ChannelValues>(() =>
    initialChannelValues(type, channel?.config),
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const mutation = channel ? update : create;
  const apiFields = isApiError(mutation.error) ? mutation.error.fields : {};
  const errorOf = (path: string) => localErrors[path] ?? apiFields[path];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { config, errors } = toChannelConfig(type, values, channel !== null);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const common = { name, maxPerHour: Number(maxPerHour) };
    const done = { onSuccess: onClose };
    if (channel) update.mutate({ id: channel.id, ...common, type, config }, done);
    else create.mutate({ ...common, type, config } as Parameters<typeof create.mutate>[0], done);
  };

  const claimed = ['name', 'maxPerHour', ...channelFieldsOf(type).map((f) => `config.${f.key}`)];
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError error={mutation.error} claimed={claimed} />
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">
        <TextField
          id="channel-name"
          label="Name"
          className="col-span-2"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errorOf('name')}
          required
        />
        <SelectField
          id="channel-type"
          label="Type"
          value={type}
          disabled={channel !== null}
          onChange={(e) => {
            const next = e.target.value as ChannelType;
            setType(next);
            setValues(initialChannelValues(next));
          }}
        >
          {CHANNEL_TYPES.map((t) => (
            <option key={t} value={t}>
              {channelTitleOf(t)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="channel-max"
          label="Messages per hour"
          hint="0: no limit. Recoveries always go."
          type="number"
          min={0}
          value={maxPerHour}
          onChange={(e) => setMaxPerHour(e.target.value)}
          error={errorOf('maxPerHour')}
        />
      </div>
      <ChannelFields
        type={type}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        errorOf={errorOf}
        storedSecrets={channel?.secretsSet ?? []}
      />
      <FormFooter
        onCancel={onClose}
        pending={mutation.isPending}
        label={channel ? 'Save channel' : 'Add channel'}
      />
    </form>
  );
}

/** "Send test" and what the receiver said, beside the channel. */
function TestButton({ channel }: { channel: Channel }) {
  const test = useSendTest();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {test.data && (
        <span
          role="status"
          className={`text-xs ${test.data.ok ? 'text-up' : 'text-down'}`}
          title={test.data.error ?? undefined}
        >
          {test.data.ok
            ? `✓ Delivered in ${test.data.durationMs} ms`
            : `✗ ${test.data.error ?? 'Failed'}`}
        </span>
      )}
      {test.error && (
        <span role="status" className="text-xs text-down">
          ✗ {test.error.message}
        </span>
      )}
      <Button onClick={() => test.mutate(channel.id)} disabled={test.isPending}>
        {test.isPending ? 'Sending…' : 'Send test'}
      </Button>
    </div>
  );
}

/** Where notifications go; admins add, edit and test them. */
export function ChannelsPanel({ admin }: { admin: boolean }) {
  const channels = useChannels();
  const remove = useDeleteChannel();
  return (
    <ItemListPanel
      title="Channels"
      noun="channel"
      query={channels}
      canEdit={admin}
      empty={`No channel yet. ${admin ? 'Add one, then a rule that sends to it.' : ''}`}
      describe={(channel) => (
        <p className="text-xs text-muted">
          {channelTitleOf(channel.type)}
          {channel.maxPerHour > 0 ? ` · at most ${channel.maxPerHour} an hour` : ''}
        </p>
      )}
      extraActions={(channel) => <TestButton channel={channel} />}
      form={(channel, close) => <ChannelDialog channel={channel} onClose={close} />}
      remove={remove}
      deleteNote="Rules that send to it will no longer reach it."
    />
  );
}

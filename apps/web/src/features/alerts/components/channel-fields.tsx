import { z } from 'zod';
import { CHANNEL_CONFIGS, type ChannelType } from '@homehub/contracts';
import type { FieldErrors } from '../../../lib/api-error.ts';
import { TextAreaField, TextField } from '../../../ui/form-field.tsx';

/** A channel config field as the form shows it, read from the type's schema and `.meta()`. */
interface ChannelField {
  key: string;
  title: string;
  description: string | undefined;
  example: string | undefined;
  secret: boolean;
  defaultValue: unknown;
  kind: 'text' | 'url' | 'number' | 'boolean' | 'list' | 'map';
}

const cache = new Map<ChannelType, ChannelField[]>();

function kindOf(schema: z.core.$ZodType): ChannelField['kind'] {
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodArray) return 'list';
  if (schema instanceof z.ZodRecord) return 'map';
  return schema instanceof z.ZodURL ? 'url' : 'text';
}

export function channelFieldsOf(type: ChannelType): ChannelField[] {
  let fields = cache.get(type);
  if (!fields) {
    const shape: Record<string, z.ZodType> = CHANNEL_CONFIGS[type].shape;
    fields = Object.entries(shape).map(([key, field]) => {
      const hasDefault = field instanceof z.ZodDefault;
      const inner = hasDefault ? field.unwrap() : field;
      const meta = field.meta() ?? z.globalRegistry.get(inner) ?? {};
      const examples = meta.examples;
      return {
        key,
        title: meta.title ?? key,
        description: meta.description,
        example: Array.isArray(examples) ? String(examples[0] as string) : undefined,
        secret: meta.secret === true,
        defaultValue: hasDefault ? field.def.defaultValue : undefined,
        kind: kindOf(inner),
      };
    });
    cache.set(type, fields);
  }
  return fields;
}

export const channelTitleOf = (type: ChannelType) => CHANNEL_CONFIGS[type].meta()?.title ?? type;

export type ChannelValues = Record<string, string | boolean>;

function toText(field: ChannelField, value: unknown): string | boolean {
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'list') return Array.isArray(value) ? value.map(String).join('\n') : '';
  if (field.kind === 'map') {
    return typeof value === 'object' && value !== null
      ? Object.entries(value)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('\n')
      : '';
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Defaults, or a stored config; secrets never come back, so they start empty. */
export function initialChannelValues(
  type: ChannelType,
  stored?: Record<string, unknown>,
): ChannelValues {
  return Object.fromEntries(
    channelFieldsOf(type).map((field) => [
      field.key,
      toText(field, stored && field.key in stored ? stored[field.key] : field.defaultValue),
    ]),
  );
}

/**
 * The form's text as the API takes it. Editing, an empty secret is left out: the hub keeps
 * what it has.
 */
export function toChannelConfig(
  type: ChannelType,
  values: ChannelValues,
  keepSecrets: boolean,
): { config: Record<string, unknown>; errors: FieldErrors } {
  const config: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of channelFieldsOf(type)) {
    const value = values[field.key];
    if (field.kind === 'boolean') {
      config[field.key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    if (field.secret && keepSecrets && text === '') continue;
    if (field.kind === 'number') {
      if (text.trim() !== '') config[field.key] = Number(text);
    } else if (field.kind === 'list') {
      config[field.key] = text.split(/[\s,]+/).filter(Boolean);
    } else if (field.kind === 'map') {
      const map: Record<string, string> = {};
      for (const line of text.split(/\r?\n/).filter((l) => l.trim())) {
        const colon = line.indexOf(':');
        if (colon <= 0) errors[`config.${field.key}`] = 'Use "Name: value", one per line';
        else map[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      config[field.key] = map;
    } else if (text !== '' || field.defaultValue === undefined) {
      config[field.key] = text;
    }
  }
  return { config, errors };
}

interface Props {
  type: ChannelType;
  values: ChannelValues;
  onChange: (key: string, value: string | boolean) => void;
  errorOf: (path: string) => string | undefined;
  /** Editing: these secrets hold a value; left empty, they keep it. */
  storedSecrets: readonly string[];
}

/** The inputs of one channel type's config, generated from its schema. */
export function ChannelFields({ type, values, onChange, errorOf, storedSecrets }: Props) {
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-4">
      {channelFieldsOf(type).map((field) => {
        const id = `channel-${field.key}`;
        const error = errorOf(`config.${field.key}`);
        const value = values[field.key];
        const text = typeof value === 'string' ? value : '';
        const onText = (event: { target: { value: string } }) =>
          onChange(field.key, event.target.value);
        if (field.kind === 'boolean') {
          return (
            <label
              key={field.key}
              className="col-span-2 flex min-h-10 items-center gap-2.5 text-[13px] font-medium sm:min-h-9"
            >
              <input
                id={id}
                type="checkbox"
                checked={value === true}
                onChange={(event) => onChange(field.key, event.target.checked)}
                className="size-4 accent-accent"
              />
              <span>
                {field.title}
                {field.description && (
                  <span className="block text-xs font-normal text-muted">{field.description}</span>
                )}
              </span>
            </label>
          );
        }
        if (field.kind === 'list' || field.kind === 'map') {
          return (
            <TextAreaField
              key={field.key}
              id={id}
              label={field.title}
              hint={field.description}
              error={error}
              className="col-span-2"
              rows={2}
              value={text}
              onChange={onText}
              placeholder={
                field.secret && storedSecrets.includes(field.key)
                  ? 'stored; leave empty to keep'
                  : (field.example ?? (field.kind === 'map' ? 'Name: value' : undefined))
              }
              spellCheck={false}
            />
          );
        }
        const stored = field.secret && storedSecrets.includes(field.key);
        return (
          <TextField
            key={field.key}
            id={id}
            label={field.title}
            hint={field.description}
            error={error}
            className={field.kind === 'number' ? 'col-span-1' : 'col-span-2'}
            type={field.secret ? 'password' : field.kind === 'number' ? 'number' : 'text'}
            inputMode={
              field.kind === 'url' ? 'url' : field.kind === 'number' ? 'numeric' : undefined
            }
            value={text}
            onChange={onText}
            placeholder={stored ? 'stored; leave empty to keep' : field.example}
            autoComplete={field.secret ? 'new-password' : 'off'}
            spellCheck={false}
          />
        );
      })}
    </div>
  );
}

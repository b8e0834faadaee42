import { useState } from 'react';
import { z } from 'zod';
import { CHECK_CONFIGS, type CheckType } from '@homehub/contracts';
import type { FieldErrors } from '../../../lib/api-error.ts';
import { FieldError } from '../../../ui/field-error.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/form-field.tsx';
import { ChevronDownIcon } from '../../../ui/icons.tsx';

/** What the form holds for one config field: text for inputs, a flag for checkboxes. */
export type ConfigValue = string | boolean;
export type ConfigValues = Record<string, ConfigValue>;

type Control =
  | { kind: 'text'; secret: boolean; url: boolean; multiline: boolean }
  | { kind: 'number'; integer: boolean; min: number | undefined; max: number | undefined }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'boolean' }
  /** An array of strings, typed comma-separated: expectedStatus. */
  | { kind: 'list' }
  /** A record of strings, typed "Name: value" one per line: headers. */
  | { kind: 'map' };

export interface ConfigField {
  key: string;
  title: string;
  description: string | undefined;
  example: string | undefined;
  secret: boolean;
  /** Shown only while each named sibling holds the given value, e.g. { auth: 'basic' }. */
  showIf: Readonly<Record<string, string>> | undefined;
  hasDefault: boolean;
  defaultValue: unknown;
  /** Tucked under "Advanced" so the everyday form stays short. */
  advanced: boolean;
  control: Control;
}

/** The leading fields of a type that are always in view; later ones with a default fold away. */
const PRIMARY_FIELDS = 3;
/** Strings allowed to be longer than this (a request body) get a textarea. */
const SINGLE_LINE_MAX = 4096;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function showIfOf(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).map(([key, v]) => [key, String(v)] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function firstExample(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

const isStringSchema = (schema: z.core.$ZodType) => schema._zod.def.type === 'string';

function controlOf(schema: z.core.$ZodType, secret: boolean): Control {
  if (schema instanceof z.ZodEnum) return { kind: 'enum', options: schema.options.map(String) };
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (schema instanceof z.ZodNumber) {
    const finite = (n: number | null) => (n !== null && Number.isSafeInteger(n) ? n : undefined);
    return {
      kind: 'number',
      integer: schema.isInt,
      min: finite(schema.minValue),
      max: finite(schema.maxValue),
    };
  }
  if (schema instanceof z.ZodArray && isStringSchema(schema.element)) return { kind: 'list' };
  if (schema instanceof z.ZodRecord && isStringSchema(schema.valueType)) return { kind: 'map' };
  // Anything else is typed as text and left to the schema's own messages.
  return {
    kind: 'text',
    secret,
    url: schema instanceof z.ZodURL,
    multiline: schema instanceof z.ZodString && (schema.maxLength ?? 0) > SINGLE_LINE_MAX,
  };
}

function describeField(key: string, field: z.ZodType, index: number): ConfigField {
  const hasDefault = field instanceof z.ZodDefault;
  const inner = hasDefault ? field.unwrap() : field;
  const meta = field.meta() ?? z.globalRegistry.get(inner) ?? {};
  const secret = meta.secret === true;
  return {
    key,
    title: meta.title ?? key,
    description: meta.description,
    example: firstExample(meta.examples),
    secret,
    showIf: showIfOf(meta.showIf),
    hasDefault,
    defaultValue: hasDefault ? field.def.defaultValue : undefined,
    advanced: hasDefault && index >= PRIMARY_FIELDS,
    control: controlOf(inner, secret),
  };
}

const cache = new Map<CheckType, readonly ConfigField[]>();

/** A type's config fields in schema order, read from its zod schema and its `.meta()`. */
export function configFieldsOf(type: CheckType): readonly ConfigField[] {
  let fields = cache.get(type);
  if (!fields) {
    const shape: Record<string, z.ZodType> = CHECK_CONFIGS[type].shape;
    fields = Object.entries(shape).map(([key, field], index) => describeField(key, field, index));
    cache.set(type, fields);
  }
  return fields;
}

export const configTitleOf = (type: CheckType): string => CHECK_CONFIGS[type].meta()?.title ?? type;
export const configDescriptionOf = (type: CheckType): string | undefined =>
  CHECK_CONFIGS[type].meta()?.description;

export function isShown(field: ConfigField, values: ConfigValues): boolean {
  if (!field.showIf) return true;
  return Object.entries(field.showIf).every(([key, value]) => String(values[key]) === value);
}

/** A config value (a default, or the stored config) as the form holds it. */
export function toFormValue(field: ConfigField, value: unknown): ConfigValue {
  switch (field.control.kind) {
    case 'boolean':
      return value === true;
    case 'list':
      return Array.isArray(value) ? value.map(String).join(', ') : '';
    case 'map':
      return isRecord(value)
        ? Object.entries(value)
            .map(([name, v]) => `${name}: ${String(v)}`)
            .join('\n')
        : '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/**
 * The form's starting values: the schema's defaults, or a stored config. Secrets never come
 * back from the API, so they start empty.
 */
export function initialConfigValues(
  type: CheckType,
  stored?: Readonly<Record<string, unknown>>,
): ConfigValues {
  const values: ConfigValues = {};
  for (const field of configFieldsOf(type)) {
    const value =
      stored && !field.secret && field.key in stored ? stored[field.key] : field.defaultValue;
    values[field.key] = toFormValue(field, value);
  }
  return values;
}

const MAP_LINE_ERROR = 'Use "Name: value", one per line';

function parseMap(text: string): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    map[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return map;
}

export interface ConfigInput {
  /** The config as the API takes it; anything the schema would refuse is left for it to say so. */
  config: Record<string, unknown>;
  /** Keys of secrets left out so the hub keeps what it has. */
  kept: string[];
  /** Text that does not even parse (a header line without a colon), by field path. */
  errors: FieldErrors;
}

/**
 * Turns the form's text back into config values. Hidden fields go as their defaults, so
 * switching authentication off also forgets its credentials; with `keepSecrets` an empty
 * visible secret is left out, which tells the hub to keep the stored one.
 */
export function toConfigInput(
  type: CheckType,
  values: ConfigValues,
  { keepSecrets = false }: { keepSecrets?: boolean } = {},
): ConfigInput {
  const config: Record<string, unknown> = {};
  const kept: string[] = [];
  const errors: FieldErrors = {};
  for (const field of configFieldsOf(type)) {
    const { key, control } = field;
    const value = values[key] ?? toFormValue(field, field.defaultValue);
    if (!isShown(field, values)) {
      if (field.hasDefault) config[key] = field.defaultValue;
      continue;
    }
    if (control.kind === 'boolean') {
      config[key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    switch (control.kind) {
      case 'text':
        if (control.secret && keepSecrets && text === '') kept.push(key);
        else config[key] = text;
        break;
      case 'enum':
        config[key] = text;
        break;
      case 'number':
        // Left empty it is left out: the default applies, or the schema says it is required.
        if (text.trim() !== '') config[key] = Number(text.trim());
        break;
      case 'list':
        config[key] = text
          .split(/[\s,]+/)
          .map((item) => item.trim())
          .filter(Boolean);
        break;
      case 'map': {
        const map = parseMap(text);
        if (map) config[key] = map;
        else errors[`config.${key}`] = MAP_LINE_ERROR;
        break;
      }
    }
  }
  return { config, kept, errors };
}

interface ConfigFieldsProps {
  type: CheckType;
  values: ConfigValues;
  onChange: (key: string, value: ConfigValue) => void;
  /** The error of a field by its path in the request body, e.g. "config.url". */
  errorOf: (path: string) => string | undefined;
  idPrefix: string;
  /** Editing a stored check: an empty secret keeps the stored one. */
  keepSecrets?: boolean;
}

/** The inputs of one check type's config, generated from its schema. */
export function ConfigFields({
  type,
  values,
  onChange,
  errorOf,
  idPrefix,
  keepSecrets = false,
}: ConfigFieldsProps) {
  const fields = configFieldsOf(type).filter((field) => isShown(field, values));
  const primary = fields.filter((field) => !field.advanced);
  const advanced = fields.filter((field) => field.advanced);
  const advancedErrors = advanced.filter((field) => errorOf(`config.${field.key}`)).length;
  const changed = advanced.filter(
    (field) => values[field.key] !== toFormValue(field, field.defaultValue),
  ).length;

  const [open, setOpen] = useState(false);
  // An error inside a closed section would go unseen: open it when errors arrive there.
  const [hadErrors, setHadErrors] = useState(false);
  if (hadErrors !== advancedErrors > 0) {
    setHadErrors(advancedErrors > 0);
    if (advancedErrors > 0) setOpen(true);
  }

  const render = (field: ConfigField) => (
    <ConfigInput
      key={field.key}
      field={field}
      id={`${idPrefix}-${field.key}`}
      value={values[field.key] ?? toFormValue(field, field.defaultValue)}
      onChange={(value) => onChange(field.key, value)}
      error={errorOf(`config.${field.key}`)}
      keepSecret={keepSecrets}
    />
  );

  return (
    <>
      {primary.length > 0 && (
        <div className="grid grid-cols-2 gap-x-3 gap-y-4">{primary.map(render)}</div>
      )}
      {advanced.length > 0 && (
        <details
          open={open}
          onToggle={(event) => setOpen(event.currentTarget.open)}
          className="group rounded-md border border-line"
        >
          <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md px-3 text-[13px] font-medium text-ink select-none hover:bg-raised sm:min-h-9 [&::-webkit-details-marker]:hidden">
            <ChevronDownIcon
              size={14}
              className="-rotate-90 text-muted transition-transform group-open:rotate-0"
            />
            Advanced
            <span className="font-normal text-faint">
              {changed > 0 ? `${changed} changed` : `${advanced.length} more`}
            </span>
            {advancedErrors > 0 && (
              <span className="ml-auto text-xs text-down">
                {advancedErrors === 1 ? '1 error' : `${advancedErrors} errors`}
              </span>
            )}
          </summary>
          <div className="grid grid-cols-2 gap-x-3 gap-y-3 border-t border-line px-3 pt-3 pb-4">
            {advanced.map(render)}
          </div>
        </details>
      )}
    </>
  );
}

interface ConfigInputProps {
  field: ConfigField;
  id: string;
  value: ConfigValue;
  onChange: (value: ConfigValue) => void;
  error: string | undefined;
  keepSecret: boolean;
}

function ConfigInput({ field, id, value, onChange, error, keepSecret }: ConfigInputProps) {
  const { control, title: label, description: hint } = field;
  const text = typeof value === 'string' ? value : '';
  const common = { id, label, hint, error };
  const onText = (event: { target: { value: string } }) => onChange(event.target.value);
  switch (control.kind) {
    case 'boolean':
      return (
        <CheckboxField
          {...common}
          className="col-span-2"
          checked={value === true}
          onChange={onChange}
        />
      );
    case 'enum':
      return (
        <SelectField {...common} value={text} onChange={onText}>
          {control.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      );
    case 'number':
      return (
        <TextField
          {...common}
          type="number"
          inputMode={control.integer ? 'numeric' : 'decimal'}
          step={control.integer ? 1 : 'any'}
          min={control.min}
          max={control.max}
          value={text}
          onChange={onText}
          placeholder={field.example}
        />
      );
    case 'list':
      return (
        <TextField
          {...common}
          hint={hint ?? 'Separate with commas.'}
          value={text}
          onChange={onText}
          placeholder={field.example}
          autoComplete="off"
          spellCheck={false}
        />
      );
    case 'map':
      return (
        <TextAreaField
          {...common}
          className="col-span-2"
          rows={3}
          value={text}
          onChange={onText}
          placeholder={field.example ?? 'Name: value'}
          spellCheck={false}
          // The textarea's own font would widen "Name: value" lines past a phone's width.
          wrap="off"
        />
      );
    case 'text': {
      const placeholder = control.secret && keepSecret ? 'unchanged' : field.example;
      if (control.multiline) {
        return (
          <TextAreaField
            {...common}
            className="col-span-2"
            rows={3}
            value={text}
            onChange={onText}
            placeholder={placeholder}
            spellCheck={false}
          />
        );
      }
      return (
        <TextField
          {...common}
          className="col-span-2"
          type={control.secret ? 'password' : control.url ? 'url' : 'text'}
          inputMode={control.url ? 'url' : undefined}
          value={text}
          onChange={onText}
          placeholder={placeholder}
          autoComplete={control.secret ? 'new-password' : 'off'}
          spellCheck={false}
        />
      );
    }
  }
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
}

/** A checkbox with its label beside it and its hint under the label. */
export function CheckboxField({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
  className = '',
}: CheckboxFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      {/* The label holds the box, so the whole row is the tap target. */}
      <label className="flex min-h-10 cursor-pointer items-center gap-2.5 text-[13px] font-medium text-ink sm:min-h-9">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          className="size-4 shrink-0 accent-accent"
        />
        {label}
      </label>
      {hint && !error && (
        <p id={hintId} className="-mt-1.5 pl-6.5 text-xs text-muted">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

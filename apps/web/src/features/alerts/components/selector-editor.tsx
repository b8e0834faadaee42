import { useId, useMemo, useState } from 'react';
import type { Selector } from '@homehub/contracts';
import { FieldError } from '../../../ui/field-error.tsx';
import { inputClass } from '../../../ui/form-field.tsx';
import { knownLabels } from '../../../lib/known-labels.ts';
import { TagInput } from '../../../ui/tag-input.tsx';
import { useServiceLabels, type ServiceLabel } from '../api/services.ts';
import { describeSelector } from './selector.ts';

/** Past this many services the list gets a filter box. */
const FILTER_FROM = 8;

function ServiceChecklist({
  id,
  services,
  value,
  onChange,
  error,
}: {
  id: string;
  services: readonly ServiceLabel[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
}) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? services.filter(
        (s) =>
          s.name.toLowerCase().includes(needle) ||
          s.group?.toLowerCase().includes(needle) ||
          s.tags.some((t) => t.includes(needle)),
      )
    : services;
  const toggle = (serviceId: number) =>
    onChange(
      value.includes(serviceId) ? value.filter((x) => x !== serviceId) : [...value, serviceId],
    );
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-[13px] font-medium">
        Services
        {value.length > 0 && (
          <span className="ml-1.5 font-normal text-faint tabular">{value.length} chosen</span>
        )}
      </legend>
      {services.length > FILTER_FROM && (
        <input
          type="search"
          aria-label="Filter services"
          placeholder="Filter by name, group or tag"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={`${inputClass} mb-1`}
        />
      )}
      {services.length === 0 ? (
        <p className="text-xs text-muted">No service yet.</p>
      ) : (
        <div className="grid max-h-40 grid-cols-1 gap-x-3 overflow-y-auto rounded-md border border-line px-2 py-1 sm:grid-cols-2">
          {shown.map((service) => (
            <label
              key={service.id}
              className="flex min-h-10 min-w-0 items-center gap-2 text-sm sm:min-h-8"
            >
              <input
                type="checkbox"
                className="size-4 shrink-0 accent-accent"
                checked={value.includes(service.id)}
                onChange={() => toggle(service.id)}
              />
              <span className="truncate">{service.name}</span>
              {service.group && (
                <span className="shrink-0 truncate text-xs text-faint">{service.group}</span>
              )}
            </label>
          ))}
          {shown.length === 0 && <p className="py-2 text-xs text-muted">No service matches.</p>}
        </div>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

interface SelectorEditorProps {
  value: Selector;
  onChange: (next: Selector) => void;
  /** The API's complaint about a selector field ("tags", or one tag as "tags.0"). */
  errorOf: (path: string) => string | undefined;
  className?: string;
}

/**
 * Whom a rule, silence or window is about: services ticked by name, groups and tags as chips
 * (offered from what services carry, anything else typed in). Any match counts.
 */
export function SelectorEditor({ value, onChange, errorOf, className = '' }: SelectorEditorProps) {
  const id = useId();
  const services = useServiceLabels({ fresh: true });
  const known = useMemo(() => knownLabels(services.data ?? []), [services.data]);
  const set = <K extends keyof Selector>(key: K, next: Selector[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <div className={`space-y-3 rounded-lg border border-line bg-canvas/40 p-3 ${className}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="text-[13px] font-semibold">Applies to</p>
        <p className="text-xs text-muted" aria-live="polite">
          {describeSelector(value)}
        </p>
      </div>
      <ServiceChecklist
        id={`${id}-services`}
        services={services.data ?? []}
        value={value.serviceIds}
        onChange={(ids) => set('serviceIds', ids)}
        error={errorOf('serviceIds')}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TagInput
          id={`${id}-groups`}
          label="Groups"
          value={value.groups}
          onChange={(groups) => set('groups', groups)}
          suggestions={known.groups}
          placeholder="Media, Network…"
          error={errorOf('groups')}
        />
        <TagInput
          id={`${id}-tags`}
          label="Tags"
          value={value.tags}
          onChange={(tags) => set('tags', tags)}
          suggestions={known.tags}
          normalize={(text) => text.trim().toLowerCase()}
          placeholder="critical, nas…"
          error={errorOf('tags')}
        />
      </div>
      {value.checkIds.length > 0 && (
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
          Also {value.checkIds.length} check{value.checkIds.length === 1 ? '' : 's'} chosen through
          the API.
          <button
            type="button"
            className="rounded px-1 text-accent underline-offset-2 hover:underline"
            onClick={() => set('checkIds', [])}
          >
            Forget them
          </button>
        </p>
      )}
      <p className="text-xs text-faint">Anything that matches one of these; none: everything.</p>
    </div>
  );
}

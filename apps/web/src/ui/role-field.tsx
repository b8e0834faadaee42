import { ROLES, type Role } from '@homehub/contracts';
import { SelectField } from './form-field.tsx';

/** What each role may do, in a few words, under the choice. */
export const ROLE_HINT: Record<Role, string> = {
  viewer: 'sees every service, check, result and event; changes nothing',
  operator: 'also adds, edits, runs and pauses services and checks',
  admin: 'also manages people, settings and everyone’s tokens',
};

interface RoleFieldProps {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  error?: string | undefined;
  /** The roles on offer; all of them unless the giver may give less. */
  roles?: readonly Role[];
}

export function RoleField({ id, value, onChange, error, roles = ROLES }: RoleFieldProps) {
  return (
    <SelectField
      id={id}
      label="Role"
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
      error={error}
      hint={ROLE_HINT[value]}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </SelectField>
  );
}

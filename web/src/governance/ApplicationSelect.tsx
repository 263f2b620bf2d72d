import { useMessages } from '../i18n/messages.js';
import { governanceMessages } from './governance-messages.js';

/** A labelled choice among the tenant's applications; with `any`, a first choice for all of them (value ''). */
export function ApplicationSelect({
  applications,
  value,
  onChange,
  any = false,
}: {
  applications: readonly { id: string; name: string }[];
  value: string;
  onChange(id: string): void;
  any?: boolean;
}) {
  const t = useMessages(governanceMessages);
  return (
    <label className="field">
      <span>{t.application}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {any && <option value="">{t.anyApplication}</option>}
        {applications.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}

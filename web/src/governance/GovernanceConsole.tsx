import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useMessages } from '../i18n/messages.js';
import { hasRole, StaffGate, useStaff } from '../staff/StaffGate.js';
import { Applications } from './Applications.js';
import { Assurance } from './Assurance.js';
import { AuditExplorer } from './audit/AuditExplorer.js';
import { governanceApi } from './governance-api.js';
import { governanceMessages } from './governance-messages.js';
import { KillSwitch } from './KillSwitch.js';
import { Models } from './Models.js';
import { Sandboxes } from './Sandboxes.js';
import { SubjectRights } from './SubjectRights.js';
import { Tabs } from './Tabs.js';
import './governance.css';

const CONSOLE_ROLES = ['tenant_admin', 'dpo', 'auditor'];

/**
 * Each section, shown to the roles the server lets use it (the server still decides): the register, models,
 * sandboxes and assurance to every reader (src/oversight/governance.ts READ_ROLES), the audit log to its readers
 * (src/server/routes/audit.ts), data-subject requests to the DPO and admins (src/privacy/rights/context.ts), the
 * kill switch to tenant admins (src/oversight/kill-switch.ts).
 */
const SECTIONS = [
  { id: 'applications', roles: CONSOLE_ROLES },
  { id: 'audit', roles: ['auditor', 'dpo', 'tenant_admin'] },
  { id: 'rights', roles: ['dpo', 'tenant_admin'] },
  { id: 'killswitch', roles: ['tenant_admin'] },
  { id: 'models', roles: CONSOLE_ROLES },
  { id: 'sandboxes', roles: CONSOLE_ROLES },
  { id: 'assurance', roles: CONSOLE_ROLES },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

const SECTION_PARAM = 'section';

/** The section named in the address (`?section=audit`), so a section can be linked to and survives a reload. */
function useSection(allowed: readonly SectionId[]): [SectionId, (id: SectionId) => void] {
  const [section, setSection] = useState(() => new URLSearchParams(location.search).get(SECTION_PARAM));
  const current = allowed.find((id) => id === section) ?? allowed[0]!;
  const select = (id: SectionId) => {
    const url = new URL(location.href);
    url.searchParams.set(SECTION_PARAM, id);
    history.replaceState(null, '', url);
    setSection(id);
  };
  return [current, select];
}

function Console() {
  const t = useMessages(governanceMessages);
  const me = useStaff();
  const sections = SECTIONS.filter((s) => hasRole(me, s.roles));
  const [section, select] = useSection(sections.map((s) => s.id));
  const applications = useResource(governanceApi.applications, []);
  const apps = applications.data ?? [];

  return (
    <div className="governance stack">
      <h1>{t.title}</h1>
      <ErrorMessage error={applications.error} />
      <Tabs
        label={t.sections}
        tabs={sections.map((s) => ({ id: s.id, label: t[`tab_${s.id}`] }))}
        selected={section}
        onSelect={(id) => select(id as SectionId)}
      >
        {section === 'applications' && <Applications applications={apps} onChange={applications.reload} />}
        {section === 'audit' && <AuditExplorer applications={apps} />}
        {section === 'rights' && <SubjectRights applications={apps} />}
        {section === 'killswitch' && <KillSwitch applications={apps} />}
        {section === 'models' && <Models />}
        {section === 'sandboxes' && <Sandboxes applications={apps} />}
        {section === 'assurance' && <Assurance applications={apps} />}
      </Tabs>
    </div>
  );
}

/** The governance console, for a tenant's admins, DPOs and auditors. */
export default function GovernanceConsole() {
  return (
    <StaffGate roles={CONSOLE_ROLES}>
      <Console />
    </StaffGate>
  );
}

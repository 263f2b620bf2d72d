import { useState } from 'react';
import { DataTable } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { format, useMessages } from '../i18n/messages.js';
import { useStaff } from '../staff/StaffGate.js';
import { ConfirmAction } from './ConfirmAction.js';
import { governanceApi } from './governance-api.js';
import { registerMessages } from './register-messages.js';

/** The tiers a model can be approved for (nothing is approved for `prohibited`). */
const TIERS = ['minimal', 'limited', 'high'] as const;

/**
 * The model register: where each model runs and under whose jurisdiction, and the tiers it is approved for. Only
 * the platform administrator approves and revokes (src/oversight/model-approvals.ts); staff read.
 */
export function Models() {
  const t = useMessages(registerMessages);
  const me = useStaff();
  const models = useResource(governanceApi.models, []);
  const [tier, setTier] = useState<string>(TIERS[0]);
  const decides = me.kind === 'platform_admin';
  return (
    <div className="stack">
      <h2>{t.models}</h2>
      {!decides && <p className="muted">{t.platformOnly}</p>}
      <ErrorMessage error={models.error} />
      {decides && (
        <label className="field">
          <span>{t.tier}</span>
          <select value={tier} onChange={(e) => setTier(e.target.value)}>
            {TIERS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
      )}
      <DataTable
        rows={models.data ?? []}
        rowKey={(m) => m.id}
        columns={[
          {
            header: t.model,
            rowHeader: true,
            cell: (m) => (
              <>
                {m.id} <span className="muted">({m.kind})</span>
              </>
            ),
          },
          { header: t.licence, cell: (m) => m.licence },
          {
            header: t.hosting,
            cell: (m) => (
              <>
                {m.hosting.operator ?? m.provider} — {m.hosting.country}{' '}
                <span className={`badge ${m.hosting.sovereign ? 'badge-ok' : 'badge-warn'}`}>
                  {m.hosting.sovereign ? t.sovereign : t.notSovereign}
                </span>
              </>
            ),
          },
          { header: t.approvedFor, cell: (m) => m.approved_for.join(', ') || '—' },
          decides && {
            header: t.approve,
            className: 'stack',
            cell: (m) =>
              m.approved_for.includes(tier) ? (
                <ConfirmAction
                  label={`${t.revoke} (${tier})`}
                  question={format(t.confirmRevoke, { model: m.id, tier })}
                  danger
                  onConfirm={async () => {
                    await governanceApi.revokeModel(m.id, tier);
                    models.reload();
                  }}
                />
              ) : (
                <ConfirmAction
                  label={`${t.approve} (${tier})`}
                  question={format(t.confirmApprove, { model: m.id, tier })}
                  reason={{ label: t.note, minLength: 0 }}
                  onConfirm={async (note) => {
                    await governanceApi.approveModel(m.id, tier, note);
                    models.reload();
                  }}
                />
              ),
          },
        ]}
      />
    </div>
  );
}

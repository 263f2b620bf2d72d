import { useId, useState } from 'react';
import type { PublicRights, PublicSystem } from '../../../src/oversight/register/public-register.js';
import { api } from '../api/client.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { entityMessages } from '../i18n/entity-messages.js';
import { transparencyMessages } from './transparency-messages.js';

type Key = keyof (typeof transparencyMessages)['fr'];
type Texts = Record<Key, string>;

export interface PublicRegister {
  object: 'list';
  data: PublicSystem[];
  rights: PublicRights;
}

const TIERS = ['minimal', 'limited', 'high'] as const;
const TIER_BADGE: Record<string, string> = {
  minimal: 'badge-ok',
  limited: 'badge-warn',
  high: 'badge-danger',
};

/** A label of this page for a value the server sends (a tier, a legal basis…), or the value itself if unknown. */
const labelOf = (t: Texts, key: string, fallback: string): string => t[key as Key] ?? fallback;

/** The public register of AI systems in use: no sign-in, plain language, the four interface languages. */
export function TransparencyRegister() {
  const t = useMessages(transparencyMessages);
  const register = useResource(() => api<PublicRegister>('/v1/transparency/register', { bearer: null }), []);
  const [administration, setAdministration] = useState('');
  const [tier, setTier] = useState('');
  const ids = { administration: useId(), tier: useId() };

  const systems = register.data?.data ?? [];
  const administrations = [...new Set(systems.map((s) => s.administration))];
  const shown = systems.filter(
    (s) => (!administration || s.administration === administration) && (!tier || s.risk_tier === tier),
  );

  return (
    <div className="transparency stack">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorMessage error={register.error} />
      {register.loading && !register.data && <p aria-live="polite">{t.loading}</p>}
      {register.data && (
        <>
          <section aria-labelledby="register-filters" className="card transparency-filters">
            <h2 id="register-filters" className="visually-hidden">
              {t.filters}
            </h2>
            <div className="row">
              <label className="field" htmlFor={ids.administration}>
                <span>{t.administration}</span>
                <select
                  id={ids.administration}
                  value={administration}
                  onChange={(event) => setAdministration(event.target.value)}
                >
                  <option value="">{t.allAdministrations}</option>
                  {administrations.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field" htmlFor={ids.tier}>
                <span>{t.riskTier}</span>
                <select id={ids.tier} value={tier} onChange={(event) => setTier(event.target.value)}>
                  <option value="">{t.allTiers}</option>
                  {TIERS.map((value) => (
                    <option key={value} value={value}>
                      {t[`tier_${value}`]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p aria-live="polite" className="muted">
              {format(t.count, { n: shown.length })}
            </p>
          </section>
          {shown.length === 0 ? (
            <p>{t.noneMatch}</p>
          ) : (
            <ul className="transparency-list" aria-label={t.title}>
              {shown.map((system) => (
                <li key={system.id}>
                  <SystemCard system={system} />
                </li>
              ))}
            </ul>
          )}
          <Rights rights={register.data.rights} />
        </>
      )}
    </div>
  );
}

function SystemCard({ system }: { system: PublicSystem }) {
  const t = useMessages(transparencyMessages);
  const entities = useMessages(entityMessages);
  const { locale, tag } = useLocale();
  // Tamazight has no region names in every browser: French ones, as Moroccan administrations write them.
  const regions = new Intl.DisplayNames([locale === 'zgh' ? 'fr' : tag], { type: 'region' });
  const country = (code: string) => regions.of(code) ?? code;
  const titleId = `system-${system.id}`;
  const tier = system.risk_tier;
  const oversight = system.human_oversight;
  const entity = (code: string) => entities[code as keyof typeof entities] ?? code;
  const { identifiers, sensitive } = system.data_categories;

  return (
    <article className="card system-card" aria-labelledby={titleId}>
      <header className="system-card-header">
        <h2 id={titleId}>
          <bdi>{system.name}</bdi>
        </h2>
        <p className="muted">
          <bdi>{system.administration}</bdi>
        </p>
        <div className="row">
          <span className={`badge ${tier ? (TIER_BADGE[tier] ?? '') : ''}`} data-testid="risk-tier">
            {tier ? labelOf(t, `tier_${tier}`, tier) : t.tierNotAssessed}
          </span>
          {system.demo && <span className="badge">{t.demo}</span>}
        </div>
        {tier && <p className="muted">{labelOf(t, `tierHelp_${tier}`, '')}</p>}
        {system.demo && <p className="alert alert-warn">{t.demoNote}</p>}
      </header>
      <dl className="system-facts">
        <dt>{t.purpose}</dt>
        <dd>
          <bdi>{system.purpose.description}</bdi>
        </dd>
        <dt>{t.legalBasis}</dt>
        <dd>
          {labelOf(t, `legal_${system.purpose.legal_basis}`, system.purpose.legal_basis)}
          {system.purpose.legal_basis_reference && (
            <>
              {' — '}
              <bdi>{system.purpose.legal_basis_reference}</bdi>
            </>
          )}
        </dd>
        <dt>{t.controller}</dt>
        <dd>
          <bdi>{system.controller.name}</bdi>
        </dd>
        {!system.demo && (
          <>
            <dt>{t.cndp}</dt>
            <dd>
              {labelOf(t, `regime_${system.cndp_formality.regime}`, system.cndp_formality.regime)}{' '}
              {system.cndp_formality.reference && <bdi dir="ltr">{system.cndp_formality.reference}</bdi>}
              {' — '}
              {labelOf(t, `status_${system.cndp_formality.status}`, system.cndp_formality.status)}
            </dd>
          </>
        )}
        <dt>{t.models}</dt>
        <dd data-testid="hosting">
          {system.models.length === 0 ? (
            t.noModel
          ) : (
            <ul>
              {system.models.map((model) => (
                <li key={model.id}>
                  <bdi dir="ltr">{model.id}</bdi> —{' '}
                  {format(t.hostedBy, {
                    operator: model.hosting.operator,
                    country: country(model.hosting.country),
                  })}{' '}
                  <span className={`badge ${model.hosting.sovereign ? 'badge-ok' : 'badge-warn'}`}>
                    {model.hosting.sovereign ? t.sovereign : t.notSovereign}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.data}</dt>
        <dd>
          {identifiers.length === 0 && sensitive.length === 0 && t.noPersonalData}
          {identifiers.length > 0 && (
            <p>
              {t.identifiers} : {identifiers.map(entity).join(' · ')}
            </p>
          )}
          {sensitive.length > 0 && (
            <p className="system-sensitive">
              <strong>{t.sensitive}</strong> : {sensitive.map(entity).join(' · ')}
              <br />
              <span className="muted">{t.sensitiveNote}</span>
            </p>
          )}
          <p className="muted">{format(t.retention, { n: system.retention_days })}</p>
        </dd>
        <dt>{t.oversight}</dt>
        <dd>
          {oversight ? (
            <ul>
              <li>
                {labelOf(t, `review_${oversight.review_before_release}`, oversight.review_before_release)}
              </li>
              {oversight.sampled_after_release > 0 && (
                <li>{format(t.sampled, { p: Math.round(oversight.sampled_after_release * 1000) / 10 })}</li>
              )}
              <li>{format(t.reviewers, { n: oversight.reviewers })}</li>
            </ul>
          ) : (
            t.tierNotAssessed
          )}
        </dd>
        <dt>{t.transfers}</dt>
        <dd>
          {system.transfers_abroad.countries.length === 0
            ? t.noTransfer
            : system.transfers_abroad.countries.map(country).join(', ')}
        </dd>
        <dt>{t.dpo}</dt>
        <dd>
          <a href={`mailto:${system.dpo.email}`}>
            <bdi dir="ltr">{system.dpo.email}</bdi>
          </a>
          {system.dpo.phone && (
            <>
              {' · '}
              <a href={`tel:${system.dpo.phone.replace(/\s+/g, '')}`}>
                <bdi dir="ltr">{system.dpo.phone}</bdi>
              </a>
            </>
          )}
        </dd>
      </dl>
    </article>
  );
}

function Rights({ rights }: { rights: PublicRights }) {
  const t = useMessages(transparencyMessages);
  return (
    <section aria-labelledby="your-rights" className="card stack transparency-rights">
      <h2 id="your-rights">{t.rightsTitle}</h2>
      <p>{t.rightsIntro}</p>
      <dl className="system-facts">
        {rights.kinds.map((kind) => (
          <div key={kind}>
            <dt>{labelOf(t, `right_${kind}`, kind)}</dt>
            <dd>{labelOf(t, `right_${kind}_text`, '')}</dd>
          </div>
        ))}
      </dl>
      <h3>{t.howTitle}</h3>
      <ul>
        <li>{t.howAssistant}</li>
        <li>{t.howDpo}</li>
        <li>{format(t.deadline, { n: rights.deadline_days })}</li>
      </ul>
      <p>
        {t.complaint}{' '}
        <a href={rights.authority.url} rel="noopener noreferrer">
          {rights.authority.acronym} — <bdi dir="ltr">{rights.authority.url}</bdi>
        </a>
      </p>
      <p className="muted">
        {t.apiNote}{' '}
        <code dir="ltr">
          {rights.file.method} {rights.file.path}
        </code>
      </p>
    </section>
  );
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useResource } from '../../components/use-resource.js';
import { useLocale } from '../../i18n/LocaleProvider.js';
import { format, useMessages } from '../../i18n/messages.js';
import { governanceApi } from '../governance-api.js';
import { auditMessages } from './audit-messages.js';
import {
  checkConsistency,
  checkInclusion,
  verifyTreeHead,
  type ConsistencyCheck,
  type HeadCheck,
  type InclusionCheck,
  type InclusionProof,
  type LogKey,
  type SignedTreeHead,
} from './verify.js';

type Async<T> =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; value: T }
  | { state: 'error'; error: unknown };

/** Runs one check at a time; its outcome replaces the previous one. */
function useCheck<T>() {
  const [result, setResult] = useState<Async<T>>({ state: 'idle' });
  const run = async (check: () => Promise<T>) => {
    setResult({ state: 'checking' });
    try {
      setResult({ state: 'done', value: await check() });
    } catch (error) {
      setResult({ state: 'error', error });
    }
  };
  return [result, run] as const;
}

function Verdict({ ok }: { ok: boolean }) {
  const t = useMessages(auditMessages);
  return (
    <strong className={`badge ${ok ? 'badge-ok' : 'badge-danger'} verdict`} data-testid="verdict">
      {ok ? t.verified : t.failed}
    </strong>
  );
}

/** One named check, passed or not, as a line of a definition list. */
function Step({ label, ok, children }: { label: string; ok: boolean; children?: ReactNode }) {
  const t = useMessages(auditMessages);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <span className={ok ? 'check-ok' : 'check-failed'}>{ok ? `✓ ${t.yes}` : `✗ ${t.no}`}</span>
        {children && <> — {children}</>}
      </dd>
    </>
  );
}

function HeadFacts({ head, check }: { head: SignedTreeHead; check: HeadCheck }) {
  const t = useMessages(auditMessages);
  const { formatDate } = useLocale();
  return (
    <dl className="facts">
      <dt>{t.logId}</dt>
      <dd>{head.log_id}</dd>
      <dt>{t.treeSize}</dt>
      <dd data-testid="tree-size">{head.tree_size}</dd>
      <dt>{t.rootHash}</dt>
      <dd>
        <code className="hash">{head.root_hash}</code>
      </dd>
      <dt>{t.keyId}</dt>
      <dd>
        <code>{head.key_id}</code>
      </dd>
      <dt>{t.timestamp}</dt>
      <dd>
        <time dateTime={head.timestamp}>{formatDate(head.timestamp)}</time>
      </dd>
      <Step label={t.signature} ok={check === 'valid'}>
        {t[`head_${check}`]}
      </Step>
    </dl>
  );
}

function Progress<T>({ result, children }: { result: Async<T>; children: (value: T) => ReactNode }) {
  const t = useMessages(auditMessages);
  if (result.state === 'checking') return <p>{t.checking}</p>;
  if (result.state === 'error') return <ErrorMessage error={result.error} />;
  if (result.state === 'done') return <>{children(result.value)}</>;
  return null;
}

/**
 * Verifies the log in the browser: the latest signed tree head against the log's keys, the inclusion of the
 * record chosen in the explorer, and the consistency of an earlier head with the latest.
 */
export function VerifyPanel({ recordId }: { recordId: string | undefined }) {
  const t = useMessages(auditMessages);
  const { formatDate } = useLocale();
  // The keys are fetched once and shared by every check.
  const keys = useRef<Promise<LogKey[]>>(undefined);
  const logKeys = () => (keys.current ??= governanceApi.keys());
  const [head, runHead] = useCheck<{ head: SignedTreeHead; check: HeadCheck }>();
  const [inclusion, runInclusion] = useCheck<{ proof: InclusionProof; check: InclusionCheck }>();
  const [consistency, runConsistency] = useCheck<{
    first: SignedTreeHead;
    latest: SignedTreeHead;
    check: ConsistencyCheck;
  }>();
  const heads = useResource(governanceApi.heads, []);
  const [firstSize, setFirstSize] = useState('');

  useEffect(() => {
    if (!recordId) return;
    void runInclusion(async () => {
      const proof = await governanceApi.inclusion(recordId);
      return { proof, check: await checkInclusion(proof, await logKeys()) };
    });
  }, [recordId]);

  const verifyHead = () =>
    runHead(async () => {
      const latest = await governanceApi.sth();
      return { head: latest, check: await verifyTreeHead(latest, await logKeys()) };
    });

  const earlier = heads.data?.find((h) => String(h.tree_size) === firstSize) ?? heads.data?.[0];
  const verifyConsistency = () =>
    runConsistency(async () => {
      const latest = await governanceApi.sth();
      const first = earlier!;
      const proof = await governanceApi.consistency(first.tree_size, latest.tree_size);
      return { first, latest, check: await checkConsistency(proof, first, latest, await logKeys()) };
    });

  return (
    <section className="card stack" aria-labelledby="verify-title">
      <h3 id="verify-title">{t.verifyTitle}</h3>
      <p className="muted">{t.verifyIntro}</p>

      <button type="button" className="primary" onClick={verifyHead}>
        {t.verifyHead}
      </button>
      <div aria-live="polite" data-testid="head-result">
        <Progress result={head}>
          {({ head: latest, check }) => (
            <>
              <Verdict ok={check === 'valid'} />
              <HeadFacts head={latest} check={check} />
            </>
          )}
        </Progress>
      </div>

      <h4>{t.inclusionTitle}</h4>
      <div aria-live="polite" data-testid="inclusion-result">
        {inclusion.state === 'idle' && <p className="muted">{t.inclusionHint}</p>}
        <Progress result={inclusion}>
          {({ proof, check }) => (
            <>
              <Verdict ok={check.valid} />
              <dl className="facts">
                <dt>{t.record}</dt>
                <dd>
                  <code>{String(proof.record.id)}</code>
                </dd>
                <dt>{t.leafIndex}</dt>
                <dd>{proof.leaf_index}</dd>
                <Step label={t.leafMatches} ok={check.leafMatches} />
                <Step label={t.pathLeadsToRoot} ok={check.pathLeadsToRoot} />
              </dl>
              <HeadFacts head={proof.signed_tree_head} check={check.head} />
            </>
          )}
        </Progress>
      </div>

      <h4>{t.consistencyTitle}</h4>
      <ErrorMessage error={heads.error} />
      {heads.data && heads.data.length > 0 && (
        <div className="row">
          <label className="field">
            <span>{t.firstHead}</span>
            <select
              value={earlier ? String(earlier.tree_size) : ''}
              onChange={(e) => setFirstSize(e.target.value)}
            >
              {heads.data.map((h) => (
                <option key={h.tree_size} value={h.tree_size}>
                  {format(t.headOption, { size: h.tree_size, time: formatDate(h.timestamp) })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={verifyConsistency}>
            {t.verifyConsistency}
          </button>
        </div>
      )}
      <div aria-live="polite" data-testid="consistency-result">
        <Progress result={consistency}>
          {({ first, latest, check }) => (
            <>
              <Verdict ok={check.valid} />
              <dl className="facts">
                <dt>{t.firstHead}</dt>
                <dd>
                  {first.tree_size} <code className="hash">{first.root_hash}</code>
                </dd>
                <Step label={t.headSigned} ok={check.firstHead === 'valid'}>
                  {t[`head_${check.firstHead}`]}
                </Step>
                <dt>{t.treeSize}</dt>
                <dd>
                  {latest.tree_size} <code className="hash">{latest.root_hash}</code>
                </dd>
                <Step label={t.headSigned} ok={check.secondHead === 'valid'}>
                  {t[`head_${check.secondHead}`]}
                </Step>
                <Step label={t.proofHolds} ok={check.proofHolds} />
              </dl>
            </>
          )}
        </Progress>
      </div>
    </section>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { languageAttributes } from '../citizen/language-attributes.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { localeOfLanguage } from '../i18n/locales.js';
import { format, useMessages } from '../i18n/messages.js';
import { useStaff } from '../staff/StaffGate.js';
import { isMine, KindBadge, StatusBadge, Triggers } from './CaseFacts.js';
import { Choices } from './Choices.js';
import { RejectForm } from './RejectForm.js';
import {
  reviewApi,
  SENTENCE_VERDICTS,
  type CaseDetail,
  type CitationVerdict,
  type SentenceVerdict,
} from './review-api.js';
import { decisionBody } from './review-logic.js';
import { reviewMessages } from './review-messages.js';
import { SourceCard } from './SourceCard.js';
import { SlaTimer, useNow } from './SlaTimer.js';

export type Decision = 'approved' | 'rejected';

/** A case opened from the queue: loads it, and reloads it after each change the reviewer saves. */
export function CaseReview({
  id,
  onBack,
  onDecided,
}: {
  id: string;
  onBack(): void;
  onDecided(decision: Decision): void;
}) {
  const detail = useResource(() => reviewApi.get(id), [id]);
  if (!detail.data) return detail.error ? <ErrorMessage error={detail.error} /> : <p aria-live="polite">…</p>;
  return <CaseView detail={detail.data} reload={detail.reload} onBack={onBack} onDecided={onDecided} />;
}

function CaseView({
  detail,
  reload,
  onBack,
  onDecided,
}: {
  detail: CaseDetail;
  reload(): void;
  onBack(): void;
  onDecided(decision: Decision): void;
}) {
  const t = useMessages(reviewMessages);
  const { locale } = useLocale();
  const actor = useStaff();
  const now = useNow();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const saved = detail.answer ?? detail.draft;
  const [text, setText] = useState(saved);
  const [sentenceVerdicts, setSentenceVerdicts] = useState(new Map<string, SentenceVerdict>());
  const [citationVerdicts, setCitationVerdicts] = useState(new Map<number, CitationVerdict>());
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // The reviewer lands on the case's heading, with the keyboard as with a screen reader.
  useEffect(() => heading.current?.focus(), [detail.id]);

  const mine = detail.status === 'claimed' && isMine(detail, actor);
  const dirty = text.trim() !== saved;
  const decided = detail.status === 'approved' || detail.status === 'rejected';
  // A rejection's reason is written for the citizen, so in their language where the interface has it.
  const citizenLocale = localeOfLanguage(detail.language ?? undefined) ?? locale;
  const scores = { sentences: sentenceVerdicts, citations: citationVerdicts };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const claim = () =>
    act(async () => {
      await reviewApi.claim(detail.id);
      reload();
    });
  const save = () =>
    act(async () => {
      await reviewApi.saveAnswer(detail.id, text.trim());
      setStatus(t.saved);
      reload();
    });
  // An unsaved edit is saved first, so that the scores follow the sentences of the text being released.
  const approve = () =>
    act(async () => {
      let current = detail;
      if (dirty) {
        await reviewApi.saveAnswer(detail.id, text.trim());
        current = await reviewApi.get(detail.id);
      }
      await reviewApi.approve(detail.id, decisionBody(current, scores));
      onDecided('approved');
    });
  const reject = (reason: string) =>
    act(async () => {
      await reviewApi.reject(detail.id, decisionBody(detail, scores, reason));
      onDecided('rejected');
    });

  const question = languageAttributes(detail.language);
  return (
    <section className="stack review-case" aria-labelledby={`${ids}-title`}>
      <div className="row">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
      </div>
      <h1 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {format(t.caseTitle, { id: detail.id })}
      </h1>
      <div className="row">
        <KindBadge kind={detail.kind} />
        <StatusBadge c={detail} actor={actor} />
        {!decided && <SlaTimer expectedBy={detail.expectedBy} now={now} />}
      </div>
      <Triggers c={detail} />
      {detail.status === 'pending' && (
        <div className="row">
          <span>{t.pendingClaim}</span>
          <button type="button" className="primary" onClick={claim} disabled={busy}>
            {t.claim}
          </button>
        </div>
      )}
      {detail.status === 'claimed' && !mine && <p className="alert alert-warn">{t.readOnlyClaimed}</p>}
      {decided && <p className="alert">{t.readOnlyDecided}</p>}

      <div className="review-layout">
        <div className="stack">
          <section className="card stack" aria-labelledby={`${ids}-question`}>
            <h2 id={`${ids}-question`}>{t.question}</h2>
            <p className="review-text" {...question}>
              {detail.question}
            </p>
            <p className="muted">{t.pseudonymHelp}</p>
          </section>

          <section className="card stack" aria-labelledby={`${ids}-answer`}>
            <h2 id={`${ids}-answer`}>
              {mine ? t.answerLabel : t.draftLabel}{' '}
              {detail.edited && <span className="badge">{t.edited}</span>}
            </h2>
            {mine ? (
              <>
                <label className="field">
                  <span className="visually-hidden">{t.answerLabel}</span>
                  <textarea
                    rows={12}
                    value={text}
                    onChange={(event) => setText(event.target.value)}
                    data-testid="answer-editor"
                    {...question}
                  />
                </label>
                <div className="row">
                  <button type="button" onClick={save} disabled={busy || !dirty}>
                    {t.saveEdit}
                  </button>
                  {dirty && <span className="muted">{t.unsaved}</span>}
                </div>
              </>
            ) : (
              <p className="review-text" {...question}>
                {saved}
              </p>
            )}
          </section>

          <section className="card stack" aria-labelledby={`${ids}-scoring`}>
            <h2 id={`${ids}-scoring`}>{t.scoringTitle}</h2>
            <p className="muted">{t.scoringHelp}</p>
            {detail.sentences.map((s) => (
              <fieldset key={`${s.index}:${s.sentence}`} className="review-score" disabled={!mine}>
                <legend>
                  <span className="muted">{format(t.sentenceLegend, { n: s.index + 1 })}</span>{' '}
                  <span {...question}>{s.sentence}</span>
                </legend>
                <p className="muted">
                  {s.cited.length > 0
                    ? format(t.cites, { list: s.cited.map((n) => `[${n}]`).join(' ') })
                    : t.citesNone}
                </p>
                <Choices
                  name={`${ids}-sentence-${s.index}`}
                  options={SENTENCE_VERDICTS}
                  label={(verdict) => t[`verdict_${verdict}`]}
                  value={sentenceVerdicts.get(s.sentence)}
                  onChange={(verdict) =>
                    setSentenceVerdicts(new Map(sentenceVerdicts).set(s.sentence, verdict))
                  }
                />
              </fieldset>
            ))}
          </section>
        </div>

        <section className="stack review-sources" aria-labelledby={`${ids}-sources`}>
          <h2 id={`${ids}-sources`}>{t.sourcesTitle}</h2>
          {detail.citations.length === 0 && <p>{t.noSources}</p>}
          {detail.citations.map((citation) => (
            <SourceCard
              key={citation.n}
              citation={citation}
              scoring={mine}
              verdict={citationVerdicts.get(citation.n)}
              onVerdict={(verdict) => setCitationVerdicts(new Map(citationVerdicts).set(citation.n, verdict))}
            />
          ))}
        </section>
      </div>

      {mine && (
        <section className="card stack review-decision" aria-labelledby={`${ids}-decision`}>
          <h2 id={`${ids}-decision`}>{t.decisionTitle}</h2>
          <div className="row">
            <button type="button" className="primary" onClick={approve} disabled={busy}>
              {t.approve}
            </button>
          </div>
          <RejectForm citizenLocale={citizenLocale} busy={busy} onReject={reject} />
        </section>
      )}
      <ErrorMessage error={error} />
      <p role="status">{status}</p>
    </section>
  );
}

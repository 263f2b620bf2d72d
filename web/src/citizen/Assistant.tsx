import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { streamChat, type ChatMessage, type MizanExtension } from '../api/chat-stream.js';
import { ApiError } from '../api/client.js';
import { signInUrl } from '../api/session.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { LOCALE_INFO, localeOfLanguage } from '../i18n/locales.js';
import type { CONVERSATION_HEADER as SERVER_CONVERSATION_HEADER } from '../../../src/server/flow.js';
import { assistantMessages, EXAMPLE_QUESTIONS } from './assistant-messages.js';
import { AnswerText, CitedAnswer } from './Citations.js';
import { Feedback } from './Feedback.js';
import { Handoff } from './Handoff.js';
import { HowMade, type ReviewState } from './HowMade.js';
import { HeldAnswer, pendingCases, type PendingCase } from './PendingReview.js';
import { giveConsent, withdrawConsent } from './citizen-api.js';
import { SignInRequired, useAssistantSession } from './use-assistant-session.js';
import { useAssistantTerms } from './use-assistant-terms.js';
import './assistant.css';

interface Turn {
  id: number;
  question: string;
  answer: string;
  streaming: boolean;
  mizan?: MizanExtension;
  review: ReviewState;
}

/** The gateway's header (the compiler checks it is the same); the server module itself stays out of the page. */
const CONVERSATION_HEADER: typeof SERVER_CONVERSATION_HEADER = 'x-mizan-conversation-id';
const NOTICE_KEY = 'mizan.citizen.noticeAccepted';

/** A conversation id of the page's own, so the gateway keeps the same pseudonyms from one turn to the next. */
function newConversationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function noticeAccepted(): boolean {
  try {
    return sessionStorage.getItem(NOTICE_KEY) === 'yes';
  } catch {
    return false;
  }
}

/** The messages of the conversation so far, as the API takes them: each question and the answer it got. */
const history = (turns: readonly Turn[]): ChatMessage[] =>
  turns.flatMap((turn): ChatMessage[] => [
    { role: 'user', content: turn.question },
    { role: 'assistant', content: turn.answer },
  ]);

function TurnView({
  turn,
  showNotice,
  offerLanguage,
  onReview,
}: {
  turn: Turn;
  showNotice: boolean;
  offerLanguage: boolean;
  onReview(id: number, state: ReviewState): void;
}) {
  const t = useMessages(assistantMessages);
  const { locale, setLocale } = useLocale();
  const [open, setOpen] = useState<number>();
  const { mizan } = turn;
  const held: PendingCase | undefined = mizan?.review ?? undefined;
  const decided = useCallback((state: ReviewState) => onReview(turn.id, state), [onReview, turn.id]);
  const suggested = localeOfLanguage(mizan?.language ?? undefined);
  return (
    <article className="turn" data-testid="turn">
      <div className="bubble question" dir="auto">
        <span className="visually-hidden">{t.you}: </span>
        {turn.question}
      </div>
      <div className="bubble answer" data-testid="answer" aria-busy={turn.streaming}>
        <span className="visually-hidden">{t.assistant}: </span>
        {mizan?.oversight?.ai_label && <p className="badge ai-label">{t.aiLabel}</p>}
        {showNotice && mizan?.oversight?.notice && (
          <p className="alert notice" data-testid="server-notice">
            {mizan.oversight.notice}
          </p>
        )}
        {held ? (
          <>
            <AnswerText
              text={turn.answer}
              citations={[]}
              language={mizan?.language}
              open={undefined}
              onOpen={() => undefined}
              panelId=""
            />
            <HeldAnswer pending={held} onDecided={decided} explained />
          </>
        ) : (
          <CitedAnswer
            text={turn.answer}
            citations={mizan?.citations ?? []}
            language={mizan?.language ?? null}
            open={open}
            setOpen={setOpen}
          />
        )}
        {turn.streaming && <p className="muted">{t.writing}</p>}
        {!turn.streaming && mizan && (
          <>
            <HowMade mizan={mizan} review={turn.review} />
            <Feedback auditId={mizan.audit_id} />
          </>
        )}
        {offerLanguage && suggested && suggested !== locale && (
          <button type="button" className="link-button" onClick={() => setLocale(suggested)}>
            {format(t.switchLanguage, { language: LOCALE_INFO[suggested].name })}
          </button>
        )}
      </div>
    </article>
  );
}

/**
 * The citizen assistant at `/`: a streamed conversation with the gateway in the person's own language, each answer
 * with its numbered sources, how it was made, its human review when one is needed, feedback, and a way to reach a
 * person.
 */
export default function Assistant() {
  const t = useMessages(assistantMessages);
  const { locale } = useLocale();
  const { state, signInNeeded, ensureSession } = useAssistantSession();
  const { terms, consented, reload } = useAssistantTerms(state.status === 'ready', ensureSession, locale);
  const [consentBusy, setConsentBusy] = useState(false);
  const [consentError, setConsentError] = useState<string>();
  const [withdrawn, setWithdrawn] = useState(false);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState(noticeAccepted);
  const [earlier] = useState(() => pendingCases.list());
  const conversationId = useRef(newConversationId());
  const abort = useRef<AbortController | undefined>(undefined);
  const input = useRef<HTMLTextAreaElement>(null);
  const nextId = useRef(1);
  const questionId = useId();
  const hintId = useId();

  useEffect(() => () => abort.current?.abort(), []);

  const accept = () => {
    setAccepted(true);
    try {
      sessionStorage.setItem(NOTICE_KEY, 'yes');
    } catch {
      // Asked again after a reload, no worse.
    }
    requestAnimationFrame(() => input.current?.focus());
  };

  // Where the processing rests on consent, nothing is asked before it is given (Law 09-08 art. 4).
  const consentNeeded = terms?.consent.required === true && terms.consent.given_at === null;
  const consent = async () => {
    setConsentBusy(true);
    setConsentError(undefined);
    try {
      consented((await giveConsent()).given_at);
      setWithdrawn(false);
      accept();
    } catch (caught) {
      setConsentError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setConsentBusy(false);
    }
  };
  const withdraw = async () => {
    setError(undefined);
    try {
      consented((await withdrawConsent()).given_at);
      setWithdrawn(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const onReview = useCallback((id: number, review: ReviewState) => {
    setTurns((current) => current.map((turn) => (turn.id === id ? { ...turn, review } : turn)));
  }, []);

  const ask = async (question: string) => {
    const text = question.trim();
    if (!text || busy) return;
    setError(undefined);
    setBusy(true);
    setDraft('');
    const id = nextId.current++;
    const before = turns;
    setTurns([...before, { id, question: text, answer: '', streaming: true, review: 'none' }]);
    const update = (change: Partial<Turn>) =>
      setTurns((current) => current.map((turn) => (turn.id === id ? { ...turn, ...change } : turn)));
    abort.current = new AbortController();
    try {
      const model = await ensureSession();
      const answer = await streamChat(
        { model, messages: [...history(before), { role: 'user', content: text }] },
        {
          bearer: null,
          signal: abort.current.signal,
          headers: { [CONVERSATION_HEADER]: conversationId.current },
        },
        (content) => update({ answer: content }),
      );
      update({
        answer: answer.content,
        streaming: false,
        ...(answer.mizan ? { mizan: answer.mizan } : {}),
        review: answer.mizan?.review ? 'pending' : 'none',
      });
    } catch (caught) {
      // The question goes back in the box, so nothing typed is lost; the failed turn leaves the conversation.
      setTurns((current) => current.filter((turn) => turn.id !== id));
      setDraft(text);
      if (caught instanceof SignInRequired) setError(t.signInRequired);
      // Withdrawn meanwhile (in another tab): the consent step comes back.
      else if (caught instanceof ApiError && caught.code === 'consent_required') reload();
      else if (caught instanceof ApiError) setError(caught.message);
      else if (!(caught instanceof DOMException && caught.name === 'AbortError'))
        setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
      abort.current = undefined;
      input.current?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void ask(draft);
    }
  };
  const restart = () => {
    abort.current?.abort();
    setTurns([]);
    setError(undefined);
    conversationId.current = newConversationId();
    input.current?.focus();
  };

  const lastAudit = [...turns].reverse().find((turn) => turn.mizan)?.mizan?.audit_id;
  const noticeTurn = turns.find((turn) => turn.mizan?.oversight?.notice)?.id;
  const tenant = state.status === 'ready' ? state.settings.assistant.tenant : undefined;

  return (
    <div className="assistant">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>

      {state.status === 'failed' && (
        <p role="alert" className="alert alert-error">
          {t.loadFailed}
        </p>
      )}
      {signInNeeded && tenant && (
        <p className="alert alert-warn">
          {t.signInRequired} <a href={signInUrl(tenant)}>{t.signIn}</a>
        </p>
      )}

      {earlier.length > 0 && (
        <section className="stack" aria-labelledby={`${questionId}-earlier`}>
          <h2 id={`${questionId}-earlier`}>{t.pendingEarlier}</h2>
          {earlier.map((pending) => (
            <HeldAnswer key={pending.case_id} pending={pending} />
          ))}
        </section>
      )}

      <section aria-label={t.conversation} className="conversation">
        <div role="log" aria-live="polite" aria-relevant="additions text" className="turns">
          {turns.map((turn) => (
            <TurnView
              key={turn.id}
              turn={turn}
              showNotice={turn.id === noticeTurn}
              offerLanguage={turn.id === turns.at(-1)?.id && !turn.streaming}
              onReview={onReview}
            />
          ))}
        </div>
      </section>

      {!accepted || consentNeeded ? (
        <section className="card notice-gate" aria-labelledby={`${questionId}-notice`}>
          <h2 id={`${questionId}-notice`}>{consentNeeded ? t.consentTitle : t.noticeTitle}</h2>
          {withdrawn && consentNeeded && (
            <p role="status" className="alert alert-warn">
              {t.consentWithdrawn}
            </p>
          )}
          <p data-testid="assistant-notice">{terms?.notice ?? t.noticeDefault}</p>
          {consentNeeded ? (
            <>
              <p>{t.consentCovers}</p>
              <p className="muted">{t.consentWithdrawNote}</p>
              {consentError && (
                <p role="alert" className="alert alert-error">
                  {consentError}
                </p>
              )}
              <button type="button" className="primary" disabled={consentBusy} onClick={() => void consent()}>
                {t.consentGive}
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={accept}>
              {t.noticeAccept}
            </button>
          )}
        </section>
      ) : (
        <>
          {turns.length === 0 && (
            <section className="examples" aria-labelledby={`${questionId}-examples`}>
              <h2 id={`${questionId}-examples`}>{t.examplesHeading}</h2>
              <ul>
                {EXAMPLE_QUESTIONS.map((example) => (
                  <li key={example.text}>
                    <button
                      type="button"
                      lang={example.lang}
                      dir={example.dir}
                      disabled={busy || signInNeeded}
                      onClick={() => void ask(example.text)}
                    >
                      {example.text}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {error && (
            <div role="alert" className="alert alert-error" data-testid="assistant-error">
              <p>
                <strong>{t.errorTitle}</strong>
              </p>
              <p>{error}</p>
              {draft && <p>{t.errorKept}</p>}
            </div>
          )}
          <form className="composer" onSubmit={submit}>
            <label htmlFor={questionId}>{t.questionLabel}</label>
            <div className="composer-row">
              <textarea
                id={questionId}
                ref={input}
                dir="auto"
                rows={2}
                value={draft}
                aria-describedby={hintId}
                disabled={signInNeeded || consentNeeded || state.status !== 'ready'}
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={onKeyDown}
              />
              {busy ? (
                <button type="button" onClick={() => abort.current?.abort()}>
                  {t.stop}
                </button>
              ) : (
                <button
                  type="submit"
                  className="primary"
                  data-testid="send"
                  disabled={!draft.trim() || signInNeeded}
                >
                  {t.send}
                </button>
              )}
            </div>
            <p id={hintId} className="muted hint">
              {t.questionHint}
            </p>
          </form>
          <div className="row assistant-actions">
            <Handoff
              auditId={lastAudit}
              ensureSession={async () => {
                await ensureSession();
              }}
            />
            {turns.length > 0 && (
              <button type="button" onClick={restart}>
                {t.newConversation}
              </button>
            )}
            {terms?.consent.required && terms.consent.given_at !== null && (
              <button type="button" onClick={() => void withdraw()}>
                {t.consentWithdraw}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

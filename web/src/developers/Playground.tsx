import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { streamChat, type ChatMessage, type MizanExtension } from '../api/chat-stream.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useMessages } from '../i18n/messages.js';
import { CodeBlock } from './CodeBlock.js';
import { developersMessages } from './developers-messages.js';
import { MizanSummary } from './MizanSummary.js';

interface Answer {
  content: string;
  /** The JSON answer, or the last chunk of a stream. */
  raw: unknown;
  streamed: boolean;
  mizan: MizanExtension | undefined;
}

interface Completion {
  choices?: { message?: { content?: string | null } }[];
  mizan?: MizanExtension;
}

/**
 * What the answers said of the key: nothing yet, a sandbox's, or not a sandbox's (`mizan.oversight.sandbox:
 * false`). The server takes production keys too and marks nothing as a playground request, so that answer is the
 * only sign.
 */
type KeyKind = 'unknown' | 'sandbox' | 'production';

/**
 * The playground: a developer pastes a key (kept in this component's state only, never stored), picks one of the
 * models it may use, and sends a conversation, streamed or not, to see the answer, its JSON and its `mizan` object.
 */
export function Playground() {
  const t = useMessages(developersMessages);
  const ids = {
    key: useId(),
    model: useId(),
    system: useId(),
    user: useId(),
    stream: useId(),
    confirm: useId(),
  };
  const [key, setKey] = useState('');
  const [models, setModels] = useState<string[] | undefined>();
  const [model, setModel] = useState('');
  const [system, setSystem] = useState('');
  const [user, setUser] = useState('');
  const [stream, setStream] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [keyKind, setKeyKind] = useState<KeyKind>('unknown');
  const [productionConfirmed, setProductionConfirmed] = useState(false);

  const changeKey = (value: string) => {
    setKey(value);
    setModels(undefined);
    setModel('');
    setAnswer(undefined);
    setKeyKind('unknown');
    setProductionConfirmed(false);
  };

  const loadModels = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const list = await api<{ data: { id: string }[] }>('/v1/models', { bearer: key.trim() });
      const names = list.data.map((m) => m.id);
      setModels(names);
      setModel((current) => (names.includes(current) ? current : (names[0] ?? '')));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const blocked = keyKind === 'production' && !productionConfirmed;
  const canSend = Boolean(models && model && user.trim()) && !busy && !blocked;

  const sendMessages = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSend) return;
    const messages: ChatMessage[] = [
      ...(system.trim() ? [{ role: 'system' as const, content: system }] : []),
      { role: 'user', content: user },
    ];
    setError(undefined);
    setBusy(true);
    setAnswer({ content: '', raw: undefined, streamed: stream, mizan: undefined });
    try {
      let result: Answer;
      if (stream) {
        let last: unknown;
        const streamed = await streamChat(
          { model, messages },
          { bearer: key.trim(), onChunk: (chunk) => (last = chunk) },
          (content) => setAnswer((a) => a && { ...a, content }),
        );
        result = { content: streamed.content, raw: last, streamed: true, mizan: streamed.mizan };
      } else {
        const raw = await api<Completion>('/v1/chat/completions', {
          body: { model, messages, stream: false },
          bearer: key.trim(),
        });
        result = {
          content: raw.choices?.[0]?.message?.content ?? '',
          raw,
          streamed: false,
          mizan: raw.mizan,
        };
      }
      setAnswer(result);
      const sandbox = result.mizan?.oversight?.sandbox;
      if (sandbox === true) setKeyKind('sandbox');
      if (sandbox === false) setKeyKind('production');
    } catch (failure) {
      setError(failure);
      setAnswer(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack playground">
      <section className="alert stack" aria-labelledby="sandbox-only">
        <h2 id="sandbox-only">{t.sandboxOnlyTitle}</h2>
        <p>{t.sandboxOnly}</p>
        <p>{t.sandboxHow}</p>
        <CodeBlock
          label={t.sandboxHowCode}
          code={`POST /v1/oversight/applications/{id}/sandboxes
{ "purpose": "…", "ends_at": "2026-12-31T00:00:00Z", "max_requests": 1000, "max_tokens": 1000000 }
→ 201 { "id": "…", …, "key": "mz_…" }`}
        />
        <p className="muted">{t.keyNotStored}</p>
      </section>

      <form className="card stack" onSubmit={loadModels} aria-labelledby="playground-key">
        <h2 id="playground-key">{t.keyTitle}</h2>
        <div className="row playground-key">
          <label className="field" htmlFor={ids.key}>
            <span>{t.apiKey}</span>
            <input
              id={ids.key}
              type="password"
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              value={key}
              onChange={(event) => changeKey(event.target.value)}
            />
          </label>
          <button type="submit" disabled={!key.trim() || busy}>
            {t.useKey}
          </button>
        </div>
        {keyKind === 'sandbox' && (
          <p>
            <span className="badge badge-ok" data-testid="key-kind">
              {t.sandboxKey}
            </span>
          </p>
        )}
      </form>

      {keyKind === 'production' && (
        <section className="alert alert-warn stack" role="alert" aria-labelledby="production-key">
          <h2 id="production-key">{t.productionTitle}</h2>
          <p>{t.productionText}</p>
          <label className="row" htmlFor={ids.confirm}>
            <input
              id={ids.confirm}
              type="checkbox"
              checked={productionConfirmed}
              onChange={(event) => setProductionConfirmed(event.target.checked)}
            />
            <span>{t.productionConfirm}</span>
          </label>
        </section>
      )}

      <ErrorMessage error={error} />

      {models && (
        <form className="card stack" onSubmit={sendMessages} aria-labelledby="playground-messages">
          <h2 id="playground-messages">{t.messagesTitle}</h2>
          {models.length === 0 ? (
            <p>{t.noModels}</p>
          ) : (
            <label className="field" htmlFor={ids.model}>
              <span>{t.model}</span>
              <select
                id={ids.model}
                value={model}
                dir="ltr"
                onChange={(event) => setModel(event.target.value)}
              >
                {models.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {[
            { id: ids.system, label: t.systemMessage, value: system, set: setSystem, rows: 2 },
            { id: ids.user, label: t.userMessage, value: user, set: setUser, rows: 3 },
          ].map((field) => (
            <label key={field.id} className="field" htmlFor={field.id}>
              <span>{field.label}</span>
              <textarea
                id={field.id}
                dir="auto"
                rows={field.rows}
                value={field.value}
                onChange={(event) => field.set(event.target.value)}
              />
            </label>
          ))}
          <label className="row" htmlFor={ids.stream}>
            <input
              id={ids.stream}
              type="checkbox"
              checked={stream}
              onChange={(event) => setStream(event.target.checked)}
            />
            <span>{t.streamOption}</span>
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={!canSend}>
              {busy ? t.sending : t.send}
            </button>
            {blocked && <span className="muted">{t.sendBlocked}</span>}
          </div>
        </form>
      )}

      {answer && (
        <section className="card stack" aria-labelledby="playground-answer" aria-busy={busy}>
          <h2 id="playground-answer">{t.answer}</h2>
          <div className="playground-text" dir="auto" aria-live="polite" data-testid="answer-text">
            {answer.content || (busy ? t.waiting : '')}
          </div>
          {answer.mizan && <MizanSummary mizan={answer.mizan} />}
          {answer.raw !== undefined && (
            <details className="schema-nested">
              <summary>{answer.streamed ? t.lastChunk : t.rawJson}</summary>
              <CodeBlock
                code={JSON.stringify(answer.raw, null, 2)}
                label={answer.streamed ? t.lastChunk : t.rawJson}
              />
            </details>
          )}
          {answer.mizan && (
            <details className="schema-nested">
              <summary>{t.mizanJson}</summary>
              <CodeBlock code={JSON.stringify(answer.mizan, null, 2)} label="mizan" />
            </details>
          )}
        </section>
      )}
    </div>
  );
}

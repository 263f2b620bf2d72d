import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Citation } from '../api/chat-stream.js';
import { format, useMessages } from '../i18n/messages.js';
import { assistantMessages } from './assistant-messages.js';
import { languageAttributes } from './language-attributes.js';

const MARKER = /\[(\d{1,2})\]/g;

/** The passage as a person reads it: without the Markdown heading marks of the corpus text. */
const readable = (passage: string) => passage.replace(/^#+\s*/gm, '').trim();

/**
 * An answer's text with its `[n]` markers as buttons that open the cited passage. Markers with no citation (a
 * number the answer uses but the sources lack) stay plain text.
 */
export function AnswerText({
  text,
  citations,
  language,
  open,
  onOpen,
  panelId,
}: {
  text: string;
  citations: readonly Citation[];
  language: string | null | undefined;
  open: number | undefined;
  onOpen(n: number): void;
  panelId: string;
}) {
  const t = useMessages(assistantMessages);
  const known = new Set(citations.map((c) => c.n));
  const paragraphs = text.split(/\n{2,}/);
  const withMarkers = (paragraph: string): ReactNode[] => {
    const parts: ReactNode[] = [];
    let last = 0;
    for (const match of paragraph.matchAll(MARKER)) {
      const n = Number(match[1]);
      if (!known.has(n)) continue;
      parts.push(paragraph.slice(last, match.index));
      parts.push(
        <button
          key={`${match.index}`}
          type="button"
          className="citation-ref"
          aria-label={format(t.openSource, { n })}
          aria-expanded={open === n}
          aria-controls={panelId}
          onClick={() => onOpen(n)}
        >
          {n}
        </button>,
      );
      last = match.index + match[0].length;
    }
    parts.push(paragraph.slice(last));
    return parts;
  };
  return (
    <div className="answer-text" {...languageAttributes(language)}>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>{withMarkers(paragraph)}</p>
      ))}
    </div>
  );
}

/** The cited passage with where it comes from: title, article, publisher, version and a link to the full text. */
export function CitationPanel({
  citation,
  id,
  onClose,
}: {
  citation: Citation;
  id: string;
  onClose(): void;
}) {
  const t = useMessages(assistantMessages);
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  // The panel takes the focus when it opens, so a keyboard or screen-reader user lands on the passage.
  useEffect(() => ref.current?.focus(), [citation.n]);
  const source = languageAttributes(citation.language);
  return (
    <section
      id={id}
      ref={ref}
      tabIndex={-1}
      className="citation-panel card"
      aria-labelledby={headingId}
      data-testid="citation-panel"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="citation-panel-head">
        <h3 id={headingId}>
          <span className="visually-hidden">{format(t.passageOf, { n: citation.n })}: </span>
          <span className="citation-number" aria-hidden="true">
            {citation.n}
          </span>{' '}
          <span {...source}>{citation.title}</span>
        </h3>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <blockquote {...source} className="citation-passage">
        {readable(citation.passage)}
      </blockquote>
      <dl className="facts">
        {citation.article && (
          <>
            <dt>{t.article}</dt>
            <dd {...source}>{citation.article}</dd>
          </>
        )}
        <dt>{t.publisher}</dt>
        <dd data-testid="citation-publisher">{citation.publisher}</dd>
        <dt>{t.version}</dt>
        <dd>{citation.version}</dd>
        <dt>{t.link}</dt>
        <dd>
          <a href={citation.uri} target="_blank" rel="noopener noreferrer" className="break-anywhere">
            {citation.uri}
          </a>
        </dd>
      </dl>
      {citation.demo && <p className="badge badge-warn">{t.demoSource}</p>}
    </section>
  );
}

/** The sources under an answer: each opens its passage, as its marker in the text does. */
export function SourceList({
  citations,
  open,
  onOpen,
  panelId,
}: {
  citations: readonly Citation[];
  open: number | undefined;
  onOpen(n: number): void;
  panelId: string;
}) {
  const t = useMessages(assistantMessages);
  if (citations.length === 0) return null;
  return (
    <nav className="sources" aria-label={t.sources}>
      <h3 className="sources-heading">{t.sources}</h3>
      <ol>
        {citations.map((c) => (
          <li key={c.n} value={c.n}>
            <button
              type="button"
              className="link-button"
              aria-expanded={open === c.n}
              aria-controls={panelId}
              onClick={() => onOpen(c.n)}
            >
              <span {...languageAttributes(c.language)}>
                {[c.title, c.article].filter(Boolean).join(', ')}
              </span>
            </button>{' '}
            <span className="muted">— {c.publisher}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** An answer with its sources and the passage opened from them, one at a time. */
export function CitedAnswer({
  text,
  citations,
  language,
  open,
  setOpen,
}: {
  text: string;
  citations: readonly Citation[];
  language: string | null | undefined;
  open: number | undefined;
  setOpen(n: number | undefined): void;
}) {
  const panelId = useId();
  const opened = citations.find((c) => c.n === open);
  const toggle = (n: number) => setOpen(open === n ? undefined : n);
  return (
    <>
      <AnswerText
        text={text}
        citations={citations}
        language={language}
        open={open}
        onOpen={toggle}
        panelId={panelId}
      />
      {opened && <CitationPanel citation={opened} id={panelId} onClose={() => setOpen(undefined)} />}
      <SourceList citations={citations} open={open} onOpen={toggle} panelId={panelId} />
    </>
  );
}

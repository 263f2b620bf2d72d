import { useId } from 'react';
import type { Citation } from '../api/chat-stream.js';
import { languageAttributes } from '../citizen/language-attributes.js';
import { format, useMessages } from '../i18n/messages.js';
import { Choices } from './Choices.js';
import { CITATION_VERDICTS, type CitationVerdict } from './review-api.js';
import { reviewMessages } from './review-messages.js';

/** The passage as a person reads it, without the corpus text's Markdown heading marks. */
const readable = (passage: string) => passage.replace(/^#+\s*/gm, '').trim();

/**
 * A source of the draft, whole: its passage with title, article, publisher, version and link, and whether it
 * supports what the draft cites it for (scored by the reviewer who holds the case).
 */
export function SourceCard({
  citation,
  scoring,
  verdict,
  onVerdict,
}: {
  citation: Citation;
  scoring: boolean;
  verdict: CitationVerdict | undefined;
  onVerdict(verdict: CitationVerdict): void;
}) {
  const t = useMessages(reviewMessages);
  const id = useId();
  const source = languageAttributes(citation.language);
  return (
    <article className="card stack review-source" aria-labelledby={id}>
      <h3 id={id}>
        [{citation.n}] <span {...source}>{citation.title}</span>
      </h3>
      <p className="muted">
        {citation.article && (
          <>
            <span {...source}>{format(t.sourceArticle, { article: citation.article })}</span>
            {' · '}
          </>
        )}
        {format(t.publisher, { publisher: citation.publisher })}
        {' · '}
        {format(t.version, { version: citation.version })}
        {citation.demo && (
          <>
            {' '}
            <span className="badge badge-warn">{t.demoSource}</span>
          </>
        )}
      </p>
      <blockquote className="review-passage" {...source}>
        {readable(citation.passage)}
      </blockquote>
      <a href={citation.uri} target="_blank" rel="noopener noreferrer">
        {t.openLink}
      </a>
      <fieldset className="review-score" disabled={!scoring}>
        <legend>{format(t.citationQuestion, { n: citation.n })}</legend>
        <Choices
          name={`${id}-verdict`}
          options={CITATION_VERDICTS}
          label={(option) => t[`cverdict_${option}`]}
          value={verdict}
          onChange={onVerdict}
        />
      </fieldset>
    </article>
  );
}

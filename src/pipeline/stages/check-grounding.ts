import { toCitations, usedCitations } from '../../corpus/citations.js';
import { checkGrounding, type GroundingReport } from '../../corpus/grounding.js';
import type { AnswerSources } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { whenStreamEnds } from './stream-text.js';

export type GroundingMode = 'report' | 'mark' | 'remove';

/** How an unsupported sentence is marked in `mark` mode: visible, and in no language in particular. */
export const UNSUPPORTED_MARK = ' [?]';

function applyMode(text: string, report: GroundingReport, mode: GroundingMode): string {
  if (mode === 'report') return text;
  let out = text;
  for (const { sentence } of report.unsupported) {
    out =
      mode === 'remove' ? out.replace(sentence, '') : out.replace(sentence, `${sentence}${UNSUPPORTED_MARK}`);
  }
  return mode === 'remove'
    ? out
        .replace(/[ \t]{2,}/gu, ' ')
        .replace(/\n{3,}/gu, '\n\n')
        .trim()
    : out;
}

/**
 * After the answer: keeps the citations it uses and checks each of its sentences against the passages it
 * cites. `mark` and `remove` change a whole answer; a streamed answer has left already, so its check is
 * reported (in the final chunk's `mizan` object) but cannot change it.
 */
export const checkAnswerGrounding = (mode: GroundingMode): Stage => ({
  name: 'check-grounding',
  run(ctx) {
    const outcome = ctx.outcome;
    if (!ctx.passages || ctx.passages.length === 0 || !outcome) return ctx;
    const citations = toCitations(ctx.passages);
    if (outcome.kind === 'completion') {
      const report = checkGrounding(outcome.result.text, citations);
      const text = applyMode(outcome.result.text, report, mode);
      const sources: AnswerSources = { citations: usedCitations(text, citations), grounding: report };
      return { ...ctx, sources, outcome: { ...outcome, result: { ...outcome.result, text } } };
    }
    if (outcome.kind === 'stream') {
      const sources: AnswerSources = { citations: [], grounding: null };
      const parts = whenStreamEnds(outcome.parts, (text) => {
        sources.citations = usedCitations(text, citations);
        sources.grounding = checkGrounding(text, citations);
      });
      return { ...ctx, sources, outcome: { ...outcome, parts } };
    }
    return ctx;
  },
});

import { loadConfig } from '../../config/load.js';
import { createInputGuard } from '../../guard/guard.js';
import { guardPolicy } from '../../guard/policy.js';
import type { CliOptions } from '../context.js';
import { stdinRecords } from '../stdin-records.js';

type Values = Record<string, string | boolean | undefined>;

/**
 * `mizan guard check`: `{id, text}` JSON lines in, `{id, decision, reasons, score}` out, decided by the
 * configuration's guard policy exactly as the gateway's input check decides (rule packs and the compact
 * classifier; `--rules-only` leaves the classifier out). `--content` checks text a model would read but the user did
 * not write (a passage, a document): any instruction in it is an indirect injection.
 */
export async function guardCheck(values: Values, options: CliOptions): Promise<void> {
  const { config } = loadConfig({ file: options.config });
  const guard = createInputGuard({
    classifier: values['rules-only'] !== true && config.guard.classifier,
    policy: guardPolicy(config.guard),
  });
  const check = values.content === true ? guard.checkContent : guard.checkInput;
  for await (const record of stdinRecords('jsonl')) {
    const verdict = check(record.text);
    const score = Math.round(verdict.score * 1000) / 1000;
    console.log(
      JSON.stringify({ id: record.id, decision: verdict.decision, reasons: verdict.reasons, score }),
    );
  }
}

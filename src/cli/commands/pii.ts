import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { applyOperators } from '../../privacy/operators.js';
import { parsePrivacyPolicy, type PrivacyPolicy } from '../../privacy/policy.js';
import { scan } from '../../privacy/scan.js';
import { isEntityType, type Entity, type EntityType } from '../../privacy/types.js';
import { ConversationVault } from '../../privacy/vault.js';
import { deriveTenantKey, parseVaultMasterKey, VAULT_KEY_ENV } from '../../privacy/vault-crypto.js';
import { UsageError } from '../output.js';
import { stdinRecords } from '../stdin-records.js';

type Values = Record<string, string | boolean | undefined>;

function scanOptions(values: Values): { types?: EntityType[]; threshold?: number } {
  const types = typeof values.types === 'string' ? values.types.split(',').map((t) => t.trim()) : undefined;
  const unknown = types?.filter((t) => !isEntityType(t)) ?? [];
  if (unknown.length > 0) throw new UsageError(`unknown entity type(s): ${unknown.join(', ')}`);
  const threshold = typeof values.threshold === 'string' ? Number(values.threshold) : undefined;
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new UsageError('--threshold takes a number from 0 to 1');
  }
  return {
    ...(types ? { types: types as EntityType[] } : {}),
    ...(threshold === undefined ? {} : { threshold }),
  };
}

const entityJson = (e: Entity) => ({
  type: e.type,
  start: e.start,
  end: e.end,
  text: e.text,
  score: e.score,
});

/** `mizan pii scan`: one JSON line per input, `{id, entities:[{type, start, end, text, score}]}`. */
export async function piiScan(values: Values): Promise<void> {
  const options = scanOptions(values);
  for await (const input of stdinRecords(values.jsonl === true ? 'jsonl' : 'document')) {
    console.log(JSON.stringify({ id: input.id, entities: scan(input.text, options).map(entityJson) }));
  }
}

export function readPolicy(file: string | boolean | undefined): PrivacyPolicy {
  if (typeof file !== 'string') throw new UsageError('usage: mizan pii redact --policy FILE [--jsonl]');
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the policy ${file}: ${(error as Error).message}`);
  }
  return parsePrivacyPolicy(document ?? {});
}

/**
 * `mizan pii redact --policy FILE`: applies the policy's operators. Pseudonyms are stable within one input;
 * `hash` uses MIZAN_VAULT_KEY when set (stable across runs), else a key for this run only.
 */
export async function piiRedact(values: Values): Promise<void> {
  const policy = readPolicy(values.policy);
  const options = scanOptions(values);
  const keyText = process.env[VAULT_KEY_ENV];
  const master = keyText ? parseVaultMasterKey(keyText, VAULT_KEY_ENV) : randomBytes(32);
  const hashKey = deriveTenantKey(master, 'cli', 'hash');
  const jsonl = values.jsonl === true;
  for await (const input of stdinRecords(jsonl ? 'jsonl' : 'document')) {
    const result = applyOperators(input.text, scan(input.text, options), policy, new ConversationVault(), {
      hashKey,
    });
    if (jsonl) console.log(JSON.stringify({ id: input.id, text: result.text, counts: result.counts }));
    else process.stdout.write(result.text);
  }
}

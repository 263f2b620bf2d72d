import type { KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { SignedTreeHead } from '../../audit/signed-head.js';
import { publicKeyFrom } from '../../audit/signed-head.js';
import { verifyExport, type VerifyReport } from '../../audit/verify-export.js';
import { isMizanError } from '../../errors.js';
import { UsageError } from '../output.js';

export interface AuditVerifyArgs {
  export?: string;
  'public-key'?: string;
  heads?: string;
  json: boolean;
}

const USAGE = 'usage: mizan audit verify --export DIR [--public-key FILE] [--heads FILE] [--json]';

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/** The pinned keys: every SPKI PEM public key in the file (a log that rotated its key has several). */
async function pinnedKeys(file: string): Promise<Map<string, KeyObject>> {
  const blocks = (await readText(file, 'public-key')).match(
    /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g,
  );
  if (!blocks)
    throw new UsageError(`--public-key: ${file} holds no PEM public key (-----BEGIN PUBLIC KEY-----)`);
  const keys = new Map<string, KeyObject>();
  for (const block of blocks) {
    try {
      const { keyId, publicKey } = publicKeyFrom(block);
      keys.set(keyId, publicKey);
    } catch (error) {
      throw new UsageError(`--public-key: ${isMizanError(error) ? error.message : String(error)}`);
    }
  }
  return keys;
}

/** Heads saved earlier: a JSON array of signed tree heads, or one per line (JSONL). */
async function savedHeads(file: string): Promise<SignedTreeHead[]> {
  const text = (await readText(file, 'heads')).trim();
  try {
    if (text.startsWith('[')) {
      const heads: unknown = JSON.parse(text);
      if (Array.isArray(heads)) return heads as SignedTreeHead[];
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SignedTreeHead);
  } catch {
    throw new UsageError(
      `--heads: ${file} is neither a JSON array of signed tree heads nor one head per line`,
    );
  }
}

function printSummary(dir: string, report: VerifyReport): void {
  const lines = [
    `export ${dir}`,
    `  ${report.tree_size} records in the tree, ${report.records_in_full} of them in full (the others as their hash)`,
    `  ${report.heads_checked} signed head${report.heads_checked === 1 ? '' : 's'} checked against the tree recomputed from the records`,
    `  root ${report.root_hash ?? '(not computed)'}`,
    ...report.warnings.map((warning) => `warning: ${warning}`),
  ];
  if (report.valid) lines.push('VALID: every record, every signed head and the Merkle tree agree');
  else {
    lines.push(
      `INVALID: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}, in log order`,
    );
    for (const problem of report.problems) lines.push(`  ${problem.code}: ${problem.message}`);
  }
  console.log(lines.join('\n'));
}

/**
 * `mizan audit verify --export DIR [--public-key FILE] [--heads FILE]`: checks an export offline, with no database
 * and no configuration. Exit 0 when it is valid, 1 when it is not, 2 when it cannot be checked as asked.
 */
export async function auditVerify(args: AuditVerifyArgs): Promise<void> {
  const dir = args.export;
  if (!dir) throw new UsageError(USAGE);
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`--export: ${dir} is not a readable folder\n${USAGE}`);
  const report = await verifyExport(dir, {
    ...(args['public-key'] ? { pinnedKeys: await pinnedKeys(args['public-key']) } : {}),
    ...(args.heads ? { earlierHeads: await savedHeads(args.heads) } : {}),
  });
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else printSummary(dir, report);
  if (!report.valid) process.exitCode = 1;
}

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AddedDocument, ProvenanceOptions } from '../../corpus/corpus-admin.js';
import { ingestErrors } from '../../corpus/ingest/errors.js';
import type { Visibility } from '../../corpus/types.js';
import { isMizanError } from '../../errors.js';
import type { CliOptions } from '../context.js';
import { withCorpus } from '../corpus-context.js';
import { printRows, UsageError } from '../output.js';

type Args = { positionals: string[]; values: Record<string, string | boolean | undefined> };

const USAGE = `usage:
  mizan corpus collections create NAME [--tenant T] [--visibility public|internal] [--allow-personal-data]
  mizan corpus collections list [--tenant T]
  mizan corpus add FILE... --collection C [--tenant T] [--source URI] [--licence L] [--publisher P] [--title T]
                   [--language L] [--classification C] [--version V] [--valid-from DATE] [--valid-to DATE]
  mizan corpus list --collection C [--tenant T]
  mizan corpus show DOC_ID
  mizan corpus withdraw DOC_ID --reason TEXT
  mizan corpus search QUESTION [--tenant T]`;

const str = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

function required(value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(USAGE);
  return value;
}

/** `mizan corpus …`: collections, documents and their versions, withdrawals, and the assistant's search. */
export async function corpus(action: string | undefined, args: Args, options: CliOptions): Promise<void> {
  const { positionals, values } = args;
  const tenant = str(values.tenant);
  switch (action) {
    case 'collections':
      return collections(positionals, values, options);
    case 'add':
      return add(positionals, values, options);
    case 'list': {
      const collection = required(str(values.collection));
      return withCorpus(options, async (admin) => {
        const documents = await admin.listDocuments(collection, tenant);
        printRows(
          options.json
            ? documents.map((d) => ({ ...d }))
            : documents.map((d) => ({
                id: d.id,
                externalId: d.externalId,
                title: d.title,
                version: d.currentVersion,
                language: d.language,
                classification: d.classification,
                withdrawnAt: d.withdrawnAt,
              })),
          options.json,
        );
      });
    }
    case 'show': {
      const id = required(positionals[0]);
      return withCorpus(options, async (admin) => {
        const { versions, ...document } = await admin.getDocument(id);
        if (options.json) {
          console.log(JSON.stringify({ ...document, versions }, null, 2));
          return;
        }
        for (const [field, value] of Object.entries(document)) {
          console.log(`${field}: ${value instanceof Date ? value.toISOString() : (value ?? '-')}`);
        }
        console.log('');
        printRows(
          versions.map((v) => ({ ...v })),
          false,
        );
      });
    }
    case 'withdraw': {
      const id = required(positionals[0]);
      const reason = required(str(values.reason));
      return withCorpus(options, async (admin) =>
        printRows([{ ...(await admin.withdraw(id, reason)) }], options.json),
      );
    }
    case 'search': {
      const question = required(positionals.join(' '));
      return withCorpus(options, async (admin) => {
        const { language, passages } = await admin.search(question, tenant);
        if (options.json) {
          console.log(JSON.stringify({ language, data: passages }, null, 2));
          return;
        }
        console.log(`language: ${language}`);
        printRows(
          passages.map((p) => ({
            score: p.score.toFixed(2),
            document: p.documentId,
            title: p.title,
            article: p.article,
            uri: p.uri,
            text: excerpt(p.text),
          })),
          false,
        );
      });
    }
    default:
      throw new UsageError(USAGE);
  }
}

const EXCERPT_CHARS = 160;
const excerpt = (text: string) => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
};

async function collections(
  positionals: string[],
  values: Args['values'],
  options: CliOptions,
): Promise<void> {
  const [verb, name] = positionals;
  const tenant = str(values.tenant);
  if (verb === 'create') {
    const visibility = str(values.visibility);
    if (visibility !== undefined && visibility !== 'public' && visibility !== 'internal') {
      throw new UsageError('--visibility takes public or internal');
    }
    const input = {
      tenant,
      name: required(name),
      visibility: visibility as Visibility | undefined,
      allowPersonalData: values['allow-personal-data'] === true,
    };
    return withCorpus(options, async (admin) =>
      printRows([{ ...(await admin.createCollection(input)) }], options.json),
    );
  }
  if (verb === 'list') {
    return withCorpus(options, async (admin) =>
      printRows(
        (await admin.listCollections(tenant)).map((c) => ({ ...c })),
        options.json,
      ),
    );
  }
  throw new UsageError(USAGE);
}

/** The file's bytes, refused before reading when it is larger than the corpus accepts. */
function readDocument(file: string, maxBytes: number): Uint8Array {
  const size = statSync(file).size;
  if (size > maxBytes) throw ingestErrors.tooLarge(basename(file), size, maxBytes);
  return readFileSync(file);
}

function describe(added: AddedDocument): string {
  const chunks = `${added.chunks} chunk${added.chunks === 1 ? '' : 's'}`;
  return added.created
    ? `added ${added.document.id} v${added.version} (${chunks}, ${added.quarantined} quarantined)`
    : `unchanged ${added.document.id} v${added.version} (same text)`;
}

/** One line per file, whatever happens to the others; exits 1 when any file failed. */
async function add(files: string[], values: Args['values'], options: CliOptions): Promise<void> {
  const collection = required(str(values.collection));
  if (files.length === 0) throw new UsageError(USAGE);
  const tenant = str(values.tenant);
  const provenance: ProvenanceOptions = {
    title: str(values.title),
    publisher: str(values.publisher),
    sourceUri: str(values.source),
    licence: str(values.licence),
    language: str(values.language),
    classification: str(values.classification),
    versionLabel: str(values.version),
    validFrom: str(values['valid-from']),
    validTo: str(values['valid-to']),
  };
  let failed = 0;
  await withCorpus(options, async (admin, config) => {
    for (const file of files) {
      try {
        const bytes = readDocument(file, config.corpus.max_document_bytes);
        const added = await admin.addDocument({
          collection,
          tenant,
          fileName: basename(file),
          bytes,
          provenance,
        });
        console.log(options.json ? JSON.stringify({ file, ...added }) : `${file}: ${describe(added)}`);
      } catch (error) {
        failed++;
        const code = isMizanError(error) ? error.code : undefined;
        const message = (error as Error).message;
        if (options.json) console.log(JSON.stringify({ file, error: { code: code ?? 'error', message } }));
        else console.error(`${file}: error${code ? ` (${code})` : ''}: ${message}`);
      }
    }
  });
  if (failed > 0) process.exitCode = 1;
}

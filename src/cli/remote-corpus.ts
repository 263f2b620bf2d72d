import {
  PROVENANCE_PARAMS,
  type AddedDocument,
  type CorpusAdmin,
  type CorpusSearchResult,
  type DocumentDetail,
} from '../corpus/corpus-admin.js';
import type { Collection, DocumentSummary, Passage } from '../corpus/types.js';
import { MizanError, type ErrorType } from '../errors.js';
import type { LocalServer } from './local-server.js';

type Query = Record<string, string | undefined>;
type Payload = { error?: { code: string; message: string; type: ErrorType; param: string | null } };

/** A request to a running server's admin API: a JSON body, or a file as the raw body. */
interface AdminRequest {
  query?: Query;
  json?: unknown;
  file?: Uint8Array;
}

/** Calls the admin API; an error answer is thrown as the MizanError it was, status, type and param included. */
export async function adminApi<T>(
  server: LocalServer,
  method: string,
  path: string,
  request: AdminRequest = {},
): Promise<T> {
  const params = Object.entries(request.query ?? {}).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const search = params.length > 0 ? `?${new URLSearchParams(params)}` : '';
  const [contentType, body] =
    request.file !== undefined
      ? ['application/octet-stream', request.file]
      : request.json !== undefined
        ? ['application/json', JSON.stringify(request.json)]
        : [undefined, undefined];
  const response = await fetch(`${server.url}/v1/admin${path}${search}`, {
    method,
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    ...(body === undefined ? {} : { body }),
  });
  const payload = (await response.json()) as T & Payload;
  const { error } = payload;
  if (error)
    throw new MizanError(error.code, error.message, {
      status: response.status,
      type: error.type,
      param: error.param,
    });
  return payload;
}

/** JSON carries dates as strings; the CLI prints the same values either way. */
const date = (value: Date | string | null): Date | null =>
  typeof value === 'string' ? new Date(value) : value;
const document = <D extends DocumentSummary>(raw: D): D => ({ ...raw, withdrawnAt: date(raw.withdrawnAt) });

/** The corpus operations of the CLI, over a running server's admin API. */
export function createRemoteCorpus(server: LocalServer): CorpusAdmin {
  const get = <T>(path: string, query?: Query) => adminApi<T>(server, 'GET', path, { query });
  const post = <T>(path: string, request: AdminRequest) => adminApi<T>(server, 'POST', path, request);

  return {
    createCollection: (input) =>
      post<Collection>('/corpus/collections', {
        json: {
          tenant: input.tenant,
          name: input.name,
          visibility: input.visibility,
          allow_personal_data: input.allowPersonalData,
        },
      }),
    listCollections: async (tenant) =>
      (await get<{ data: Collection[] }>('/corpus/collections', { tenant })).data,
    async addDocument(input) {
      const provenance = Object.entries(PROVENANCE_PARAMS).map(([field, param]) => [
        param,
        input.provenance[field as keyof typeof PROVENANCE_PARAMS],
      ]);
      const added = await post<AddedDocument>('/corpus/documents', {
        query: {
          collection: input.collection,
          tenant: input.tenant,
          file_name: input.fileName,
          ...Object.fromEntries(provenance),
        },
        file: input.bytes,
      });
      return { ...added, document: document(added.document) };
    },
    listDocuments: async (collection, tenant) =>
      (await get<{ data: DocumentSummary[] }>('/corpus/documents', { collection, tenant })).data.map(
        document,
      ),
    async getDocument(id) {
      const found = document(await get<DocumentDetail>(`/corpus/documents/${encodeURIComponent(id)}`));
      return { ...found, versions: found.versions.map((v) => ({ ...v, ingestedAt: date(v.ingestedAt)! })) };
    },
    withdraw: async (id, reason) =>
      document(
        await post<DocumentSummary>(`/corpus/documents/${encodeURIComponent(id)}/withdraw`, {
          json: { reason },
        }),
      ),
    async search(question, tenant) {
      const found = await get<{ language: CorpusSearchResult['language']; data: Passage[] }>(
        '/corpus/search',
        { q: question, tenant },
      );
      return { language: found.language, passages: found.data };
    },
  };
}

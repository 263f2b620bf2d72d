import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCorpusAdmin, PROVENANCE_PARAMS, type ProvenanceOptions } from '../../corpus/corpus-admin.js';
import { INGEST_ERROR_CODES } from '../../corpus/ingest/errors.js';
import { errors, MizanError } from '../../errors.js';
import type { Platform } from '../../platform.js';
import { sendError } from '../errors.js';
import { parseWith } from '../openai/parse-with.js';

const tenant = z.string().min(1).optional();
const newCollection = z.strictObject({
  tenant,
  name: z.string().trim().min(1).max(120),
  visibility: z.enum(['public', 'internal']).optional(),
  allow_personal_data: z.boolean().optional(),
});
const byTenant = z.strictObject({ tenant });
const byCollection = z.strictObject({ collection: z.string().min(1), tenant });
const withdrawal = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
const question = z.strictObject({ q: z.string().trim().min(1).max(4000), tenant });

const provenanceParams = Object.entries(PROVENANCE_PARAMS) as [keyof typeof PROVENANCE_PARAMS, string][];
const upload = z.strictObject({
  collection: z.string().min(1),
  tenant,
  file_name: z.string().trim().min(1).max(255),
  ...Object.fromEntries(
    provenanceParams.map(([, param]) => [param, z.string().trim().min(1).max(2000).optional()]),
  ),
});

/** Multipart would need a parser of its own, and a form's fields around the file: the file is the body. */
const isMultipart = (contentType: string | undefined) =>
  contentType?.toLowerCase().startsWith('multipart/') === true;

/**
 * The operator's API for the governed corpus, under `/v1/admin/corpus`: collections, document uploads (the file
 * as the raw request body, its provenance in the query string), versions, withdrawals, and the search the
 * assistant runs. Registered inside the authenticated admin scope. Document texts are never logged.
 */
export function adminCorpusRoutes(admin: FastifyInstance, platform: Platform): void {
  const maxBytes = platform.config.corpus.max_document_bytes;
  const corpus = createCorpusAdmin({
    store: platform.corpus.store,
    retriever: platform.corpus.retriever,
    findTenant: (idOrName) => platform.tenancy.findTenant(idOrName),
    maxBytes,
    ingestedBy: 'admin api',
  });

  admin.register(
    async (app) => {
      app.post('/collections', async (request, reply) => {
        const body = parseWith(newCollection, request.body);
        const collection = await corpus.createCollection({
          tenant: body.tenant,
          name: body.name,
          visibility: body.visibility,
          allowPersonalData: body.allow_personal_data,
        });
        return reply.status(201).send(collection);
      });
      app.get('/collections', async (request) => ({
        data: await corpus.listCollections(parseWith(byTenant, request.query).tenant),
      }));

      app.get('/documents', async (request) => {
        const query = parseWith(byCollection, request.query);
        return { data: await corpus.listDocuments(query.collection, query.tenant) };
      });
      app.get<{ Params: { id: string } }>('/documents/:id', async (request) =>
        corpus.getDocument(request.params.id),
      );
      app.post<{ Params: { id: string } }>('/documents/:id/withdraw', async (request) =>
        corpus.withdraw(request.params.id, parseWith(withdrawal, request.body).reason),
      );

      app.get('/search', async (request) => {
        const query = parseWith(question, request.query);
        const { language, passages } = await corpus.search(query.q, query.tenant);
        return { language, data: passages };
      });

      // The upload has a scope of its own: any body is a file, up to the corpus limit rather than the API's.
      app.register(async (uploads) => {
        uploads.removeAllContentTypeParsers();
        uploads.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body: Buffer, done) =>
          done(null, body),
        );
        uploads.setErrorHandler((error, request, reply) =>
          sendError(
            platform,
            request,
            reply,
            (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE'
              ? errors.tooLarge(
                  INGEST_ERROR_CODES.tooLarge,
                  `documents may be at most ${maxBytes} bytes (corpus.max_document_bytes)`,
                )
              : error,
          ),
        );
        uploads.addHook('onRequest', async (request) => {
          if (isMultipart(request.headers['content-type'])) {
            throw new MizanError(
              'unsupported_media_type',
              'send the file itself as the request body (curl --data-binary @FILE), with its provenance in the query string',
              { status: 415, type: 'invalid_request_error', param: 'content-type' },
            );
          }
        });
        uploads.post('/documents', { bodyLimit: maxBytes }, async (request, reply) => {
          const query = parseWith(upload, request.query) as z.infer<typeof upload> &
            Record<string, string | undefined>;
          const provenance: ProvenanceOptions = Object.fromEntries(
            provenanceParams.map(([field, param]) => [field, query[param]]),
          );
          const added = await corpus.addDocument({
            collection: query.collection,
            tenant: query.tenant,
            fileName: query.file_name,
            bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
            provenance,
          });
          return reply.status(added.created ? 201 : 200).send(added);
        });
      });
    },
    { prefix: '/corpus' },
  );
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const adminCorpusSchemas = { newCollection, byTenant, byCollection, withdrawal, question, upload };

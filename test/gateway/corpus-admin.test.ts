import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentDetail } from '../../src/corpus/corpus-admin.js';
import type { Collection, Passage } from '../../src/corpus/types.js';
import { startGateway, type Gateway } from '../support/gateway-harness.js';

const ADMIN_TOKEN = 'corpus-admin-token-0123456789abcdef';
/** Small limits, so that the upload's own limit is seen to replace the API's and to be enforced. */
const API_BODY_LIMIT = 8 * 1024;
const MAX_DOCUMENT_BYTES = 32 * 1024;

const CNIE_GUIDE = `---
id: guide-cnie
title: Guide du renouvellement de la carte nationale
publisher: Direction générale de la sûreté nationale
source_uri: https://example.ma/guides/cnie
licence: Texte officiel
language: fra_Latn
---
# Renouvellement de la carte nationale

La demande de renouvellement de la carte nationale d'identité électronique se dépose au poste de police du lieu de résidence, avec deux photographies récentes et l'ancienne carte.
`;
const CNIE_GUIDE_V2 = CNIE_GUIDE.replace(
  'deux photographies récentes',
  'deux photographies récentes sur fond blanc',
);
const QUESTION = 'Où déposer la demande de renouvellement de la carte nationale ?';

interface Added {
  document: { id: string; currentVersion: number; withdrawnAt: string | null };
  version: number;
  created: boolean;
  quarantined: number;
  chunks: number;
}
interface ErrorBody {
  error: { code: string; message: string; type: string; param: string | null };
}
type Json = Record<string, unknown>;

describe('corpus admin API: collections, uploads with provenance, versions, withdrawal, and cited answers', () => {
  let gateway: Gateway;
  let collection: Collection;
  let guideId: string;

  before(async () => {
    gateway = await startGateway({
      security: { admin_token: ADMIN_TOKEN },
      server: { body_limit_bytes: API_BODY_LIMIT },
      corpus: { demo: false, max_document_bytes: MAX_DOCUMENT_BYTES },
    });
  });
  after(() => gateway.close());

  async function call<T = Json>(
    method: string,
    path: string,
    json?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${gateway.origin}/v1/admin/corpus${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function upload<T = Added>(
    params: Record<string, string>,
    body: string | Uint8Array,
    contentType = 'text/markdown',
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(
      `${gateway.origin}/v1/admin/corpus/documents?${new URLSearchParams({ collection: collection.id, ...params })}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
        body,
      },
    );
    return { status: response.status, body: (await response.json()) as T };
  }

  const search = (q: string) =>
    call<{ language: string; data: Passage[] }>(
      'GET',
      `/search?${new URLSearchParams({ q, tenant: 'ministry-test' })}`,
    );

  it('refuses every corpus route without the admin token', async () => {
    const response = await fetch(`${gateway.origin}/v1/admin/corpus/collections`);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'invalid_admin_token');
  });

  it('creates a tenant collection (by tenant name) that the listing of that tenant shows', async () => {
    const created = await call<Collection>('POST', '/collections', {
      tenant: 'ministry-test',
      name: 'guides',
      visibility: 'internal',
    });
    assert.equal(created.status, 201);
    collection = created.body;
    assert.match(collection.id, /^col_/);
    assert.deepEqual(
      { ...collection, id: '' },
      {
        id: '',
        tenantId: gateway.tenantId,
        name: 'guides',
        visibility: 'internal',
        allowPersonalData: false,
      },
    );

    const listed = await call<{ data: Collection[] }>('GET', '/collections?tenant=ministry-test');
    assert.deepEqual(
      listed.body.data.map((c) => c.id),
      [collection.id],
    );
    assert.deepEqual(
      (await call<{ data: Collection[] }>('GET', '/collections')).body.data,
      [],
      'the platform has none',
    );
  });

  it('answers 400 with code and param for a bad collection, and 404 for an unknown tenant', async () => {
    const bad = await call<ErrorBody>('POST', '/collections', { name: 'x', visibility: 'secret' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.param, 'visibility');
    const unknownField = await call<ErrorBody>('POST', '/collections', { name: 'x', colour: 'red' });
    assert.deepEqual([unknownField.status, unknownField.body.error.code], [400, 'unknown_parameter']);
    const noTenant = await call<ErrorBody>('POST', '/collections', { tenant: 'nobody', name: 'x' });
    assert.deepEqual([noTenant.status, noTenant.body.error.code], [404, 'tenant_not_found']);
    const taken = await call<ErrorBody>('POST', '/collections', { tenant: gateway.tenantId, name: 'guides' });
    assert.deepEqual([taken.status, taken.body.error.code], [409, 'collection_exists']);
  });

  it('stores a Markdown document with front-matter provenance as version 1', async () => {
    const { status, body } = await upload({ file_name: 'guide-cnie.md' }, CNIE_GUIDE);
    assert.equal(status, 201);
    assert.equal(body.created, true);
    assert.equal(body.version, 1);
    assert.ok(body.chunks >= 1);
    assert.equal(body.quarantined, 0);
    assert.match(body.document.id, /^doc_/);
    assert.equal(body.document.currentVersion, 1);
    guideId = body.document.id;
  });

  it('refuses a document without provenance with 400 missing_provenance', async () => {
    const { status, body } = await upload<ErrorBody>(
      { file_name: 'note.txt' },
      'Une note sans origine ni licence.',
      'text/plain',
    );
    assert.equal(status, 400);
    assert.equal(body.error.code, 'missing_provenance');
    assert.match(body.error.message, /publisher/);
  });

  it('answers 404 collection_not_found for an unknown collection, and 400 for a missing file name', async () => {
    const unknown = await upload<ErrorBody>({ file_name: 'guide.md', collection: 'nowhere' }, CNIE_GUIDE);
    assert.deepEqual(
      [unknown.status, unknown.body.error.code, unknown.body.error.param],
      [404, 'collection_not_found', 'collection'],
    );
    const nameless = await upload<ErrorBody>({}, CNIE_GUIDE);
    assert.deepEqual(
      [nameless.status, nameless.body.error.code, nameless.body.error.param],
      [400, 'missing_required_parameter', 'file_name'],
    );
  });

  it('stores nothing new for the same bytes uploaded again: 200, created false, still version 1', async () => {
    const { status, body } = await upload({ file_name: 'guide-cnie.md' }, CNIE_GUIDE);
    assert.equal(status, 200);
    assert.equal(body.created, false);
    assert.equal(body.version, 1);
    assert.equal(body.document.id, guideId);
  });

  it('stores a changed text as version 2 and keeps version 1 on record with its own sha256', async () => {
    const { status, body } = await upload({ file_name: 'guide-cnie.md' }, CNIE_GUIDE_V2);
    assert.equal(status, 201);
    assert.equal(body.version, 2);
    const shown = await call<DocumentDetail>('GET', `/documents/${guideId}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.currentVersion, 2);
    assert.equal(shown.body.title, 'Guide du renouvellement de la carte nationale');
    assert.equal(shown.body.sourceUri, 'https://example.ma/guides/cnie');
    assert.deepEqual(
      shown.body.versions.map((v) => v.version),
      [1, 2],
    );
    const [v1, v2] = shown.body.versions;
    assert.match(v1!.sha256, /^[0-9a-f]{64}$/);
    assert.match(v2!.sha256, /^[0-9a-f]{64}$/);
    assert.notEqual(v1!.sha256, v2!.sha256);
    assert.equal(v2!.ingestedBy, 'admin api');
  });

  it('refuses a document with a CIN and a phone number in a collection without personal data, and stores nothing', async () => {
    const text = `---
title: Registre des demandes
publisher: Préfecture de test
source_uri: https://example.ma/registre
licence: Usage interne
---
Demande déposée par M. Karim Bennani, CIN BK482913, tél 0612345678, pour le renouvellement de sa carte.
`;
    const { status, body } = await upload<ErrorBody>({ file_name: 'registre.md' }, text);
    assert.equal(status, 400);
    assert.equal(body.error.code, 'personal_data_in_document');
    assert.doesNotMatch(
      body.error.message,
      /BK482913|0612345678/,
      'the error never repeats the personal data',
    );
    const listed = await call<{ data: { externalId: string }[] }>(
      'GET',
      `/documents?collection=${collection.id}`,
    );
    assert.deepEqual(
      listed.body.data.map((d) => d.externalId),
      ['guide-cnie'],
    );
  });

  it('accepts a document larger than the API body limit, and refuses one over the corpus limit with 413 document_too_large', async () => {
    const paragraph =
      "Les horaires d'ouverture du guichet unique sont affichés à l'entrée du bâtiment administratif.\n\n";
    const large = `# Horaires\n\n${paragraph.repeat(Math.ceil((API_BODY_LIMIT * 1.5) / paragraph.length))}`;
    assert.ok(Buffer.byteLength(large) > API_BODY_LIMIT && Buffer.byteLength(large) < MAX_DOCUMENT_BYTES);
    const accepted = await upload(
      {
        file_name: 'horaires.md',
        publisher: 'Préfecture de test',
        source_uri: 'https://example.ma/horaires',
        licence: 'Texte officiel',
      },
      large,
    );
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));

    const tooLarge = await upload<ErrorBody>(
      { file_name: 'big.txt' },
      'x'.repeat(MAX_DOCUMENT_BYTES + 1),
      'application/octet-stream',
    );
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.body.error.code, 'document_too_large');
  });

  it('refuses a file of an unknown format with 415 unsupported_format', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const { status, body } = await upload<ErrorBody>(
      {
        file_name: 'photo.png',
        title: 'Photo',
        publisher: 'P',
        source_uri: 'https://example.ma/p',
        licence: 'L',
      },
      png,
      'image/png',
    );
    assert.equal(status, 415);
    assert.equal(body.error.code, 'unsupported_format');
  });

  it('refuses a multipart upload with 415, telling to send the file as the body', async () => {
    const form = new FormData();
    form.append('file', new Blob([CNIE_GUIDE]), 'guide-cnie.md');
    const response = await fetch(
      `${gateway.origin}/v1/admin/corpus/documents?collection=${collection.id}&file_name=guide-cnie.md`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        body: form,
      },
    );
    assert.equal(response.status, 415);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'unsupported_media_type');
  });

  it('finds the uploaded passage, current version, for a French question', async () => {
    const { status, body } = await search(QUESTION);
    assert.equal(status, 200);
    assert.equal(body.language, 'fra_Latn');
    const hit = body.data[0];
    assert.equal(hit?.documentId, guideId);
    assert.equal(hit.version, 2);
    assert.match(hit.text, /poste de police/);
    assert.equal(hit.title, 'Guide du renouvellement de la carte nationale');
    const missing = await call<ErrorBody>('GET', '/search');
    assert.deepEqual([missing.status, missing.body.error.param], [400, 'q']);
  });

  it('answers a chat question by quoting the uploaded passage, citing its document and version hash', async () => {
    const shown = await call<DocumentDetail>('GET', `/documents/${guideId}`);
    const current = shown.body.versions.find((v) => v.version === shown.body.currentVersion)!;
    const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mizan-extractive', messages: [{ role: 'user', content: QUESTION }] }),
    });
    assert.equal(response.status, 200);
    const completion = (await response.json()) as {
      choices: { message: { content: string } }[];
      mizan: { citations: { document_id: string; version: number; sha256: string; passage: string }[] };
    };
    const [citation] = completion.mizan.citations;
    assert.equal(citation?.document_id, guideId);
    assert.equal(citation.version, 2);
    assert.equal(citation.sha256, current.sha256);
    assert.match(completion.choices[0]!.message.content, /poste de police du lieu de résidence/);
  });

  it('withdraws a document: search no longer returns it, and GET still shows it with withdrawnAt', async () => {
    const withdrawn = await call<DocumentDetail>('POST', `/documents/${guideId}/withdraw`, {
      reason: 'procédure remplacée',
    });
    assert.equal(withdrawn.status, 200);
    assert.ok(withdrawn.body.withdrawnAt && !Number.isNaN(Date.parse(String(withdrawn.body.withdrawnAt))));

    const { body } = await search(QUESTION);
    assert.ok(
      body.data.every((p) => p.documentId !== guideId),
      'a withdrawn document is never retrieved',
    );

    const shown = await call<DocumentDetail>('GET', `/documents/${guideId}`);
    assert.equal(shown.status, 200);
    assert.equal(String(shown.body.withdrawnAt), String(withdrawn.body.withdrawnAt));
    assert.equal(shown.body.versions.length, 2);

    const noReason = await call<ErrorBody>('POST', `/documents/${guideId}/withdraw`, {});
    assert.deepEqual([noReason.status, noReason.body.error.param], [400, 'reason']);
    const unknown = await call<ErrorBody>('POST', '/documents/doc_nope/withdraw', { reason: 'x' });
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'document_not_found']);
    const unknownGet = await call<ErrorBody>('GET', '/documents/doc_nope');
    assert.deepEqual([unknownGet.status, unknownGet.body.error.code], [404, 'document_not_found']);
  });
});

import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import { leafHash } from './merkle.js';
import {
  generateSigningKey,
  keyIdOf,
  publicKeyFrom,
  signingKeyFrom,
  signTreeHead,
  verifyTreeHead,
  type SignedTreeHead,
} from './signed-head.js';

const { key, pkcs8Pem } = generateSigningKey();
const keys = new Map([[key.keyId, key.publicKey]]);
const head = signTreeHead(key, 'mizan-test', 42, leafHash('root'), new Date('2026-11-24T10:00:00.123Z'));

const withCode = (code: string) => (error: unknown) => error instanceof MizanError && error.code === code;

describe('signed tree heads', () => {
  it('signs a head that verifies with the public key', () => {
    assert.equal(head.tree_size, 42);
    assert.equal(head.root_hash, leafHash('root').toString('hex'));
    assert.equal(head.timestamp, '2026-11-24T10:00:00.123Z');
    assert.equal(head.key_id, key.keyId);
    assert.match(head.key_id, /^[0-9a-f]{16}$/);
    assert.equal(verifyTreeHead(head, keys), 'valid');
  });

  it('fails when any signed field changes', () => {
    const changed: Array<Partial<SignedTreeHead>> = [
      { log_id: 'another-log' },
      { tree_size: 43 },
      { root_hash: leafHash('other').toString('hex') },
      { timestamp: '2026-11-24T10:00:00.124Z' },
    ];
    for (const change of changed)
      assert.equal(verifyTreeHead({ ...head, ...change }, keys), 'invalid_signature');
    const other = signTreeHead(key, 'mizan-test', 41, leafHash('root'), new Date());
    assert.equal(verifyTreeHead({ ...head, signature: other.signature }, keys), 'invalid_signature');
  });

  it('knows a head signed by a key it does not trust', () => {
    const stranger = generateSigningKey().key;
    const forged = signTreeHead(stranger, 'mizan-test', 42, leafHash('root'), new Date());
    assert.equal(verifyTreeHead(forged, keys), 'unknown_key');
    // The stranger's signature under the trusted key's id.
    assert.equal(verifyTreeHead({ ...forged, key_id: key.keyId }, keys), 'invalid_signature');
    // A key of another algorithm under the id.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    assert.equal(verifyTreeHead(head, new Map([[key.keyId, rsa]])), 'invalid_signature');
  });

  it('calls a head with a field out of shape malformed', () => {
    const malformed: Array<Record<string, unknown>> = [
      { tree_size: -1 },
      { tree_size: 1.5 },
      { tree_size: '42' },
      { root_hash: 'abc' },
      { root_hash: head.root_hash.toUpperCase() },
      { timestamp: 'yesterday' },
      { timestamp: '2026-11-24T10:00:00Z' },
      { signature: 'not base64!' },
      { signature: Buffer.alloc(10).toString('base64') },
      { key_id: '' },
      { log_id: 7 },
    ];
    for (const change of malformed)
      assert.equal(
        verifyTreeHead({ ...head, ...change } as unknown as SignedTreeHead, keys),
        'malformed',
        JSON.stringify(change),
      );
    assert.equal(verifyTreeHead(null as unknown as SignedTreeHead, keys), 'malformed');
  });

  it('reads the signing key from PKCS#8 PEM, or a hex or base64 seed', () => {
    assert.equal(signingKeyFrom(pkcs8Pem).keyId, key.keyId);
    const seed = randomBytes(32);
    const fromHex = signingKeyFrom(seed.toString('hex'));
    assert.equal(signingKeyFrom(seed.toString('base64')).keyId, fromHex.keyId);
    assert.equal(signingKeyFrom(`${seed.toString('base64url')}\n`).keyId, fromHex.keyId);
    const signed = signTreeHead(fromHex, 'l', 0, leafHash(''), new Date());
    assert.equal(verifyTreeHead(signed, new Map([[fromHex.keyId, fromHex.publicKey]])), 'valid');
  });

  it('refuses anything else without repeating it', () => {
    const secret = randomBytes(31).toString('hex');
    const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    for (const text of [secret, 'correct horse battery staple', '', rsaPem, key.publicKeyPem]) {
      assert.throws(
        () => signingKeyFrom(text),
        (error: unknown) =>
          withCode('audit_key_invalid')(error) &&
          !(error as Error).message.includes(text.slice(0, 20) || '\u0000'),
      );
    }
  });

  it('reads a public key from SPKI PEM, with the same id as the signer', () => {
    const { keyId, publicKey } = publicKeyFrom(key.publicKeyPem);
    assert.equal(keyId, key.keyId);
    assert.equal(keyIdOf(publicKey), key.keyId);
    assert.throws(() => publicKeyFrom('not a key'), withCode('public_key_invalid'));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    assert.throws(() => publicKeyFrom(rsa.toString()), withCode('public_key_invalid'));
  });
});

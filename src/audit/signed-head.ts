import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { errors } from '../errors.js';
import { canonicalJson } from './canonical.js';

/** A signed tree head: the log's size and root at a time, signed by the log's key (RFC 6962 section 3.5, in JSON). */
export interface SignedTreeHead {
  log_id: string;
  tree_size: number;
  /** SHA-256 root, 64 lowercase hex digits. */
  root_hash: string;
  /** ISO 8601, UTC, with milliseconds. */
  timestamp: string;
  key_id: string;
  /** Base64 Ed25519 signature of the head's canonical JSON (see `signedBytes`). */
  signature: string;
}

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

/** Names the message format, so a head's signature can never be replayed as a signature over anything else. */
const HEAD_TYPE = 'mizan-audit-sth/v1';

/** The first 8 bytes of the SHA-256 of the public key (SubjectPublicKeyInfo, DER), in hex. */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

// The PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const HEX_SEED = /^[0-9a-fA-F]{64}$/;
const BASE64_SEED = /^[A-Za-z0-9+/_-]{43}=?$/;

const fromPrivateKey = (privateKey: KeyObject): SigningKey => {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

/**
 * The log's signing key from its text: an Ed25519 private key in PKCS#8 PEM, or a 32-byte seed in hex or base64.
 * The error never repeats the text, which is a secret.
 */
export function signingKeyFrom(text: string): SigningKey {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) return fromPrivateKey(createPrivateKey(trimmed));
    const seed = HEX_SEED.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : BASE64_SEED.test(trimmed)
        ? Buffer.from(trimmed, 'base64')
        : undefined;
    if (seed?.length !== 32) throw new Error('not a 32-byte seed');
    const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
    return fromPrivateKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  } catch {
    throw errors.internal(
      'audit_key_invalid',
      'the audit signing key must be an Ed25519 private key in PKCS#8 PEM, or a 32-byte seed in hex or base64',
    );
  }
}

export function generateSigningKey(): { key: SigningKey; pkcs8Pem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    key: fromPrivateKey(privateKey),
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A verifier's public key, from SubjectPublicKeyInfo PEM. */
export function publicKeyFrom(text: string): { keyId: string; publicKey: KeyObject } {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: text.trim(), format: 'pem' });
  } catch {
    throw errors.invalidRequest(
      'public_key_invalid',
      'the public key is not a PEM public key (SPKI)',
      'public_key',
    );
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw errors.invalidRequest('public_key_invalid', 'the public key must be an Ed25519 key', 'public_key');
  return { keyId: keyIdOf(publicKey), publicKey };
}

/** What is signed: the head without its signature, as canonical JSON, under a type that names the format. */
const signedBytes = (head: Omit<SignedTreeHead, 'signature'>): Buffer =>
  Buffer.from(
    canonicalJson({
      type: HEAD_TYPE,
      log_id: head.log_id,
      tree_size: head.tree_size,
      root_hash: head.root_hash,
      timestamp: head.timestamp,
      key_id: head.key_id,
    }),
    'utf8',
  );

export function signTreeHead(
  key: SigningKey,
  logId: string,
  treeSize: number,
  rootHash: Buffer,
  timestamp: Date,
): SignedTreeHead {
  const head = {
    log_id: logId,
    tree_size: treeSize,
    root_hash: rootHash.toString('hex'),
    timestamp: timestamp.toISOString(),
    key_id: key.keyId,
  };
  return { ...head, signature: sign(null, signedBytes(head), key.privateKey).toString('base64') };
}

const ROOT_HASH = /^[0-9a-f]{64}$/;
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ED25519_SIGNATURE_BYTES = 64;

/** Whether a value read from a file has the shape of a signed tree head, before any signature is checked. */
export function isWellFormedHead(head: unknown): head is SignedTreeHead {
  if (typeof head !== 'object' || head === null) return false;
  const h = head as Record<string, unknown>;
  return (
    typeof h.log_id === 'string' &&
    typeof h.tree_size === 'number' &&
    Number.isSafeInteger(h.tree_size) &&
    h.tree_size >= 0 &&
    typeof h.root_hash === 'string' &&
    ROOT_HASH.test(h.root_hash) &&
    typeof h.timestamp === 'string' &&
    UTC_MILLIS.test(h.timestamp) &&
    !Number.isNaN(Date.parse(h.timestamp)) &&
    typeof h.key_id === 'string' &&
    h.key_id.length > 0 &&
    typeof h.signature === 'string' &&
    BASE64.test(h.signature) &&
    Buffer.from(h.signature, 'base64').length === ED25519_SIGNATURE_BYTES
  );
}

/** Checks a head's signature against the keys the verifier trusts, by key id. */
export function verifyTreeHead(
  head: SignedTreeHead,
  keys: ReadonlyMap<string, KeyObject>,
): 'valid' | 'unknown_key' | 'invalid_signature' | 'malformed' {
  if (!isWellFormedHead(head)) return 'malformed';
  const key = keys.get(head.key_id);
  if (!key) return 'unknown_key';
  try {
    return verify(null, signedBytes(head), key, Buffer.from(head.signature, 'base64'))
      ? 'valid'
      : 'invalid_signature';
  } catch {
    // A key of another algorithm under that id cannot have made this signature.
    return 'invalid_signature';
  }
}

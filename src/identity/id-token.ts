import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { errors } from '../errors.js';

/** Signatures an ID token may carry: asymmetric only, so that no one holding the client secret can mint one. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Leeway for clocks that drift between the provider and the gateway. */
const CLOCK_TOLERANCE_S = 60;

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** The nonce sent with this sign-in's authorization request. */
  nonce: string;
  keys: JWTVerifyGetKey;
  /** For tests of expiry; the current time otherwise. */
  currentDate?: Date;
}

const invalid = (why: string) =>
  errors.unauthenticated('invalid_id_token', `the identity provider's ID token was refused: ${why}`);

/**
 * Validates an ID token as OpenID Connect Core §3.1.3.7 asks: signature by the provider's published keys, issuer,
 * audience (and authorised party when there are several), expiry and issue time, and the nonce of this sign-in.
 */
export async function validateIdToken(token: string, expected: IdTokenExpectations): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, expected.keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['sub', 'iat', 'exp'],
      ...(expected.currentDate ? { currentDate: expected.currentDate } : {}),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw invalid('it has expired');
    if (error instanceof joseErrors.JWTClaimValidationFailed)
      throw invalid(`its "${error.claim}" claim is not this sign-in's`);
    if (error instanceof joseErrors.JOSEError) throw invalid(`${error.code}`);
    throw error;
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId)
    throw invalid('it was issued to another party (azp)');
  if (payload.nonce !== expected.nonce) throw invalid("its nonce is not this sign-in's");
  return payload;
}

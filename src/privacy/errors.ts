import { errors, type MizanError } from '../errors.js';

/**
 * Coded errors of the privacy layer. Messages name types, codes and counts, never the text being scanned: an error
 * may be logged, and the text is personal data.
 */
export const PRIVACY_ERROR_CODES = {
  /** Detection threw: the caller must fail closed (refuse the request), never forward the raw text. */
  detectionFailed: 'privacy_detection_failed',
  /** The text to scan is not a string. */
  invalidInput: 'privacy_invalid_input',
  /** A scan option is out of range (threshold outside [0, 1], an unknown entity type). */
  invalidOption: 'privacy_invalid_option',
  /** An entity type was asked for that no registered recognizer detects. */
  noRecognizer: 'privacy_no_recognizer',
  /** A recognizer is malformed (pattern without the `g` flag, unknown entity, score out of range): a boot error. */
  invalidRecognizer: 'privacy_invalid_recognizer',
} as const;

export type PrivacyErrorCode = (typeof PRIVACY_ERROR_CODES)[keyof typeof PRIVACY_ERROR_CODES];

export const privacyErrors = {
  detectionFailed: (cause: unknown): MizanError =>
    errors.internal(
      PRIVACY_ERROR_CODES.detectionFailed,
      'personal-data detection failed; the text was not processed',
      cause,
    ),
  invalidInput: (what: string): MizanError =>
    errors.invalidRequest(
      PRIVACY_ERROR_CODES.invalidInput,
      `the text to scan must be a string (got ${what})`,
    ),
  invalidOption: (param: string, message: string): MizanError =>
    errors.invalidRequest(PRIVACY_ERROR_CODES.invalidOption, message, param),
  noRecognizer: (types: readonly string[]): MizanError =>
    errors.invalidRequest(
      PRIVACY_ERROR_CODES.noRecognizer,
      `no registered recognizer detects ${types.join(', ')}`,
      'types',
    ),
  invalidRecognizer: (entity: string, message: string): MizanError =>
    errors.internal(PRIVACY_ERROR_CODES.invalidRecognizer, `recognizer ${entity}: ${message}`),
};

/**
 * The recognizer registry: an explicit list, in tie-break order (on equal score, validation and length, the earlier
 * one wins). A test (index.test.ts) fails when a recognizer module in this folder is missing from
 * `defaultRecognizers`; helper modules are listed there by name.
 */
import type { Recognizer } from '../types.js';
import { address } from './address.js';
import { dateOfBirth } from './date-of-birth.js';
import { email } from './email.js';
import { iban } from './iban.js';
import { ipAddress } from './ip-address.js';
import { maCin } from './ma-cin.js';
import { maCnss } from './ma-cnss.js';
import { maIce } from './ma-ice.js';
import { maMassar } from './ma-massar.js';
import { maPassport } from './ma-passport.js';
import { maPhone } from './ma-phone.js';
import { maPlate } from './ma-plate.js';
import { maRib } from './ma-rib.js';
import { paymentCard } from './payment-card.js';
import { person } from './person.js';
import { sensitiveRecognizers } from './sensitive.js';

/** Identifiers with a fixed shape (patterns, checksums, context words). */
export const structuredRecognizers: readonly Recognizer[] = [
  maMassar,
  maPassport,
  iban,
  maRib,
  maIce,
  paymentCard,
  maPhone,
  maCin,
  maCnss,
  maPlate,
  email,
  ipAddress,
  dateOfBirth,
];

/** Found by cues, gazetteers and lexicons rather than by shape. */
export const contextualRecognizers: readonly Recognizer[] = [person, address, ...sensitiveRecognizers];

/** Everything the default scanner runs; structured identifiers first, so they win ties. */
export const defaultRecognizers: readonly Recognizer[] = [...structuredRecognizers, ...contextualRecognizers];

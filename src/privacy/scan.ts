/**
 * The library entry point: `scan(text, options)` over the default recognizers. Offsets are JavaScript string
 * indices in `text`, end exclusive. Throws a coded MizanError (privacy_detection_failed, …): callers must fail
 * closed and never forward the text on error.
 */
import { createScanner } from './engine.js';
import { defaultRecognizers } from './recognizers/index.js';
import type { Entity, EntityType } from './types.js';

const defaultScanner = createScanner(defaultRecognizers);

export function scan(text: string, options?: { types?: EntityType[]; threshold?: number }): Entity[] {
  return defaultScanner.scan(text, options);
}

/** The entity types `scan` can detect. */
export const scannableTypes: readonly EntityType[] = defaultScanner.entities;

import { ENTITY_LABELS } from '../../../src/privacy/entity-labels.js';
import { defineMessages } from './messages.js';

/** The personal-data categories of the privacy layer (src/privacy/types.ts), in plain words. */
export const entityMessages = defineMessages(ENTITY_LABELS);

/**
 * The `changes` catalogue (the audit log's change lines) in both languages: written in English by
 * src/domain/database-changes.ts, read back and shown in the reader's language by
 * src/i18n/change-text.ts (ADR 0035).
 *
 * Pure: data and the identity `defineMessages`.
 */
import { changesEn } from './catalogues/changes.en';
import { changesNl } from './catalogues/changes.nl';
import { defineMessages } from './messages';

export const changeMessages = defineMessages({ en: changesEn, nl: changesNl });

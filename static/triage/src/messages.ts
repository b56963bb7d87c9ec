/**
 * The triage view's texts: the shared `common` catalogue plus its own `triage` one, with the React
 * kit bound to them.
 */
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { triageEn } from '../../../src/i18n/catalogues/triage.en';
import { triageNl } from '../../../src/i18n/catalogues/triage.nl';
import { defineMessages } from '../../../src/i18n/messages';
import { createI18nKit } from '../../shared/i18n-context';

export const triageMessages = defineMessages({
  en: { ...commonEn, ...triageEn },
  nl: { ...commonNl, ...triageNl },
});

export const { I18nProvider, useI18n } = createI18nKit(triageMessages);

export type TriageI18n = ReturnType<typeof useI18n>;

/**
 * The review report page's texts: the shared `common`, `compliance` and `renewals` catalogues plus its own
 * `reports` one (and nothing of the other apps), with the React kit bound to them.
 */
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { complianceEn } from '../../../src/i18n/catalogues/compliance.en';
import { complianceNl } from '../../../src/i18n/catalogues/compliance.nl';
import { renewalsEn } from '../../../src/i18n/catalogues/renewals.en';
import { renewalsNl } from '../../../src/i18n/catalogues/renewals.nl';
import { reportsEn } from '../../../src/i18n/catalogues/reports.en';
import { reportsNl } from '../../../src/i18n/catalogues/reports.nl';
import { defineMessages } from '../../../src/i18n/messages';
import { createI18nKit } from '../../shared/i18n-context';

export const reportsMessages = defineMessages({
  en: { ...commonEn, ...complianceEn, ...renewalsEn, ...reportsEn },
  nl: { ...commonNl, ...complianceNl, ...renewalsNl, ...reportsNl },
});

export const { I18nProvider, useI18n } = createI18nKit(reportsMessages);

export type ReportsI18n = ReturnType<typeof useI18n>;

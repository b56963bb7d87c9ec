/**
 * The terms forms' texts: the shared `common` catalogue, the admin page's (errors, results, the
 * words both pages use) and the forms' own `terms` one, with the React kit bound to them.
 */
import { adminEn } from '../../../src/i18n/catalogues/admin.en';
import { adminNl } from '../../../src/i18n/catalogues/admin.nl';
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { termsEn } from '../../../src/i18n/catalogues/terms.en';
import { termsNl } from '../../../src/i18n/catalogues/terms.nl';
import { defineMessages, type Translate } from '../../../src/i18n/messages';
import { createI18nKit } from '../../shared/i18n-context';

export const termsMessages = defineMessages({ en: { ...commonEn, ...adminEn, ...termsEn }, nl: { ...commonNl, ...adminNl, ...termsNl } });

export type TermsTranslate = Translate<typeof termsMessages.en>;

export const { I18nProvider, useI18n } = createI18nKit(termsMessages);

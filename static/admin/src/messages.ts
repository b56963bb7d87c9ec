/**
 * The admin settings page's texts: the shared `common` and `renewals` catalogues plus its own `admin` one (and
 * nothing of the other apps), with the React kit bound to them. Components take `useI18n` from here.
 */
import { adminEn } from '../../../src/i18n/catalogues/admin.en';
import { adminNl } from '../../../src/i18n/catalogues/admin.nl';
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { renewalsEn } from '../../../src/i18n/catalogues/renewals.en';
import { renewalsNl } from '../../../src/i18n/catalogues/renewals.nl';
import { defineMessages, type Translate } from '../../../src/i18n/messages';
import { createI18nKit, type I18n } from '../../shared/i18n-context';

export const adminMessages = defineMessages({ en: { ...commonEn, ...renewalsEn, ...adminEn }, nl: { ...commonNl, ...renewalsNl, ...adminNl } });

export type AdminCatalogue = typeof adminMessages.en;
export type AdminTranslate = Translate<AdminCatalogue>;
export type AdminI18n = I18n<AdminCatalogue>;

export const { I18nProvider, useI18n } = createI18nKit(adminMessages);

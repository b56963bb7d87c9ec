/**
 * The portal panels' texts: the shared `common` catalogue plus the `portal` one (nothing of the
 * other apps), with the React kit bound to them. Components take `useI18n` from here.
 */
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { portalEn } from '../../../src/i18n/catalogues/portal.en';
import { portalNl } from '../../../src/i18n/catalogues/portal.nl';
import { defineMessages, type Translate } from '../../../src/i18n/messages';
import { createI18nKit, type I18n } from '../../shared/i18n-context';

export const portalMessages = defineMessages({ en: { ...commonEn, ...portalEn }, nl: { ...commonNl, ...portalNl } });

export type PortalCatalogue = typeof portalMessages.en;
export type PortalTranslate = Translate<PortalCatalogue>;
export type PortalI18n = I18n<PortalCatalogue>;

export const { I18nProvider, useI18n } = createI18nKit(portalMessages);

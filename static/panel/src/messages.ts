/**
 * The issue panel's texts: the shared `common` catalogue plus its own `panel` one (and nothing of
 * the other apps), with the React kit bound to them. Components take `useI18n` from here.
 */
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { panelEn } from '../../../src/i18n/catalogues/panel.en';
import { panelNl } from '../../../src/i18n/catalogues/panel.nl';
import { defineMessages, type Translate } from '../../../src/i18n/messages';
import { createI18nKit, type I18n } from '../../shared/i18n-context';

export const panelMessages = defineMessages({ en: { ...commonEn, ...panelEn }, nl: { ...commonNl, ...panelNl } });

export type PanelCatalogue = typeof panelMessages.en;
export type PanelTranslate = Translate<PanelCatalogue>;
export type PanelI18n = I18n<PanelCatalogue>;

export const { I18nProvider, useI18n } = createI18nKit(panelMessages);

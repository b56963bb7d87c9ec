/**
 * The gadget's texts: the shared `common` and `compliance` catalogues plus its own `gadget` one (and
 * nothing of the other apps), with the React kit bound to them.
 */
import { commonEn } from '../../../src/i18n/catalogues/common.en';
import { commonNl } from '../../../src/i18n/catalogues/common.nl';
import { complianceEn } from '../../../src/i18n/catalogues/compliance.en';
import { complianceNl } from '../../../src/i18n/catalogues/compliance.nl';
import { gadgetEn } from '../../../src/i18n/catalogues/gadget.en';
import { gadgetNl } from '../../../src/i18n/catalogues/gadget.nl';
import { defineMessages } from '../../../src/i18n/messages';
import { createI18nKit } from '../../shared/i18n-context';

export const gadgetMessages = defineMessages({
  en: { ...commonEn, ...complianceEn, ...gadgetEn },
  nl: { ...commonNl, ...complianceNl, ...gadgetNl },
});

export const { I18nProvider, useI18n } = createI18nKit(gadgetMessages);

export type GadgetI18n = ReturnType<typeof useI18n>;

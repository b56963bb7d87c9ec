/**
 * The gadget's resolver calls, one function per `gadget/...` key; each answers a parsed envelope and
 * never throws. The configuration is not sent: the resolver reads the one Jira saved for this gadget.
 */
import { GADGET_RESOLVER_KEYS, gadgetOptionsSchema, gadgetViewSchema } from '../../../src/contract/compliance-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const gadgetClient = {
  get: () => invokeResolver(GADGET_RESOLVER_KEYS.get, {}, gadgetViewSchema),
  options: () => invokeResolver(GADGET_RESOLVER_KEYS.options, {}, gadgetOptionsSchema),
};

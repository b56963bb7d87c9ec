/**
 * The portal panels' resolver calls, one function per `portal/...` key, each pairing the key with
 * its answer schema from src/contract/portal-api.ts. Every function answers a parsed envelope and
 * never throws.
 */
import { myContractViewSchema, PORTAL_RESOLVER_KEYS, portalRequestViewSchema } from '../../../src/contract/portal-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const portalClient = {
  /** The agreement and expected times of the request in the Forge context. */
  request: () => invokeResolver(PORTAL_RESOLVER_KEYS.request, {}, portalRequestViewSchema),
  /** The contracts of the caller's organizations. */
  myContract: () => invokeResolver(PORTAL_RESOLVER_KEYS.myContract, {}, myContractViewSchema),
};

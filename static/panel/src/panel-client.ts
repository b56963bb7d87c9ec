/**
 * The panel's resolver calls, one function per `panel/...` key, each pairing the key with its
 * payload type and answer schema from src/contract/panel-api.ts. Every function answers a parsed
 * envelope and never throws.
 */
import {
  actionResultSchema,
  PANEL_RESOLVER_KEYS,
  panelViewSchema,
  postMessageResultSchema,
  promisePreviewSchema,
  reapplyPreviewSchema,
  type ExtendPayload,
  type PausePayload,
  type PostMessagePayload,
  type PreviewPromisePayload,
  type PreviewReapplyPayload,
  type ReapplyPayload,
  type ResumePayload,
} from '../../../src/contract/panel-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const panelClient = {
  /** The whole view model of the issue in the Forge context. */
  get: () => invokeResolver(PANEL_RESOLVER_KEYS.get, {}, panelViewSchema),
  postMessage: (payload: PostMessagePayload) =>
    invokeResolver(PANEL_RESOLVER_KEYS.postMessage, payload, postMessageResultSchema),
  previewReapply: (payload: PreviewReapplyPayload) =>
    invokeResolver(PANEL_RESOLVER_KEYS.previewReapply, payload, reapplyPreviewSchema),
  reapply: (payload: ReapplyPayload) => invokeResolver(PANEL_RESOLVER_KEYS.reapply, payload, actionResultSchema),
  /** The instant a promise choice means and the "deadline missed" draft naming it; stores nothing. */
  previewPromise: (payload: PreviewPromisePayload) =>
    invokeResolver(PANEL_RESOLVER_KEYS.previewPromise, payload, promisePreviewSchema),
  pause: (payload: PausePayload) => invokeResolver(PANEL_RESOLVER_KEYS.pause, payload, actionResultSchema),
  resume: (payload: ResumePayload) => invokeResolver(PANEL_RESOLVER_KEYS.resume, payload, actionResultSchema),
  extend: (payload: ExtendPayload) => invokeResolver(PANEL_RESOLVER_KEYS.extend, payload, actionResultSchema),
};

/**
 * Jira calls for the app's own custom field ("Contract deadline", manifest `jira:customField`):
 * find the site's field ids (the JSM request type and organizations fields, and ours), and write
 * our field's value.
 *
 * Our field is recognised by the installation that owns it: its extension ARI
 * `ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey}` (GET /field's
 * `schema.custom`), or, where a site lists no ARI, the key `{appId}__{ENVIRONMENT}__{moduleKey}`.
 * A site with the development and the production install has two such fields; each install finds
 * only its own.
 *
 * Endpoints: GET /rest/api/3/field (read:jira-work), PUT /rest/api/3/app/field/{fieldIdOrKey}/value
 * (write:app-data:jira). What this module may not do: write other fields, log.
 */
import { jiraAppFieldValueUpdateBodySchema, jiraFieldListSchema, type JiraField } from '../../contract/jira-api';
import type { DiscoverFieldIds, JiraFieldIds, SetContractDeadline } from '../../app/jira-ports';
import { checkBody, type JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** Manifest module key of the read-only `jira:customField` "Contract deadline". */
export const CONTRACT_DEADLINE_MODULE_KEY = 'contract-deadline';
export const JSM_REQUEST_TYPE_FIELD_TYPE = 'com.atlassian.servicedesk:vp-origin';
export const JSM_ORGANIZATIONS_FIELD_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';

/** Which installation of the app is asking: Forge's `getAppContext()` in production. */
export interface AppInstallation {
  /** The uuid of the app (`app.id` without `ari:cloud:ecosystem::app/`). */
  readonly appId: string;
  /** The uuid of the environment the app is deployed to. */
  readonly environmentId: string;
  /** `DEVELOPMENT`, `STAGING` or `PRODUCTION` (Forge's `environmentType`). */
  readonly environmentType: string;
}

/**
 * Picks the field ids the app needs out of GET /rest/api/3/field: the JSM request type and
 * organizations fields by `schema.custom`, and this installation's "Contract deadline" field by its
 * extension ARI or, failing that, its exact key — never another installation's field of the same
 * module key.
 *
 * @example findFieldIds(fields, { appId, environmentId, environmentType: 'PRODUCTION' }).contractDeadline // 'customfield_10051'
 */
export function findFieldIds(
  fields: readonly JiraField[],
  installation: AppInstallation,
  moduleKey: string = CONTRACT_DEADLINE_MODULE_KEY,
): JiraFieldIds {
  const byCustomType = (type: string): string | null => fields.find((field) => field.schema?.custom === type)?.id ?? null;
  const ari = `ari:cloud:ecosystem::extension/${installation.appId}/${installation.environmentId}/static/${moduleKey}`;
  const key = `${installation.appId}__${installation.environmentType.toUpperCase()}__${moduleKey}`;
  const deadline =
    fields.find((field) => field.custom && field.schema?.custom === ari) ??
    fields.find((field) => field.custom && field.schema?.custom === undefined && field.key === key);
  return {
    requestType: byCustomType(JSM_REQUEST_TYPE_FIELD_TYPE),
    organizations: byCustomType(JSM_ORGANIZATIONS_FIELD_TYPE),
    contractDeadline: deadline?.id ?? null,
  };
}

/** @example const { discoverFieldIds } = createAppFieldCalls(caller, () => installation); */
export function createAppFieldCalls(
  caller: JiraCaller,
  installation: () => AppInstallation,
): { discoverFieldIds: DiscoverFieldIds; setContractDeadline: SetContractDeadline } {
  return {
    async discoverFieldIds() {
      const fields = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/field` }, jiraFieldListSchema);
      return findFieldIds(fields, installation());
    },
    async setContractDeadline(input) {
      if (!/^\d+$/.test(input.issueId)) throw new RangeError(`setContractDeadline needs a numeric issue id, got "${input.issueId}"`);
      const body = checkBody(
        jiraAppFieldValueUpdateBodySchema,
        { updates: [{ issueIds: [Number(input.issueId)], value: input.deadline === null ? null : input.deadline.toISOString() }] },
        'app field value update',
      );
      const query: Record<string, string> = {};
      if (input.generateChangelog !== undefined) query.generateChangelog = String(input.generateChangelog);
      if (input.generateAppEvents !== undefined) query.generateAppEvents = String(input.generateAppEvents);
      await caller.callWithoutBody({
        method: 'PUT',
        path: jiraPath`/rest/api/3/app/field/${input.fieldIdOrKey}/value`,
        ...(Object.keys(query).length === 0 ? {} : { query }),
        body,
      });
    },
  };
}

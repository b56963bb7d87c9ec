/**
 * Jira calls on issue entity properties: write one (the `contract-clock` record), or delete it when a
 * write that created it did not land in app storage. Reading happens with the issue
 * (`properties=contract-clock` on GET issue), so no read call is kept here.
 *
 * Endpoints: PUT and DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}, scope write:jira-work.
 * What this module may not do: log, or decide what is written.
 */
import type { DeleteIssueProperty, SetIssueProperty } from '../../app/jira-ports';
import { httpError, isSuccess, type JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/**
 * Jira's limit on the JSON text of one entity property value, in UTF-8 bytes: Jira answers 400 to a
 * value of 32 768 characters that takes more bytes (a non-ASCII reason is 2–4 bytes a character).
 */
export const ISSUE_PROPERTY_MAX_BYTES = 32_768;

/** @example const { setIssueProperty } = createIssuePropertyCalls(caller); */
export function createIssuePropertyCalls(caller: JiraCaller): { setIssueProperty: SetIssueProperty; deleteIssueProperty: DeleteIssueProperty } {
  return {
    async setIssueProperty(issueIdOrKey, propertyKey, value) {
      if (value === undefined) throw new TypeError('An issue property value must be a JSON value, not undefined');
      const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
      if (size > ISSUE_PROPERTY_MAX_BYTES) {
        // Refused here rather than by Jira's 400 so the caller gets a clear reason and nothing is half-written.
        throw new RangeError(`Issue property "${propertyKey}" is ${size} bytes; Jira stores at most ${ISSUE_PROPERTY_MAX_BYTES}`);
      }
      const response = await caller.callWithoutBody({
        method: 'PUT',
        path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
        body: value,
      });
      return response.status === 201 ? 'created' : 'updated';
    },
    async deleteIssueProperty(issueIdOrKey, propertyKey) {
      const request = { method: 'DELETE' as const, path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}` };
      const response = await caller.exchange(request);
      if (response.status === 404) return false;
      if (!isSuccess(response.status)) throw httpError(request, response);
      return true;
    },
  };
}

/**
 * Jira call on issue entity properties: write one (the `contract-clock` record). Reading happens
 * with the issue (`properties=contract-clock` on GET issue), so no read call is kept here.
 *
 * Endpoint: PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}, scope write:jira-work.
 * What this module may not do: log, or decide what is written.
 */
import type { SetIssueProperty } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** Jira's limit on the JSON text of one entity property value. */
export const ISSUE_PROPERTY_MAX_CHARS = 32_768;

/** @example const { setIssueProperty } = createIssuePropertyCalls(caller); */
export function createIssuePropertyCalls(caller: JiraCaller): { setIssueProperty: SetIssueProperty } {
  return {
    async setIssueProperty(issueIdOrKey, propertyKey, value) {
      if (value === undefined) throw new TypeError('An issue property value must be a JSON value, not undefined');
      const size = JSON.stringify(value).length;
      if (size > ISSUE_PROPERTY_MAX_CHARS) {
        // Refused here rather than by Jira's 400 so the caller gets a clear reason and nothing is half-written.
        throw new RangeError(`Issue property "${propertyKey}" is ${size} characters; Jira stores at most ${ISSUE_PROPERTY_MAX_CHARS}`);
      }
      const response = await caller.callWithoutBody({
        method: 'PUT',
        path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
        body: value,
      });
      return response.status === 201 ? 'created' : 'updated';
    },
  };
}

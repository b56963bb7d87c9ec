/**
 * Jira calls on comments: read one comment with its JSM visibility, and post a JSM public reply or
 * internal note. Posting is a POST that may have reached Jira when no answer comes back, so the
 * retry policy repeats it only on 429 (see retry.ts and ADR 0011).
 *
 * Endpoints: GET /rest/api/3/issue/{issueIdOrKey}/comment/{id} and GET
 * /rest/api/3/issue/{issueIdOrKey}/comment?orderBy=created (read:jira-work),
 * POST /rest/servicedeskapi/request/{issueIdOrKey}/comment (write:servicedesk-request).
 * What this module may not do: log, or decide what a comment means for the clock.
 */
import {
  SD_PUBLIC_COMMENT_PROPERTY,
  jiraCommentPageSchema,
  jiraCommentSchema,
  jsmCommentCreateBodySchema,
  jsmCommentSchema,
  sdPublicCommentValueSchema,
  type JiraComment,
} from '../../contract/jira-api';
import type { AddRequestComment, CommentSnapshot, GetComment, ListFirstComments } from '../../app/jira-ports';
import { checkBody, type JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** @example const { getComment } = createCommentCalls(caller); */
export function createCommentCalls(caller: JiraCaller): { getComment: GetComment; listFirstComments: ListFirstComments; addRequestComment: AddRequestComment } {
  return {
    async getComment(issueIdOrKey, commentId) {
      const comment = await caller.call(
        { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment/${commentId}`, query: { expand: 'properties' } },
        jiraCommentSchema,
      );
      return commentSnapshot(comment);
    },
    async listFirstComments(issueIdOrKey, maxResults) {
      const page = await caller.call(
        {
          method: 'GET',
          path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment`,
          query: { orderBy: 'created', startAt: '0', maxResults: String(maxResults), expand: 'properties' },
        },
        jiraCommentPageSchema,
      );
      return page.comments.map(commentSnapshot);
    },
    async addRequestComment(issueIdOrKey, comment) {
      const body = checkBody(jsmCommentCreateBodySchema, { body: comment.body, public: comment.isPublic }, 'request comment');
      const created = await caller.call(
        { method: 'POST', path: jiraPath`/rest/servicedeskapi/request/${issueIdOrKey}/comment`, body },
        jsmCommentSchema,
      );
      return { id: created.id, isPublic: created.public, createdAt: new Date(created.created.epochMillis) };
    },
  };
}

function commentSnapshot(comment: JiraComment): CommentSnapshot {
  const visibility = comment.properties?.find((property) => property.key === SD_PUBLIC_COMMENT_PROPERTY);
  const internal = visibility === undefined ? undefined : sdPublicCommentValueSchema.safeParse(visibility.value).data?.internal;
  // Either signal of "internal" wins: telling a customer an internal note was a reply is the worse mistake.
  const isPublic = comment.jsdPublic !== false && internal !== true;
  return {
    id: comment.id,
    authorAccountId: comment.author?.accountId ?? null,
    authorAccountType: comment.author?.accountType ?? null,
    createdAt: comment.created,
    isPublic,
  };
}

/**
 * Jira calls on comments: read one comment with its JSM visibility, post a JSM public reply or
 * internal note (as a user), post the app's marked internal note and find it again (ADR 0031).
 * Posting is a POST that may have reached Jira when no answer comes back, so the retry policy
 * repeats it only on 429 (see retry.ts and ADR 0011); the app's notes carry a marker so that the
 * caller can look before it posts again.
 *
 * Endpoints: GET /rest/api/3/issue/{issueIdOrKey}/comment/{id} and GET
 * /rest/api/3/issue/{issueIdOrKey}/comment?orderBy=created|-created (read:jira-work),
 * POST /rest/servicedeskapi/request/{issueIdOrKey}/comment (write:servicedesk-request),
 * POST /rest/api/3/issue/{issueIdOrKey}/comment with comment properties (write:jira-work).
 * What this module may not do: log, or decide what a comment means for the clock.
 */
import {
  appNoteMarkerSchema,
  jiraCommentCreateBodySchema,
  SD_PUBLIC_COMMENT_PROPERTY,
  jiraCommentPageSchema,
  jiraCommentSchema,
  jsmCommentCreateBodySchema,
  jsmCommentSchema,
  sdPublicCommentValueSchema,
  type JiraComment,
} from '../../contract/jira-api';
import { APP_NOTE_PROPERTY_KEY, type AddInternalNote, type AddRequestComment, type CommentSnapshot, type FindAppNote, type GetComment, type ListFirstComments } from '../../app/jira-ports';
import { checkBody, type JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** @example const { getComment } = createCommentCalls(caller); */
export function createCommentCalls(caller: JiraCaller): {
  getComment: GetComment;
  listFirstComments: ListFirstComments;
  addRequestComment: AddRequestComment;
  addInternalNote: AddInternalNote;
  findAppNote: FindAppNote;
} {
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
    async addInternalNote(issueIdOrKey, note) {
      const body = checkBody(
        jiraCommentCreateBodySchema,
        {
          body: textDocument(note.body),
          properties: [
            { key: SD_PUBLIC_COMMENT_PROPERTY, value: { internal: true } },
            { key: APP_NOTE_PROPERTY_KEY, value: { id: note.noteId } },
          ],
        },
        'internal note',
      );
      const created = await caller.call({ method: 'POST', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment`, body }, jiraCommentSchema);
      return { id: created.id, isPublic: false, createdAt: created.created };
    },
    async findAppNote(issueIdOrKey, noteId, options) {
      const since = options.since.getTime();
      for (let page = 0, startAt = 0; page < FIND_NOTE_PAGES; page += 1) {
        const answer = await caller.call(
          {
            method: 'GET',
            path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment`,
            query: { orderBy: '-created', startAt: String(startAt), maxResults: String(FIND_NOTE_PAGE_SIZE), expand: 'properties' },
          },
          jiraCommentPageSchema,
        );
        for (const comment of answer.comments) {
          const marker = comment.properties?.find((property) => property.key === APP_NOTE_PROPERTY_KEY);
          if (marker !== undefined && appNoteMarkerSchema.safeParse(marker.value).data?.id === noteId) return { id: comment.id };
        }
        startAt = answer.startAt + answer.comments.length;
        const oldest = answer.comments[answer.comments.length - 1];
        // Newest first: once a page reaches back before `since`, older pages cannot hold the note.
        if (oldest === undefined || oldest.created.getTime() < since || startAt >= answer.total) return null;
      }
      return null;
    },
  };
}

/** Pages of 100 comments `findAppNote` reads at most (newest first). */
const FIND_NOTE_PAGES = 10;
const FIND_NOTE_PAGE_SIZE = 100;

/** Plain text as an ADF document: a paragraph per non-empty line. */
function textDocument(text: string): { type: 'doc'; version: 1; content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[] } {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return { type: 'doc', version: 1, content: (lines.length === 0 ? [text] : lines).map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
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

/** Reading resolver answers in the UI: valid, error, malformed envelope, malformed data, transport failure. */
import { z } from 'zod';
import { describeTransportError, parseEnvelope } from '../../static/shared/resolver-envelope';

const data = z.object({ revision: z.number().int() });

describe('parseEnvelope', () => {
  it('passes a valid answer through, parsed', () => {
    expect(parseEnvelope({ ok: true, data: { revision: 3, extra: 'dropped' } }, data)).toEqual({ ok: true, data: { revision: 3 } });
  });

  it('passes an error answer through unchanged', () => {
    const error = { code: 'conflict', message: 'The record changed.', fieldErrors: { reason: ['x'] } };
    expect(parseEnvelope({ ok: false, error }, data)).toEqual({ ok: false, error });
  });

  it.each([
    ['undefined (resolver returned nothing)', undefined, '(root)'],
    ['a bare value', { revision: 3 }, 'ok'],
    ['an error with an unknown code', { ok: false, error: { code: 'teapot', message: '' } }, 'error.code'],
  ])('turns %s into an internal error naming the path', (_name, raw, path) => {
    const answer = parseEnvelope(raw, data);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('internal');
      expect(answer.error.message).toContain(path);
    }
  });

  it('turns data of the wrong shape into an internal error naming data.<field>', () => {
    const answer = parseEnvelope({ ok: true, data: { revision: 'seven' } }, data);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The app answered in an unexpected shape (data.revision).' },
    });
  });
});

describe('describeTransportError', () => {
  it.each([
    ['an Error', new Error(' Resolver calls are rate limited '), 'Resolver calls are rate limited'],
    ['a string', 'timeout', 'timeout'],
    ['an Error without message', new Error(''), 'Error'],
  ])('%s', (_name, thrown, message) => {
    expect(describeTransportError(thrown)).toEqual({ code: 'unavailable', message });
  });
});

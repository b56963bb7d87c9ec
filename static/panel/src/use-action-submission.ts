/**
 * One action's submit cycle: validate the payload with its shared zod schema in the browser
 * (messages next to the fields, nothing sent), call the resolver, and keep the error of a failed
 * answer for display — `invalid-input` field errors go next to their fields.
 */
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { Envelope, ResolverError } from '../../../src/contract/envelope';
import { useI18n } from './messages';
import { fromServerFieldErrors, localizeIssues, type FieldMessages } from './field-errors';

export interface SubmissionState {
  submitting: boolean;
  error: ResolverError | null;
  fields: FieldMessages;
}

const idle: SubmissionState = { submitting: false, error: null, fields: {} };

export function useActionSubmission() {
  const { t } = useI18n();
  const [state, setState] = useState<SubmissionState>(idle);

  /** Validates only; shows the field messages and answers the parsed payload or null. */
  const validate = useCallback(
    <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null => {
      const parsed = schema.safeParse(input);
      if (parsed.success) {
        setState(idle);
        return parsed.data;
      }
      setState({ submitting: false, error: null, fields: localizeIssues(parsed.error.issues, t) });
      return null;
    },
    [t],
  );

  /**
   * Validates, calls, and on success hands the data to onOk (the form usually closes then).
   * Answers the resolver's envelope, or null when the input did not validate (nothing was sent).
   */
  const submit = useCallback(
    async <S extends z.ZodType, R>(
      schema: S,
      input: unknown,
      call: (payload: z.output<S>) => Promise<Envelope<R>>,
      onOk: (data: R) => void,
    ): Promise<Envelope<R> | null> => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        setState({ submitting: false, error: null, fields: localizeIssues(parsed.error.issues, t) });
        return null;
      }
      setState({ submitting: true, error: null, fields: {} });
      const answer = await call(parsed.data);
      if (answer.ok) {
        setState(idle);
        onOk(answer.data);
        return answer;
      }
      setState({
        submitting: false,
        error: answer.error,
        fields: answer.error.code === 'invalid-input' ? fromServerFieldErrors(answer.error.fieldErrors) : {},
      });
      return answer;
    },
    [t],
  );

  /** Drops the message of one field once the user edits it. */
  const clearField = useCallback((field: string) => {
    setState((current) => {
      if (current.fields[field] === undefined) return current;
      const { [field]: _dropped, ...rest } = current.fields;
      return { ...current, fields: rest };
    });
  }, []);

  return { ...state, validate, submit, clearField };
}

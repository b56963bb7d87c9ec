/**
 * Every validation error of a document with its path: the message, the raw path, a readable trail
 * through the document ("contracts › ACME Support › version 2 › effectiveFrom") and, for JSON syntax
 * errors, line and column. When the text is at hand each error is a button that shows its place in
 * the text.
 */
import { Fragment, useEffect, useId, useRef } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useI18n } from '../messages';
import type { DocumentCheck } from '../document-check';
import { ROOT_PATH } from '../json-text';
import { describePath, SYNTAX_ERROR_PATH, type ListedError, type PathStep } from '../validation-errors';
import { chip, smallSubtlest } from './admin-styles';

/** Checks whose list already took the focus: coming back to a tab must not move it again. */
const focusedChecks = new WeakSet<DocumentCheck>();

export interface ValidationErrorListProps {
  /** The errors and the (parsed) document they are about, for the readable trails. */
  check: DocumentCheck;
  /** Shows an error's place in the text; absent: the errors are plain text. */
  onLocate?: (error: ListedError) => void;
  /** The text changed since the check: the places may have moved. */
  stale?: boolean;
  testId?: string;
}

export function ValidationErrorList({ check, onLocate, stale = false, testId = 'validation-errors' }: ValidationErrorListProps) {
  const { t } = useI18n();
  const headingId = useId();
  const section = useRef<HTMLElement>(null);
  const { errors, document } = check;

  // A new list of errors takes the focus, so keyboard users land on it (the form-error-summary pattern).
  useEffect(() => {
    if (focusedChecks.has(check)) return;
    focusedChecks.add(check);
    section.current?.focus();
  }, [check]);

  return (
    <section
      ref={section}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid={testId}
      data-count={errors.length}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        padding: token('space.150'),
        borderRadius: token('radius.large'),
        border: `${token('border.width')} solid ${token('color.border.danger')}`,
        background: token('elevation.surface'),
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.100') }}>
        <Heading size="xsmall" as="h3" id={headingId}>
          {t('admin.errors.title', { count: errors.length })}
        </Heading>
        {onLocate === undefined ? null : <span style={smallSubtlest}>{t('admin.errors.help')}</span>}
      </div>
      {stale ? <div style={{ ...smallSubtlest, color: token('color.text.warning') }}>{t('admin.editor.stale')}</div> : null}
      <ol style={{ margin: 0, padding: 0, listStyle: 'none', maxHeight: '320px', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        {errors.map((error, index) => (
          <li key={`${error.path}|${error.message}|${String(index)}`}>
            <ErrorEntry error={error} index={index} document={document} {...(onLocate === undefined ? {} : { onLocate })} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ErrorEntry({ error, index, document, onLocate }: { error: ListedError; index: number; document: unknown; onLocate?: (error: ListedError) => void }) {
  const { t } = useI18n();
  const where = <Where error={error} document={document} />;
  const content = (
    <>
      <span style={{ color: token('color.text'), font: token('font.body') }}>{error.message}</span>
      {where}
    </>
  );
  const common = {
    'data-testid': `validation-error-${String(index)}`,
    'data-path': error.path,
  } as const;
  const boxStyle = {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: token('space.025'),
    width: '100%',
    padding: `${token('space.075')} ${token('space.100')}`,
    borderRadius: token('radius.small'),
    borderLeft: `${token('border.width.selected')} solid ${token('color.border.danger')}`,
    textAlign: 'start',
  } as const;
  if (onLocate === undefined) {
    return (
      <div {...common} style={boxStyle}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      {...common}
      className="admin-error-entry"
      aria-label={`${error.message} — ${t('admin.errors.goTo', { path: pathLabel(t, error) })}`}
      onClick={() => {
        onLocate(error);
      }}
      style={{ ...boxStyle, border: 'none', borderLeft: boxStyle.borderLeft, background: 'transparent', cursor: 'pointer', font: 'inherit' }}
    >
      {content}
    </button>
  );
}

function pathLabel(t: ReturnType<typeof useI18n>['t'], error: ListedError): string {
  if (error.path === ROOT_PATH) return t('admin.errors.root');
  if (error.path === SYNTAX_ERROR_PATH && error.position !== undefined) {
    return t('admin.errors.position', { line: error.position.line, column: error.position.column });
  }
  return error.path;
}

function Where({ error, document }: { error: ListedError; document: unknown }) {
  const { t } = useI18n();
  if (error.path === SYNTAX_ERROR_PATH) {
    return (
      <span style={{ ...smallSubtlest, display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}>
        <span style={chip}>{t('admin.errors.syntax')}</span>
        {error.position === undefined ? null : <span>{t('admin.errors.position', { line: error.position.line, column: error.position.column })}</span>}
      </span>
    );
  }
  if (error.path === ROOT_PATH) {
    return (
      <span style={smallSubtlest}>
        <span style={chip}>{error.path}</span> {t('admin.errors.root')}
      </span>
    );
  }
  const trail = describePath(document, error.path);
  const readable = trail.some((step) => step.kind !== 'key');
  return (
    <span style={{ ...smallSubtlest, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.075') }}>
      <span style={chip}>{error.path}</span>
      {readable ? (
        <span>
          {trail.map((step, index) => (
            <Fragment key={index}>
              {index === 0 ? null : <span aria-hidden="true"> › </span>}
              <StepText step={step} />
            </Fragment>
          ))}
        </span>
      ) : null}
    </span>
  );
}

function StepText({ step }: { step: PathStep }) {
  const { t } = useI18n();
  switch (step.kind) {
    case 'key':
      return <span>{step.text}</span>;
    case 'item':
      return <strong style={{ fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') }}>{step.text}</strong>;
    case 'version':
      return <span>{t('admin.path.version', { version: step.version })}</span>;
    case 'position':
      return <span>{t('admin.path.position', { position: step.position })}</span>;
  }
}

/**
 * What the forms show for terms that requests already used: they stay as they are, and the form
 * offers to continue them with a copy from a chosen date (a new contract version or level revision),
 * instead of letting a save be refused.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Notice } from '../../shared/ui/notice';

export function NewFromDate({
  title,
  body,
  dateLabel,
  action,
  earliest,
  onCreate,
  testId,
}: {
  title: string;
  body: string;
  dateLabel: string;
  action: string;
  earliest: string;
  onCreate: (from: string) => void;
  testId: string;
}) {
  const id = useId();
  const [from, setFrom] = useState(earliest);
  return (
    <div data-testid={testId}>
      <Notice appearance="information" title={title}>
        <p>{body}</p>
        <div className="terms-row">
          <label htmlFor={id} className="terms-inline-label">
            {dateLabel}
          </label>
          <input id={id} type="date" className="terms-input terms-input-short" min={earliest} value={from} onChange={(event) => { setFrom(event.target.value); }} />
          <Button appearance="primary" isDisabled={!/^\d{4}-\d{2}-\d{2}$/.test(from) || from < earliest} onClick={() => { onCreate(from); }} testId={`${testId}-create`}>
            {action}
          </Button>
        </div>
      </Notice>
    </div>
  );
}

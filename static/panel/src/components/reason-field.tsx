/**
 * The "reason" text area every clock action asks for, with a character counter against the
 * shared limit and its validation message underneath.
 */
import TextArea from '@atlaskit/textarea';
import { PANEL_LIMITS } from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { Field } from '../../../shared/ui/field';

export interface ReasonFieldProps {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

export function ReasonField({ id, value, error, onChange }: ReasonFieldProps) {
  const { t } = useI18n();
  return (
    <Field
      id={id}
      name="reason"
      label={t('reason.label')}
      error={error}
      help={`${t('reason.help')} ${t('common.characters', { count: value.length, max: PANEL_LIMITS.reasonMaxLength })}`}
    >
      {(control) => (
        <TextArea
          {...control}
          name="reason"
          value={value}
          minimumRows={2}
          resize="vertical"
          isRequired
          testId="reason-input"
          onChange={(event) => {
            onChange(event.currentTarget.value);
          }}
        />
      )}
    </Field>
  );
}

/**
 * The gadget's edit view: one customer or all, a period (preset or custom months), optional service
 * and level filters. Save hands the configuration to Jira (`view.submit`), which stores it for this
 * gadget and shows the view again; Cancel leaves without saving (`view.close`).
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { GadgetConfiguration, GadgetOptions } from '../../../src/contract/compliance-api';
import type { PeriodChoice } from '../../../src/contract/report-period';
import { resolvePeriodChoice } from '../../../src/domain/report-period';
import { todayInBrowser } from '../../shared/compliance/compliance-i18n';
import { LoadError, LoadingState, useResolverLoad } from '../../shared/compliance/load-state';
import { PeriodPicker } from '../../shared/compliance/period-picker';
import { SelectField } from '../../shared/compliance/select-field';
import { closeEditView, submitGadgetConfiguration } from '../../shared/forge-view';
import { Notice } from '../../shared/ui/notice';
import { gadgetClient } from './gadget-client';
import type { GadgetI18n } from './messages';

const ALL = '';

export function GadgetEdit({ i18n, configuration }: { i18n: GadgetI18n; configuration: GadgetConfiguration }) {
  const { load, reload } = useResolverLoad(gadgetClient.options, 'options');
  if (load.status === 'loading') return <LoadingState i18n={i18n} testId="gadget-edit-loading" />;
  if (load.status === 'failed') return <LoadError i18n={i18n} error={load.error} onRetry={reload} testId="gadget-error" />;
  return <EditForm i18n={i18n} options={load.data} initial={configuration} />;
}

function EditForm({ i18n, options, initial }: { i18n: GadgetI18n; options: GadgetOptions; initial: GadgetConfiguration }) {
  const { t } = i18n;
  const id = useId();
  const [customerId, setCustomerId] = useState(initial.customerId ?? ALL);
  const [serviceId, setServiceId] = useState(initial.serviceId ?? ALL);
  const [levelId, setLevelId] = useState(initial.levelId ?? ALL);
  const [period, setPeriod] = useState<PeriodChoice | null>(initial.period);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    if (period === null) return;
    setSaving(true);
    setFailed(null);
    const next: GadgetConfiguration = {
      customerId: customerId === ALL ? null : customerId,
      serviceId: serviceId === ALL ? null : serviceId,
      levelId: levelId === ALL ? null : levelId,
      period,
      ...(initial.refresh === undefined ? {} : { refresh: initial.refresh }),
    };
    try {
      await submitGadgetConfiguration(next);
    } catch (error: unknown) {
      setFailed(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  return (
    <form
      data-testid="gadget-edit"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      <div>
        <h2 id={`${id}-title`} style={{ font: token('font.heading.small'), margin: 0 }}>
          {t('gadget.edit.title')}
        </h2>
        <p style={{ margin: `${token('space.050')} 0 0`, font: token('font.body.small'), color: token('color.text.subtle') }}>{t('gadget.edit.intro')}</p>
      </div>
      <SelectField
        id={`${id}-customer`}
        label={t('compliance.customer')}
        value={customerId}
        testId="gadget-edit-customer"
        options={[{ value: ALL, label: t('compliance.customer.all') }, ...options.customers.map((c) => ({ value: c.id, label: c.name }))]}
        onChange={setCustomerId}
      />
      <PeriodPicker i18n={i18n} value={initial.period} resolved={resolvePeriodChoice(initial.period, todayInBrowser())} onChange={setPeriod} testId="gadget-edit-period" />
      <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
        <SelectField
          id={`${id}-service`}
          label={t('compliance.service')}
          value={serviceId}
          testId="gadget-edit-service"
          options={[{ value: ALL, label: t('compliance.service.all') }, ...options.services.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={setServiceId}
        />
        <SelectField
          id={`${id}-level`}
          label={t('compliance.level')}
          value={levelId}
          testId="gadget-edit-level"
          options={[{ value: ALL, label: t('compliance.level.all') }, ...options.levels.map((l) => ({ value: l.id, label: l.name }))]}
          onChange={setLevelId}
        />
      </div>
      {failed === null ? null : (
        <Notice appearance="error" role="alert" title={t('gadget.edit.saveFailed')} testId="gadget-edit-failed">
          {t('error.details', { message: failed })}
        </Notice>
      )}
      <div style={{ display: 'flex', gap: token('space.100'), justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={() => void closeEditView()} testId="gadget-edit-cancel" isDisabled={saving}>
          {t('common.cancel')}
        </Button>
        <Button appearance="primary" type="submit" testId="gadget-edit-save" isDisabled={period === null || saving}>
          {saving ? t('gadget.edit.saving') : t('gadget.edit.save')}
        </Button>
      </div>
    </form>
  );
}

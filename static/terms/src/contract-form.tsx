/**
 * One customer contract: name, customer (the site's JSM organizations by name), time zone and
 * currency, and its versions on a timeline with their effective dates. A version has per covered
 * service the level or bespoke terms (per-class overrides, own calendar limited to some classes,
 * own price), the default service, pause statuses (the site's statuses), fee, end and notice dates.
 * Versions already in force are read-only; the form offers a new version from a chosen date.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { PRIORITY_CLASSES } from '../../../src/contract/building-blocks';
import { businessDayMinutes } from '../../../src/contract/business-duration';
import type { Contract } from '../../../src/contract/contract-database-shape';
import { useEditor } from './editor-context';
import { MoneyControl, MultiPicker, SelectControl, TargetControl, TextControl, useValue } from './controls';
import { dayAfter, entryOf, errorCountUnder, newContractVersion, type Path } from './draft';
import { useI18n } from './messages';
import { NewFromDate } from './new-from-date';
import { TimeZoneControl } from './calendar-form';
import { TargetsTable } from './targets-table';

function CoveredService({ at, index, currency, fixed }: { at: Path; index: number; currency: string; fixed: boolean }) {
  const { t } = useI18n();
  const editor = useEditor();
  const path = [...at, 'coveredServices', index];
  const covered = useValue<Contract['versions'][number]['coveredServices'][number]>(path);
  if (covered === undefined) return null;
  const service = editor.db.services.find((s) => s.id === covered.serviceId);
  const bespoke = covered.bespoke;
  const level = editor.db.levels.find((l) => l.id === covered.levelId);
  const calendarId = bespoke?.calendarId ?? level?.revisions.at(-1)?.calendarId;
  const calendar = editor.db.calendars.find((c) => c.id === calendarId);
  const dayMinutes = calendar === undefined ? 1440 : businessDayMinutes(calendar);
  return (
    <div className="terms-card" data-testid={`covered-${String(index)}`}>
      {/* two selects side by side, the bespoke switch and remove below: three columns do not fit at 1024 px */}
      <div className="terms-grid2">
        <SelectControl path={[...path, 'serviceId']} label={t('terms.contract.service')} choices={editor.db.services.map((s) => ({ value: s.id, label: s.name }))} />
        <SelectControl path={[...path, 'levelId']} label={t('terms.contract.level')} choices={editor.db.levels.map((l) => ({ value: l.id, label: l.name }))} />
      </div>
      <div className="terms-row">
        <label className="terms-check">
          <input
            type="checkbox"
            checked={bespoke !== undefined}
            onChange={(event) => { editor.set([...path, 'bespoke'], event.target.checked ? { targets: {} } : undefined); }}
            data-testid={`bespoke-${String(index)}`}
          />
          {t('terms.contract.bespoke')}
        </label>
        <Button
          spacing="compact"
          appearance="subtle"
          onClick={() => { editor.update([...at, 'coveredServices'], (list) => (list as unknown[]).filter((_, i) => i !== index)); }}
        >
          {t('terms.contract.removeService', { service: service?.name ?? covered.serviceId })}
        </Button>
      </div>
      {bespoke === undefined ? null : (
        <fieldset className="terms-fieldset" disabled={fixed}>
          <legend className="terms-legend">{t('terms.contract.bespokeTitle', { service: service?.name ?? covered.serviceId })}</legend>
          <p className="terms-help">{t('terms.contract.bespokeHelp')}</p>
          <div className="terms-grid3">
            <SelectControl
              path={[...path, 'bespoke', 'calendarId']}
              label={t('terms.contract.ownCalendar')}
              emptyLabel={t('terms.contract.levelCalendar')}
              choices={editor.db.calendars.map((c) => ({ value: c.id, label: c.name }))}
            />
            <MoneyControl path={[...path, 'bespoke', 'monthlyPrice']} label={t('terms.contract.ownPrice')} currency={currency} />
          </div>
          {bespoke.calendarId === undefined ? null : (
            <MultiPicker
              path={[...path, 'bespoke', 'calendarClasses']}
              legend={t('terms.contract.calendarClasses')}
              help={t('terms.contract.calendarClassesHelp')}
              choices={PRIORITY_CLASSES.map((cls) => ({ value: cls, label: cls }))}
              testId={`calendar-classes-${String(index)}`}
              emptyRemoves
            />
          )}
          <TargetsTable
            dayMinutes={dayMinutes}
            calendarName={calendar?.name ?? null}
            cells={(cls) => ({
              resolution: <OverrideTarget path={[...path, 'bespoke', 'targets', cls]} cls={cls} dayMinutes={dayMinutes} />,
              response:
                bespoke.targets[cls] === undefined ? (
                  <span className="terms-muted">{t('terms.contract.fromLevel')}</span>
                ) : (
                  <TargetControl path={[...path, 'bespoke', 'targets', cls, 'responseMinutes']} label={t('terms.target.responseOf', { cls })} dayMinutes={dayMinutes} optional />
                ),
            })}
          />
        </fieldset>
      )}
    </div>
  );
}

/** A per-class override: empty means the level's target applies. */
function OverrideTarget({ path, cls, dayMinutes }: { path: Path; cls: string; dayMinutes: number }) {
  const { t } = useI18n();
  const editor = useEditor();
  const target = useValue<{ resolutionMinutes: number }>(path);
  if (target === undefined) {
    return (
      <Button spacing="compact" onClick={() => { editor.set(path, { resolutionMinutes: 60 }); }} testId={`override-${cls}`}>
        {t('terms.contract.override', { cls })}
      </Button>
    );
  }
  return (
    <div className="terms-row">
      <TargetControl path={[...path, 'resolutionMinutes']} label={t('terms.target.resolutionOf', { cls })} dayMinutes={dayMinutes} optional={false} />
      <Button spacing="compact" appearance="subtle" onClick={() => { editor.set(path, undefined); }}>
        {t('terms.contract.useLevel', { cls })}
      </Button>
    </div>
  );
}

export function ContractForm({ index }: { index: number }) {
  const { t, localDate } = useI18n();
  const editor = useEditor();
  const contract = editor.db.contracts[index];
  const [picked, setPicked] = useState<number | null>(null);
  if (contract === undefined) return null;
  const base: Path = ['contracts', index];
  const order = contract.versions.map((version, i) => ({ version, i })).sort((a, b) => (a.version.effectiveFrom < b.version.effectiveFrom ? -1 : 1));
  const versionIndex = picked !== null && picked < contract.versions.length ? picked : (order[order.length - 1]?.i ?? 0);
  const version = contract.versions[versionIndex];
  const lock = entryOf(editor.locks.contracts, contract.id);
  const fixed = version !== undefined && lock !== undefined && lock.startedVersions.includes(version.version);
  const currency = contract.currency ?? editor.db.settings.currency;
  const at: Path = [...base, 'versions', versionIndex];
  const organizations = (editor.options?.organizations ?? []).map((org) => ({ value: org.id, label: org.name }));
  const statuses = (editor.options?.statuses ?? []).map((status) => ({ value: status.name, label: status.name }));
  const today = lock?.today ?? editor.today;
  return (
    <section className="terms-form" aria-labelledby="contract-heading" data-testid="contract-form">
      <h3 id="contract-heading">{contract.name || t('terms.untitled')}</h3>
      <div className="terms-grid3">
        <TextControl path={[...base, 'name']} label={t('terms.contract.name')} />
        <TextControl path={[...base, 'customer', 'name']} label={t('terms.contract.customer')} />
        <TimeZoneControl path={[...base, 'timeZone']} />
      </div>
      <MultiPicker
        path={[...base, 'customer', 'organizationIds']}
        legend={t('terms.contract.organizations')}
        help={t('terms.contract.organizationsHelp')}
        choices={organizations}
        testId="pick-organizations"
      />
      <fieldset className="terms-fieldset">
        <legend className="terms-legend">{t('terms.contract.versions')}</legend>
        <ol className="terms-timeline" aria-label={t('terms.contract.timeline')}>
          {order.map(({ version: v, i }) => (
            <li key={i}>
              <button type="button" className="terms-chip" aria-pressed={i === versionIndex} onClick={() => { setPicked(i); }} data-testid={`version-${String(v.version)}`}>
                {t('terms.contract.versionChip', {
                  version: v.version,
                  from: localDate(v.effectiveFrom),
                  to: v.effectiveTo === undefined ? t('terms.contract.openEnded') : localDate(v.effectiveTo),
                })}
                {lock?.startedVersions.includes(v.version) === true ? ` · ${t('terms.contract.inForce')}` : ''}
                {errorCountUnder(editor.errors, [...base, 'versions', i]) > 0 ? ' ⚠' : ''}
              </button>
            </li>
          ))}
        </ol>
        {fixed ? (
          <NewFromDate
            testId="new-version"
            title={t('terms.contract.fixedTitle')}
            body={t('terms.contract.fixedBody')}
            dateLabel={t('terms.newFrom.date')}
            action={t('terms.contract.newVersion')}
            earliest={dayAfter(today)}
            onCreate={(from) => {
              editor.set(base, newContractVersion(contract, from));
              setPicked(contract.versions.length);
            }}
          />
        ) : (
          <div className="terms-row">
            <Button
              onClick={() => {
                editor.set(base, newContractVersion(contract, dayAfter(order.at(-1)?.version.effectiveTo ?? today)));
                setPicked(contract.versions.length);
              }}
              testId="add-version"
            >
              {t('terms.contract.addVersion')}
            </Button>
          </div>
        )}
        {version === undefined ? null : (
          <fieldset disabled={fixed} className="terms-plain" data-testid="version-fields">
            <div className="terms-grid3">
              <TextControl path={[...at, 'effectiveFrom']} label={t('terms.effectiveFrom')} type="date" />
              <TextControl path={[...at, 'effectiveTo']} label={t('terms.effectiveTo')} type="date" optional help={t('terms.contract.effectiveToHelp')} />
              <SelectControl
                path={[...at, 'defaultServiceId']}
                label={t('terms.contract.defaultService')}
                help={t('terms.contract.defaultServiceHelp')}
                choices={version.coveredServices.map((c) => ({ value: c.serviceId, label: editor.db.services.find((s) => s.id === c.serviceId)?.name ?? c.serviceId }))}
              />
            </div>
            <h4>{t('terms.contract.covered')}</h4>
            {version.coveredServices.map((_, i) => (
              <CoveredService key={i} at={at} index={i} currency={currency} fixed={fixed} />
            ))}
            <div className="terms-row">
              <Button
                onClick={() => {
                  const free = editor.db.services.find((s) => !version.coveredServices.some((c) => c.serviceId === s.id));
                  const level = editor.db.levels[0];
                  if (free !== undefined && level !== undefined) editor.update([...at, 'coveredServices'], (list) => [...(list as unknown[]), { serviceId: free.id, levelId: level.id }]);
                }}
                isDisabled={editor.db.levels.length === 0 || version.coveredServices.length >= editor.db.services.length}
                testId="add-covered"
              >
                {t('terms.contract.addService')}
              </Button>
            </div>
            <MultiPicker path={[...at, 'pauseStatuses']} legend={t('terms.contract.pauseStatuses')} help={t('terms.contract.pauseHelp')} choices={statuses} testId="pick-statuses" emptyRemoves />
            <div className="terms-grid3">
              <MoneyControl path={[...at, 'monthlyFee']} label={t('terms.contract.fee')} currency={currency} />
              <TextControl path={[...at, 'endDate']} label={t('terms.contract.endDate')} type="date" optional />
              <TextControl path={[...at, 'noticeDate']} label={t('terms.contract.noticeDate')} type="date" optional />
            </div>
            <TextControl path={[...at, 'note']} label={t('terms.note')} optional />
          </fieldset>
        )}
      </fieldset>
    </section>
  );
}

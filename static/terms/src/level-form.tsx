/**
 * One service level: name, colour, objective (% on time), and its dated revisions. A revision has
 * its calendar, per priority class a resolution and an optional first-response target typed in
 * business notation (a day is the calendar's business day, said next to the fields, and the parsed
 * value is shown back), and a monthly price per covered service. Revisions requests already used
 * are read-only: the form offers a new revision from a date.
 */
import { useState } from 'react';
import { businessDayMinutes } from '../../../src/contract/business-duration';
import { useEditor } from './editor-context';
import { MoneyControl, NumberControl, SelectControl, TargetControl, TextControl } from './controls';
import { dayAfter, entryOf, newLevelRevision, errorCountUnder, type Path } from './draft';
import { useI18n } from './messages';
import { NewFromDate } from './new-from-date';
import { TargetsTable } from './targets-table';

export function LevelForm({ index }: { index: number }) {
  const { t, localDate } = useI18n();
  const editor = useEditor();
  const level = editor.db.levels[index];
  const [picked, setPicked] = useState<number | null>(null);
  if (level === undefined) return null;
  const base: Path = ['levels', index];
  const order = level.revisions.map((revision, i) => ({ revision, i })).sort((a, b) => (a.revision.effectiveFrom < b.revision.effectiveFrom ? -1 : 1));
  const revisionIndex = picked !== null && picked < level.revisions.length ? picked : (order[order.length - 1]?.i ?? 0);
  const revision = level.revisions[revisionIndex];
  const lock = entryOf(editor.locks.levels, level.id);
  const fixed = revision !== undefined && lock !== undefined && lock.fixedRevisions.includes(revision.effectiveFrom);
  const calendar = editor.db.calendars.find((c) => c.id === revision?.calendarId);
  const dayMinutes = calendar === undefined ? 1440 : businessDayMinutes(calendar);
  const currency = level.currency ?? editor.db.settings.currency;
  const at: Path = [...base, 'revisions', revisionIndex];
  return (
    <section className="terms-form" aria-labelledby="level-heading" data-testid="level-form">
      <h3 id="level-heading">
        <span className="terms-swatch" style={{ background: level.colour }} aria-hidden="true" />
        {level.name || t('terms.untitled')}
      </h3>
      <div className="terms-grid3">
        <TextControl path={[...base, 'name']} label={t('terms.name')} />
        <TextControl path={[...base, 'colour']} label={t('terms.level.colour')} type="color" />
        <NumberControl path={[...base, 'objectivePercent']} label={t('terms.level.objective')} help={t('terms.level.objectiveHelp')} />
      </div>
      <fieldset className="terms-fieldset">
        <legend className="terms-legend">{t('terms.level.revisions')}</legend>
        <div className="terms-row" role="group" aria-label={t('terms.level.revisions')}>
          {order.map(({ revision: r, i }) => (
            <button
              key={i}
              type="button"
              className="terms-chip"
              aria-pressed={i === revisionIndex}
              onClick={() => { setPicked(i); }}
              data-testid={`revision-${r.effectiveFrom}`}
            >
              {t('terms.level.revisionFrom', { date: localDate(r.effectiveFrom) })}
              {errorCountUnder(editor.errors, [...base, 'revisions', i]) > 0 ? ' ⚠' : ''}
            </button>
          ))}
        </div>
        {fixed ? (
          <NewFromDate
            testId="new-revision"
            title={t('terms.level.fixedTitle')}
            body={t('terms.level.fixedBody')}
            dateLabel={t('terms.newFrom.date')}
            action={t('terms.level.newRevision')}
            earliest={dayAfter(lock.today)}
            onCreate={(from) => {
              editor.set(base, newLevelRevision(level, from));
              setPicked(level.revisions.length);
            }}
          />
        ) : null}
        {revision === undefined ? null : (
          <fieldset disabled={fixed} className="terms-plain" data-testid="revision-fields">
            <div className="terms-grid2">
              <TextControl path={[...at, 'effectiveFrom']} label={t('terms.effectiveFrom')} type="date" />
              <SelectControl path={[...at, 'calendarId']} label={t('terms.level.calendar')} choices={editor.db.calendars.map((c) => ({ value: c.id, label: c.name }))} />
            </div>
            <TargetsTable
              dayMinutes={dayMinutes}
              calendarName={calendar?.name ?? null}
              noteTestId="business-day-note"
              rowKey={(cls) => `${String(revisionIndex)}-${cls}`}
              rowTestId={(cls) => `target-${cls}`}
              cells={(cls) => ({
                resolution: <TargetControl path={[...at, 'targets', cls, 'resolutionMinutes']} label={t('terms.target.resolutionOf', { cls })} dayMinutes={dayMinutes} optional={false} />,
                response: <TargetControl path={[...at, 'targets', cls, 'responseMinutes']} label={t('terms.target.responseOf', { cls })} dayMinutes={dayMinutes} optional />,
              })}
            />
            <h4>{t('terms.level.prices')}</h4>
            <div className="terms-grid3">
              {editor.db.services.map((service) => (
                <MoneyControl key={`${String(revisionIndex)}-${service.id}`} path={[...at, 'monthlyPrices', service.id]} label={service.name} currency={currency} />
              ))}
            </div>
            <TextControl path={[...at, 'note']} label={t('terms.note')} optional />
          </fieldset>
        )}
      </fieldset>
    </section>
  );
}

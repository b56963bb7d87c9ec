/**
 * The forms editor once the database is loaded: the draft, its check as it is edited (admin/preview
 * runs every check a save runs, so each error shows next to its field in the reader's language), the
 * save bar (nothing is saved while an error stands; a save that lost a race is refused, naming who
 * saved), and the tabs Calendars, Services, Service levels, Contracts, Preview and History.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import type { AdminGetData, JiraOptionsData, PreviewData, ValidationError } from '../../../src/contract/admin-api';
import type { ResolverError } from '../../../src/contract/envelope';
import { navigateToModule } from '../../shared/forge-bridge';
import { Notice } from '../../shared/ui/notice';
import { CalendarForm } from './calendar-form';
import { ContractForm } from './contract-form';
import { EditorContext, type Editor } from './editor-context';
import { errorCountUnder, exampleRequest, updateIn, type Path } from './draft';
import { LevelForm } from './level-form';
import { useI18n, type TermsTranslate } from './messages';
import { newCalendar, newContract, newLevel, newService } from './new-items';
import { AuditLog, ChangeList, ExamplePicker, PreviewResult, Reapply, type ExamplePick } from './preview-panel';
import { ServiceForm } from './service-form';
import { termsClient } from './terms-client';
import type { ContractDatabase } from './types';

export const TERMS_TABS = ['calendars', 'services', 'levels', 'contracts', 'preview', 'history'] as const;
export type TermsTab = (typeof TERMS_TABS)[number];
type EntityTab = 'calendars' | 'services' | 'levels' | 'contracts';

/** The admin page's module key (manifest.yml): the overview, JSON editor and import/export. */
const ADMIN_MODULE_KEY = 'contract-clock-admin';

/**
 * Today as the backend counts it (the history locks carry its date), so new items start on the
 * site's today, not the browser's; the browser's date only when nothing is locked yet.
 */
function today(loaded: AdminGetData, timeZone: string): string {
  const fromBackend = [...Object.values(loaded.locks.contracts), ...Object.values(loaded.locks.calendars), ...Object.values(loaded.locks.levels)][0]?.today;
  return fromBackend ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function failureLines(t: TermsTranslate, error: ResolverError): string[] {
  const lines = [t(`admin.error.${error.code}`)];
  if (error.message.trim() !== '') lines.push(error.message.trim());
  return lines;
}

function firstOf(db: ContractDatabase): ExamplePick {
  return { contractId: db.contracts[0]?.id ?? '', serviceId: db.services[0]?.id ?? '', priority: Object.keys(db.settings.priorities.byJiraPriority)[0] ?? '' };
}

export function TermsPage({ loaded, options, reload }: { loaded: AdminGetData; options: JiraOptionsData | null; reload: () => Promise<AdminGetData | null> }) {
  const { t, timeZone } = useI18n();
  const [db, setDb] = useState<ContractDatabase>(loaded.database);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<TermsTab>('calendars');
  const [selected, setSelected] = useState<Record<EntityTab, number>>({ calendars: 0, services: 0, levels: 0, contracts: 0 });
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkFailure, setCheckFailure] = useState<ResolverError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ appearance: 'success' | 'error' | 'warning'; title: string; lines: string[] } | null>(null);
  const [saveErrors, setSaveErrors] = useState<ValidationError[] | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);
  const [pick, setPick] = useState<ExamplePick>(() => firstOf(loaded.database));
  const serial = useRef(0);

  const update = useCallback((path: Path, change: (current: unknown) => unknown) => {
    setDb((current) => updateIn(current, path, change));
    setDirty(true);
    setResult(null);
    setSaveErrors(null);
  }, []);
  const setLocalError = useCallback((key: string, message: string | null) => {
    setLocalErrors((current) => {
      if ((current[key] ?? null) === message) return current;
      const { [key]: _old, ...rest } = current;
      return message === null ? rest : { ...rest, [key]: message };
    });
  }, []);

  // Every change is checked by the backend (debounced): the same checks as a save.
  useEffect(() => {
    const mine = (serial.current += 1);
    const timer = setTimeout(() => {
      setChecking(true);
      const example = pick.contractId === '' ? null : exampleRequest(db, options, pick);
      void termsClient.preview(db, loaded.revision, example).then((answer) => {
        if (mine !== serial.current) return;
        setChecking(false);
        if (answer.ok) {
          setPreview(answer.data);
          setCheckFailure(null);
        } else setCheckFailure(answer.error);
      });
    }, 500);
    return () => { clearTimeout(timer); };
  }, [db, pick, options, loaded.revision]);

  const errors = saveErrors ?? preview?.errors ?? [];
  const localCount = Object.keys(localErrors).length;
  const errorCount = errors.length + localCount;
  const editor: Editor = useMemo(
    () => ({
      db,
      update,
      set: (path, value) => {
        update(path, () => value);
      },
      errors,
      options,
      locks: loaded.locks,
      today: today(loaded, timeZone),
      setLocalError,
    }),
    [db, update, errors, options, loaded, timeZone, setLocalError],
  );

  async function save(): Promise<void> {
    setSaving(true);
    const answer = await termsClient.save(db, loaded.revision);
    setSaving(false);
    if (!answer.ok) {
      const fieldErrors = Object.entries(answer.error.fieldErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
      if (fieldErrors.length > 0) setSaveErrors(fieldErrors);
      setResult({ appearance: answer.error.code === 'conflict' ? 'warning' : 'error', title: t('terms.save.refused'), lines: failureLines(t, answer.error) });
      return;
    }
    const next = await reload();
    if (next !== null) setDb(next.database);
    setDirty(false);
    setSavedOnce(true);
    setResult({ appearance: 'success', title: answer.data.unchanged ? t('admin.result.unchanged') : t('admin.result.saved'), lines: answer.data.changes.slice(0, 10) });
  }

  async function discard(): Promise<void> {
    const next = await reload();
    if (next !== null) setDb(next.database);
    setDirty(false);
    setLocalErrors({});
    setSaveErrors(null);
    setResult(null);
  }

  const now = today(loaded, timeZone);
  function add(which: EntityTab): void {
    const name = t(`terms.new.${which}`);
    const item =
      which === 'calendars' ? newCalendar(db, name, timeZone) : which === 'services' ? newService(db, name) : which === 'levels' ? newLevel(db, name, now) : newContract(db, name, timeZone, now);
    update([which], (list) => [...(list as unknown[]), item]);
    setSelected((current) => ({ ...current, [which]: db[which].length }));
  }
  function remove(which: EntityTab, index: number): void {
    update([which], (list) => (list as unknown[]).filter((_, i) => i !== index));
    setSelected((current) => ({ ...current, [which]: Math.max(0, index - 1) }));
  }

  const entityNames: Record<EntityTab, { name: string; id: string }[]> = {
    calendars: db.calendars,
    services: db.services,
    levels: db.levels,
    contracts: db.contracts.map((c) => ({ id: c.id, name: `${c.customer.name} — ${c.name}` })),
  };

  function entityTab(which: EntityTab, form: (index: number) => ReactNode): ReactNode {
    const items = entityNames[which];
    const index = Math.min(selected[which], Math.max(0, items.length - 1));
    return (
      <div className="terms-split">
        <nav aria-label={t(`terms.tab.${which}`)} className="terms-list">
          <ul>
            {items.map((item, i) => {
              const count = errorCountUnder(errors, [which, i]);
              return (
                <li key={`${item.id}-${String(i)}`}>
                  <button
                    type="button"
                    className="terms-list-item"
                    aria-current={i === index ? 'true' : undefined}
                    onClick={() => { setSelected((current) => ({ ...current, [which]: i })); }}
                    data-testid={`item-${which}-${String(i)}`}
                  >
                    <span>{item.name || t('terms.untitled')}</span>
                    {count > 0 ? <span className="terms-badge">{t('terms.errorBadge', { count })}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
          <Button onClick={() => { add(which); }} testId={`add-${which}`}>
            {t(`terms.add.${which}`)}
          </Button>
        </nav>
        <div className="terms-detail">
          {items.length === 0 ? (
            <p className="terms-muted">{t('terms.empty')}</p>
          ) : (
            <>
              {form(index)}
              <div className="terms-row">
                <Button appearance="subtle" onClick={() => { remove(which, index); }} testId={`remove-${which}`}>
                  {t('terms.remove', { name: items[index]?.name ?? '' })}
                </Button>
              </div>
            </>
          )}
        </div>
      </div>
    );
  }

  const tabLabel = (which: TermsTab) => {
    const count = which === 'calendars' || which === 'services' || which === 'levels' || which === 'contracts' ? errorCountUnder(errors, [which]) : 0;
    return count > 0 ? `${t(`terms.tab.${which}`)} (${t('terms.errorBadge', { count })})` : t(`terms.tab.${which}`);
  };

  return (
    <EditorContext.Provider value={editor}>
      <header className="terms-header">
        <div>
          <h1>{t('terms.title')}</h1>
          <p className="terms-help">{t('terms.subtitle')}</p>
        </div>
        <Button appearance="subtle" onClick={() => void navigateToModule(ADMIN_MODULE_KEY)} testId="to-overview">
          {t('terms.toOverview')}
        </Button>
      </header>
      <div className="terms-savebar" role="region" aria-label={t('terms.save.region')} data-testid="save-bar">
        <span role="status" data-testid="check-status" data-errors={errorCount} data-checking={checking}>
          {checkFailure !== null
            ? t('terms.check.failed')
            : checking
              ? t('terms.check.running')
              : errorCount > 0
                ? t('terms.check.errors', { count: errorCount })
                : preview?.stale === true
                  ? t('terms.check.stale')
                  : dirty
                    ? t('terms.check.ok')
                    : t('terms.check.saved')}
        </span>
        <span className="terms-spacer" />
        <Button appearance="subtle" isDisabled={!dirty || saving} onClick={() => void discard()} testId="discard">
          {t('terms.discard')}
        </Button>
        <Button appearance="primary" isDisabled={!dirty || saving || checking || errorCount > 0} onClick={() => void save()} testId="save">
          {t('terms.save')}
        </Button>
      </div>
      {result === null ? null : (
        <div data-testid="save-result" data-appearance={result.appearance}>
          <Notice appearance={result.appearance} title={result.title} role={result.appearance === 'success' ? 'status' : 'alert'}>
            {result.lines.length === 0 ? null : (
              <ul>
                {result.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </Notice>
        </div>
      )}
      <div role="tablist" aria-label={t('terms.tabs')} className="terms-tabs">
        {TERMS_TABS.map((which) => (
          <button
            key={which}
            type="button"
            role="tab"
            id={`tab-${which}`}
            aria-selected={tab === which}
            aria-controls={`panel-${which}`}
            tabIndex={tab === which ? 0 : -1}
            className="terms-tab"
            data-testid={`tab-${which}`}
            onClick={() => { setTab(which); }}
            onKeyDown={(event) => {
              const i = TERMS_TABS.indexOf(which);
              const next = event.key === 'ArrowRight' ? TERMS_TABS[(i + 1) % TERMS_TABS.length] : event.key === 'ArrowLeft' ? TERMS_TABS[(i + TERMS_TABS.length - 1) % TERMS_TABS.length] : undefined;
              if (next !== undefined) {
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {tabLabel(which)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="terms-panel" data-testid={`panel-${tab}`}>
        {tab === 'calendars' ? entityTab('calendars', (i) => <CalendarForm key={i} index={i} />) : null}
        {tab === 'services' ? entityTab('services', (i) => <ServiceForm key={db.services[i]?.id ?? i} index={i} onMoved={(to) => { setSelected((c) => ({ ...c, services: to })); }} />) : null}
        {tab === 'levels' ? entityTab('levels', (i) => <LevelForm key={i} index={i} />) : null}
        {tab === 'contracts' ? entityTab('contracts', (i) => <ContractForm key={i} index={i} />) : null}
        {tab === 'preview' ? (
          <div className="terms-form">
            <h3>{t('terms.preview.title')}</h3>
            <p className="terms-help">{t('terms.preview.help')}</p>
            <ExamplePicker pick={pick} onPick={setPick} />
            <PreviewResult preview={preview} pick={pick} />
            <h3>{t('terms.changes.title')}</h3>
            <ChangeList preview={preview} />
            {savedOnce || !dirty ? <Reapply /> : <p className="terms-muted">{t('terms.reapply.saveFirst')}</p>}
          </div>
        ) : null}
        {tab === 'history' ? (
          <div className="terms-form">
            <h3>{t('terms.audit.title')}</h3>
            <AuditLog revision={loaded.revision} />
          </div>
        ) : null}
      </div>
      {errorCount > 0 ? <ErrorList errors={errors} local={localErrors} /> : null}
    </EditorContext.Provider>
  );
}

/** Every error in one list too (a field on another tab), each with where it is. */
function ErrorList({ errors, local }: { errors: readonly ValidationError[]; local: Record<string, string> }) {
  const { t } = useI18n();
  const all = [...Object.entries(local).map(([path, message]) => ({ path, message })), ...errors];
  return (
    <section aria-labelledby="all-errors" data-testid="all-errors">
      <h3 id="all-errors">{t('terms.check.errors', { count: all.length })}</h3>
      <ul className="terms-changes">
        {all.slice(0, 50).map((error, i) => (
          <li key={i}>
            <code>{error.path}</code> {error.message}
          </li>
        ))}
      </ul>
    </section>
  );
}


/**
 * The contract panel's view model (src/contract/panel-api.ts), computed from a clock record at
 * `now`: the terms as names, the targets with time left, pauses, history, the explanation, the
 * "tell the customer" drafts and what the agent may do. Everything the panel shows is decided here.
 *
 * Pure: no I/O. Texts for the agent come from the `clock` catalogue in the agent's locale
 * (./reader-text); the drafts from the admin's templates in the customer's language.
 */
import { calendarForClass, type ClockRecord, type ExplanationStep as RecordStep, type Terms } from '../contract/clock-record';
import type { ContractDatabase, MessageTemplateKind } from '../contract/contract-database';
import type {
  Actor,
  ExplanationStep,
  PanelHistoryEntry,
  PanelPause,
  PanelState,
  PanelTarget,
  PanelTerms,
  PanelView,
} from '../contract/panel-api';
import { compileCalendarOnce } from '../domain/calendar-cache';
import { addBusinessMinutes } from '../domain/business-time';
import { describeClock, listClockActions, type TargetProgress } from '../domain/clock-view';
import { outOfContractRate } from '../domain/out-of-contract';
import { renderCustomerTemplate } from '../i18n/customer-template';
import { selectLanguage } from '../i18n/messages';
import { textFor, type ReaderText } from './reader-text';

/** Who is looking, and what Jira lets them do on this issue. */
export interface PanelViewer {
  readonly timeZone: string;
  /** The agent's Jira (or Forge) locale: the panel's texts, numbers and units follow it. */
  readonly locale: string | null;
  readonly isJiraAdmin: boolean;
  /** EDIT_ISSUES: may pause, resume, extend and re-apply. */
  readonly canEditClock: boolean;
  /** ADD_COMMENTS: may post a reply or a note. */
  readonly canComment: boolean;
}

export interface PanelViewInput {
  readonly issueKey: string;
  /** null: the issue has no clock record yet (created event still on its way). */
  readonly record: ClockRecord | null;
  readonly database: ContractDatabase;
  readonly viewer: PanelViewer;
  readonly displayNames: ReadonlyMap<string, string>;
  /**
   * The customer's (reporter's) Jira locale, which the drafts are written in; null when Jira does
   * not show it (privacy setting, no reporter): then the agent's language.
   */
  readonly customerLocale: string | null;
  readonly now: Date;
  /** The request's JSM request type id (its own out-of-contract rate); null when it has none. */
  readonly requestTypeId?: string | null;
}

const STATE: Readonly<Record<ClockRecord['state'], PanelState>> = {
  running: 'on-track',
  paused: 'paused',
  'at-risk': 'at-risk',
  breached: 'breached',
  met: 'met',
  missed: 'breached',
  uncovered: 'uncovered',
  error: 'error',
};

/** @example presentPanelView({ issueKey: 'SUP-1', record, database, viewer, displayNames, now }) */
export function presentPanelView(input: PanelViewInput): PanelView {
  const { record, viewer } = input;
  const text = textFor(viewer.locale);
  const customer = draftLocale(input.customerLocale, viewer.locale);
  const base = {
    issueKey: input.issueKey,
    viewer: { timeZone: viewer.timeZone, isJiraAdmin: viewer.isJiraAdmin },
  };
  if (record === null) {
    return {
      ...base,
      state: 'uncovered',
      revision: 0,
      terms: null,
      resolution: null,
      response: null,
      pauses: [],
      history: [],
      explanation: [],
      drafts: { expected: null, missed: null, language: customer.language, languageOf: customer.languageOf },
      can: { postMessage: viewer.canComment, reapply: viewer.canEditClock, pause: false, resume: false, extend: false },
      problem: null,
      outOfContract: null,
    };
  }
  const view = describeClock(record, input.now);
  const actions = listClockActions(record);
  const actor = (by: string | null): Actor =>
    by === null ? { type: 'app' } : { type: 'user', accountId: by, displayName: input.displayNames.get(by) ?? by };
  const terms = record.terms === null ? null : presentTerms(record, record.terms, text);
  const resolution = view.resolution === null ? null : presentTarget(view.resolution);
  return {
    ...base,
    state: STATE[view.state],
    revision: record.revision,
    terms,
    resolution,
    response: view.response === null ? null : presentTarget(view.response),
    pauses: record.pauses
      .filter((p) => p.kind !== 'resolved')
      .map((p): PanelPause => ({ from: p.from, to: p.to, kind: p.kind === 'manual' ? 'manual' : 'status', reason: p.reason, by: actor(p.by) })),
    history: presentHistory(record, actor, text),
    explanation: presentExplanation(record.terms?.explanation ?? record.uncovered?.explanation ?? [], text),
    drafts: composeDrafts(record, view.resolution, input.database, customer, input.now),
    can: {
      postMessage: viewer.canComment,
      reapply: viewer.canEditClock && actions.reapply,
      pause: viewer.canEditClock && actions.pause,
      resume: viewer.canEditClock && actions.resume,
      extend: viewer.canEditClock && actions.extend,
    },
    problem: record.error === null ? null : text.t(`problem.${record.error.reason}`),
    outOfContract: outOfContractRate(input.database, record, input.requestTypeId ?? null),
  };
}

/** The terms as names; fallback terms (no contract) are shown as the best-effort "contract". */
export function presentTerms(record: ClockRecord, terms: Terms, { t }: ReaderText): PanelTerms {
  const target = record.target;
  const contractStep = terms.explanation.find((s): s is Extract<RecordStep, { kind: 'contract' }> => s.kind === 'contract');
  const organizations = terms.explanation.find((s): s is Extract<RecordStep, { kind: 'organizations' }> => s.kind === 'organizations');
  const customerName = terms.customer?.name ?? organizations?.organizations.map((o) => o.name).join(', ') ?? '';
  const service = target?.service ?? terms.service;
  return {
    customer: { name: customerName === '' ? t('terms.noCustomer') : customerName },
    contract:
      terms.contract === null || terms.contractVersion === null
        ? { id: 'fallback', name: t('terms.fallbackContract'), version: { label: '—', effectiveFrom: record.startedAt.slice(0, 10), effectiveTo: null } }
        : {
            id: terms.contract.id,
            name: terms.contract.name,
            version: {
              label: `v${terms.contractVersion}`,
              effectiveFrom: contractStep?.effectiveFrom ?? record.startedAt.slice(0, 10),
              effectiveTo: contractStep?.effectiveTo ?? null,
            },
          },
    service: service === null ? { id: 'none', name: t('terms.noService') } : { id: service.id, name: service.name },
    level: { name: (target?.level ?? terms.level).name, bespoke: target?.bespoke ?? terms.bespoke },
    priorityClass: target?.priorityClass ?? terms.priorityClass,
    calendar: {
      name: (target?.calendarRef ?? terms.calendarRef).name,
      // A bespoke calendar may apply to some classes only: the zone of the class in force.
      timeZone: calendarForClass(terms, target?.priorityClass ?? terms.priorityClass).calendar.timeZone,
    },
  };
}

function presentTarget(progress: TargetProgress): PanelTarget {
  return {
    state: progress.state === 'running' ? 'on-track' : progress.state === 'missed' ? 'breached' : progress.state,
    targetMinutes: Math.max(1, Math.round(progress.targetMinutes)),
    extendedMinutes: Math.round(progress.extendedMinutes),
    deadline: progress.deadline,
    businessMinutesLeft: Math.round(progress.businessMinutesLeft),
    percentUsed: Math.max(0, progress.percentUsed),
    completedAt: progress.completedAt,
  };
}

function presentHistory(record: ClockRecord, actor: (by: string | null) => Actor, text: ReaderText): PanelHistoryEntry[] {
  const { t, duration } = text;
  const entries: PanelHistoryEntry[] = [{ at: record.startedAt, by: { type: 'app' }, kind: 'created', detail: summarizeTerms(record, text), reason: null }];
  for (const pause of record.pauses) {
    const resolved = pause.kind === 'resolved';
    const manual = pause.kind === 'manual';
    entries.push({ at: pause.from, by: actor(pause.by), kind: resolved ? 'resolved' : 'paused', detail: manual ? null : pause.reason, reason: manual ? pause.reason : null });
    if (pause.to !== null) {
      const resume = manual ? record.history.find((f) => f.kind === 'manual-resume' && f.at === pause.to) : undefined;
      entries.push({
        at: pause.to,
        by: resume !== undefined && resume.kind === 'manual-resume' ? actor(resume.by) : { type: 'app' },
        kind: resolved ? 'reopened' : 'resumed',
        detail: null,
        reason: resume !== undefined && resume.kind === 'manual-resume' ? resume.reason : null,
      });
    }
  }
  for (const fact of record.history) {
    if (fact.kind === 'extension') {
      entries.push({ at: fact.at, by: actor(fact.by), kind: 'extended', detail: t('history.extended', { amount: duration(fact.minutes) }), reason: fact.reason });
    } else if (fact.kind === 'marker') {
      entries.push({ at: fact.at, by: { type: 'app' }, kind: fact.marker, detail: null, reason: null });
    } else if (fact.kind === 'public-comment') {
      entries.push({ at: fact.at, by: actor(fact.by), kind: 'responded', detail: null, reason: null });
    }
  }
  for (const retarget of record.retargets) {
    entries.push({
      at: retarget.at,
      by: { type: 'app' },
      kind: 'retargeted',
      detail: t('history.changed', {
        from: t('history.target', { priorityClass: retarget.from.priorityClass, target: duration(retarget.from.resolutionMinutes) }),
        to: t('history.target', { priorityClass: retarget.to.priorityClass, target: duration(retarget.to.resolutionMinutes) }),
      }),
      reason: null,
    });
  }
  for (const change of record.termsHistory) {
    entries.push({
      at: change.at,
      by: actor(change.by),
      kind: 'reapplied',
      // The digests of replaced terms keep only their stored (English) one-line summary.
      detail: t('history.changed', { from: change.previous?.summary ?? '—', to: change.next?.summary ?? '—' }),
      reason: change.reason,
    });
  }
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * The clock's start in one line, in the reader's language: the values of the explanation steps,
 * e.g. `Acme Logistics → Acme v1 → E-mail → Gold → P1 → 4 h → Office hours`.
 */
function summarizeTerms(record: ClockRecord, text: ReaderText): string | null {
  const steps = presentExplanation(record.terms?.explanation ?? record.uncovered?.explanation ?? [], text);
  return steps.length === 0 ? null : steps.map((step) => step.value).join(' → ');
}

/** The explanation steps of the record as the panel's kinds, values and reasons. */
export function presentExplanation(steps: readonly RecordStep[], { t, duration }: ReaderText): ExplanationStep[] {
  const out: ExplanationStep[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'organizations':
        if (step.organizations.length > 0) {
          const names = step.organizations.map((o) => o.name).join(', ');
          out.push({ kind: 'customer', value: names, because: t('because.organizations', { count: step.organizations.length, names }) });
        }
        break;
      case 'contract':
        out.push({
          kind: 'contract',
          value: `${step.contract.name} v${step.version}`,
          because:
            step.effectiveTo === null
              ? t('because.versionOpenEnded', { version: step.version, from: step.effectiveFrom })
              : t('because.version', { version: step.version, from: step.effectiveFrom, to: step.effectiveTo }),
        });
        break;
      case 'strictest':
        out.push({ kind: 'contract', value: step.chosen.name, because: t('because.strictest', { count: step.candidates.length }) });
        break;
      case 'contract-rejected':
        out.push({ kind: 'no-contract', value: step.contract.name, because: t(`uncovered.${step.reason}`) });
        break;
      case 'service':
        out.push({
          kind: 'service',
          value: step.service.name,
          because:
            step.matchedBy === 'default' || step.value === null
              ? t('because.defaultService')
              : step.matchedBy === 'request-type'
                ? t('because.requestType', { value: step.value })
                : step.matchedBy === 'component'
                  ? t('because.component', { value: step.value })
                  : t('because.label', { value: step.value }),
        });
        break;
      case 'level':
        out.push({ kind: 'level', value: step.level.name, because: step.bespoke ? t('because.bespoke') : null });
        break;
      case 'priority':
        out.push({
          kind: 'priority',
          value: step.priorityClass,
          because:
            step.source === 'missing'
              ? t('because.priority.missing')
              : t(step.source === 'mapped' ? 'because.priority.mapped' : 'because.priority.unmapped', { priority: step.jiraPriority ?? '' }),
        });
        break;
      case 'target': {
        const resolution = duration(step.resolutionMinutes);
        const bespoke = step.bespoke ? 'yes' : 'no';
        out.push({
          kind: 'target',
          value: resolution,
          because:
            step.responseMinutes === null
              ? t('because.target', { resolution, bespoke })
              : t('because.targetWithResponse', { resolution, response: duration(step.responseMinutes), bespoke }),
        });
        break;
      }
      case 'calendar':
        out.push({ kind: 'calendar', value: step.calendar.name, because: step.timeZone });
        break;
      case 'fallback':
        out.push({ kind: 'fallback', value: step.level.name, because: t(`uncovered.${step.reason}`) });
        break;
      case 'uncovered':
        out.push({ kind: 'no-contract', value: t('terms.fallbackContract'), because: t(`uncovered.${step.reason}`) });
        break;
    }
  }
  return out;
}

/** The language the drafts are written in, and whose it is. */
export interface DraftLanguage {
  readonly language: PanelView['drafts']['language'];
  readonly languageOf: PanelView['drafts']['languageOf'];
  /** BCP 47 locale for the dates in the drafts. */
  readonly locale: string;
}

/**
 * The customer's language when Jira shows their locale, else the agent's.
 *
 * @example draftLocale('nl_NL', 'en_US') // { language: 'nl', languageOf: 'customer', locale: 'nl-NL' }
 */
export function draftLocale(customerLocale: string | null, agentLocale: string | null): DraftLanguage {
  const known = customerLocale !== null && customerLocale.trim() !== '';
  const { language, locale } = textFor(known ? customerLocale : agentLocale);
  return { language, languageOf: known ? 'customer' : 'agent', locale };
}

/**
 * "Tell the customer" drafts from the settings' templates, in the customer's language. `expected`
 * while the deadline can still be met; `missed` once it is at risk or passed, proposing as the new
 * expected time half the target again in business time after the later of now and the deadline (the
 * agent edits it before posting); with an extension, the `extended` template tells the moved
 * deadline instead.
 */
export function composeDrafts(
  record: ClockRecord,
  resolution: TargetProgress | null,
  database: ContractDatabase,
  customer: DraftLanguage,
  now: Date,
): PanelView['drafts'] {
  const none = { expected: null, missed: null, language: customer.language, languageOf: customer.languageOf };
  const terms = record.terms;
  const target = record.target;
  if (terms === null || target === null || resolution === null || record.deadline === null || record.outcome !== null) {
    return none;
  }
  const templates = database.settings.messages[selectLanguage(customer.locale)];
  const text = textFor(customer.locale);
  const classCalendar = calendarForClass(terms, target.priorityClass).calendar;
  const zone = classCalendar.timeZone;
  const agreement = `${target.level.name}${target.service === null ? '' : ` ${target.service.name}`}`;
  const fill = (kind: MessageTemplateKind, values: { deadline: string; newDeadline: string }): string =>
    renderCustomerTemplate(templates[kind], { ...values, agreement, service: target.service?.name ?? '', priority: target.priorityClass }, customer.locale);
  const deadline = text.instantInZone(record.deadline, zone);
  const late = resolution.state === 'at-risk' || resolution.state === 'breached';
  const expected = late ? null : fill(target.extensions > 0 ? 'extended' : 'expected', { deadline, newDeadline: deadline });
  let missed: string | null = null;
  if (late) {
    const from = new Date(Math.max(now.getTime(), Date.parse(record.deadline)));
    const calendar = compileCalendarOnce(classCalendar);
    const estimate = addBusinessMinutes(calendar, from, Math.ceil((target.resolutionMinutes + target.extensionMinutes) / 2));
    missed = fill('missed', { deadline, newDeadline: text.instantInZone(estimate, zone) });
  }
  return { ...none, expected, missed };
}

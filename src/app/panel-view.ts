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
  PanelPromise,
  PanelState,
  PanelTarget,
  PanelTerms,
  PanelView,
} from '../contract/panel-api';
import { PRIORITY_CLASSES } from '../contract/contract-database';
import { compileCalendarOnce } from '../domain/calendar-cache';
import { addBusinessMinutes, businessMinutesBetween } from '../domain/business-time';
import { describeClock, listClockActions, type ClockView, type TargetProgress } from '../domain/clock-view';
import { wallTimeOf } from '../domain/local-date';
import { uncoveredHelp } from './uncovered-help';
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
  /** The request's JSM request type (its out-of-contract rate may be its own). */
  readonly requestTypeId: string | null;
  readonly now: Date;
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
      drafts: { expected: null, missed: null, missedPromise: null, uncovered: null, language: customer.language, languageOf: customer.languageOf },
      promise: null,
      uncovered: null,
      can: { postMessage: viewer.canComment, promise: false, reapply: viewer.canEditClock, pause: false, resume: false, extend: false },
      problem: null,
    };
  }
  const view = describeClock(record, input.now);
  const actions = listClockActions(record);
  const actor = (by: string | null): Actor =>
    by === null ? { type: 'app' } : { type: 'user', accountId: by, displayName: input.displayNames.get(by) ?? by };
  const terms = record.terms === null ? null : presentTerms(record, record.terms, text);
  const resolution = view.resolution === null ? null : presentTarget(view.resolution);
  const help = uncoveredHelp(record, input.database, input.requestTypeId, text, textFor(customer.locale));
  const drafts = composeDrafts(record, view.resolution, input.database, customer, input.now, viewer.timeZone);
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
    drafts: { ...drafts, uncovered: help?.draft ?? null },
    promise: presentPromise(view.promise, actor),
    uncovered: help?.panel ?? null,
    can: {
      postMessage: viewer.canComment,
      promise: viewer.canComment && actions.promise,
      reapply: viewer.canEditClock && actions.reapply,
      pause: viewer.canEditClock && actions.pause,
      resume: viewer.canEditClock && actions.resume,
      extend: viewer.canEditClock && actions.extend,
    },
    problem: record.error === null ? null : text.t(`problem.${record.error.reason}`),
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

function presentPromise(promise: ClockView['promise'], actor: (by: string | null) => Actor): PanelPromise | null {
  if (promise === null) return null;
  return {
    expectedAt: promise.expectedAt,
    madeAt: promise.madeAt,
    by: actor(promise.by),
    state: promise.state,
    businessMinutesLeft: promise.businessMinutesLeft,
    warnAt: promise.warnAt,
    warnedAt: promise.warnedAt,
  };
}

function presentHistory(record: ClockRecord, actor: (by: string | null) => Actor, text: ReaderText): PanelHistoryEntry[] {
  const { t, duration } = text;
  const zone = record.terms?.calendar.timeZone ?? 'UTC';
  const targetNow = record.target === null ? null : text.target(record.target.resolutionMinutes, record.target.extensionMinutes);
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
      // Stamped with the instant the threshold was crossed, not when the sweep noticed (issue 11 item 7).
      const detail = fact.percentUsed === undefined || targetNow === null ? null : t('history.crossed', { percent: fact.percentUsed, target: targetNow });
      entries.push({ at: fact.crossedAt ?? fact.at, by: { type: 'app' }, kind: fact.marker, detail, reason: null });
    } else if (fact.kind === 'promise') {
      entries.push({ at: fact.at, by: actor(fact.by), kind: 'promised', detail: t('history.promised', { time: text.shortInstantInZone(fact.expectedAt, zone) }), reason: null });
    } else if (fact.kind === 'promise-warning') {
      const promised = record.history.find((f) => f.kind === 'promise' && f.id === fact.promiseId);
      const time = promised?.kind === 'promise' ? text.shortInstantInZone(promised.expectedAt, zone) : '—';
      entries.push({ at: fact.at, by: { type: 'app' }, kind: 'promise-warned', detail: t('history.promiseWarned', { time }), reason: null });
    } else if (fact.kind === 'public-comment') {
      entries.push({ at: fact.at, by: actor(fact.by), kind: 'responded', detail: null, reason: null });
    }
  }
  for (const retarget of record.retargets) {
    const change = {
      from: t('history.target', { priorityClass: retarget.from.priorityClass, target: duration(retarget.from.resolutionMinutes) }),
      to: t('history.target', { priorityClass: retarget.to.priorityClass, target: duration(retarget.to.resolutionMinutes) }),
    };
    const order = PRIORITY_CLASSES.indexOf(retarget.to.priorityClass) - PRIORITY_CLASSES.indexOf(retarget.from.priorityClass);
    const detail =
      retarget.cause !== 'priority' || order === 0
        ? t('history.changed', change)
        : t(order > 0 ? 'history.priorityLowered' : 'history.priorityRaised', change);
    // Who changed the priority or service (the changelog's author); the app when Jira did not say.
    entries.push({ at: retarget.at, by: actor(retarget.by ?? null), kind: 'retargeted', detail, reason: null });
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
  agentZone: string,
): PanelView['drafts'] {
  const none = { expected: null, missed: null, missedPromise: null, uncovered: null, language: customer.language, languageOf: customer.languageOf };
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
  let missedPromise: PanelView['drafts']['missedPromise'] = null;
  if (late) {
    const from = new Date(Math.max(now.getTime(), Date.parse(record.deadline)));
    const calendar = compileCalendarOnce(classCalendar);
    const estimate = addBusinessMinutes(calendar, from, Math.ceil((target.resolutionMinutes + target.extensionMinutes) / 2));
    missed = fill('missed', { deadline, newDeadline: text.instantInZone(estimate, zone) });
    missedPromise = {
      expectedAt: estimate.toISOString(),
      local: wallTimeOf(estimate, agentZone),
      businessHours: Math.ceil(businessMinutesBetween(calendar, now, estimate) / 60),
    };
  }
  return { ...none, expected, missed, missedPromise };
}

/**
 * The `missed` draft naming a promised time the agent picked, in the customer's language.
 *
 * @example composePromiseDraft(record, database, draftLocale('nl_NL', null), new Date('2026-10-06T12:00:00Z'))
 */
export function composePromiseDraft(record: ClockRecord, database: ContractDatabase, customer: DraftLanguage, expectedAt: Date): string | null {
  const terms = record.terms;
  const target = record.target;
  if (terms === null || target === null || record.deadline === null) return null;
  const templates = database.settings.messages[selectLanguage(customer.locale)];
  const text = textFor(customer.locale);
  const zone = calendarForClass(terms, target.priorityClass).calendar.timeZone;
  const agreement = `${target.level.name}${target.service === null ? '' : ` ${target.service.name}`}`;
  return renderCustomerTemplate(
    templates.missed,
    {
      deadline: text.instantInZone(record.deadline, zone),
      newDeadline: text.instantInZone(expectedAt, zone),
      agreement,
      service: target.service?.name ?? '',
      priority: target.priorityClass,
    },
    customer.locale,
  );
}

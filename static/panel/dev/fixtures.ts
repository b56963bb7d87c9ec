/**
 * Dev-only: realistic `panel/get` view models for each panel state, as the backend would compute
 * them (texts in the agent's language). Used by the harness page and by test/ui, which checks that
 * every scenario parses with the shared schema — so the fixtures cannot drift from the contract.
 *
 * Never part of the production bundle (nothing under static/panel/src imports it). Pure data: the
 * instants are fixed, "now" is 2026-12-01T10:00:00Z.
 */
import type { Language } from '../../../src/i18n/messages';
import type {
  ExplanationStep,
  PanelHistoryEntry,
  PanelPause,
  PanelState,
  PanelTarget,
  PanelTerms,
  PanelView,
  ReapplyPreview,
} from '../../../src/contract/panel-api';

export const scenarios = ['on-track', 'at-risk', 'breached', 'paused', 'met', 'uncovered', 'error'] as const satisfies readonly PanelState[];
export type Scenario = (typeof scenarios)[number];

export const FIXTURE_NOW = '2026-12-01T10:00:00Z';
export const FIXTURE_ISSUE_KEY = 'SUP-142';

const agent = { type: 'user', accountId: '5b10a2844c20165700ede21g', displayName: 'Sanne de Vries' } as const;
const app = { type: 'app' } as const;

/** Picks the English or Dutch text, as the backend composes texts in the agent's language. */
function say(language: Language, en: string, nl: string): string {
  return language === 'nl' ? nl : en;
}

export const acmeTerms: PanelTerms = {
  customer: { name: 'ACME B.V.' },
  contract: {
    id: 'acme-2026',
    name: 'ACME Managed Workplace 2026',
    version: { label: 'v3', effectiveFrom: '2026-01-01', effectiveTo: null },
  },
  service: { id: 'email', name: 'E-mail' },
  level: { name: 'Gold', bespoke: false },
  priorityClass: 'P2',
  calendar: { name: 'ACME office hours', timeZone: 'Europe/Amsterdam' },
};

function explainAcme(language: Language): ExplanationStep[] {
  return [
    { kind: 'customer', value: 'ACME B.V.', because: say(language, "organization of the request: 'ACME'", "organisatie van het verzoek: 'ACME'") },
    { kind: 'contract', value: 'ACME Managed Workplace 2026 v3', because: say(language, 'in force on the creation date, 1 Dec 2026', 'geldig op de aanmaakdatum, 1 dec 2026') },
    { kind: 'service', value: 'E-mail', because: say(language, "request type 'E-mail problem'", "verzoektype 'E-mailprobleem'") },
    { kind: 'level', value: 'Gold', because: null },
    { kind: 'priority', value: 'P2', because: say(language, 'Jira priority High', 'Jira-prioriteit High') },
    { kind: 'target', value: say(language, '8 h resolution, 1 h first response', '8 u oplossen, 1 u eerste reactie'), because: null },
    { kind: 'calendar', value: 'ACME office hours', because: 'Europe/Amsterdam, ma–vr 08:30–17:30' },
  ];
}

function target(partial: Partial<PanelTarget> & Pick<PanelTarget, 'state'>): PanelTarget {
  return {
    targetMinutes: 480,
    extendedMinutes: 0,
    deadline: '2026-12-02T09:50:00Z',
    businessMinutesLeft: 290,
    percentUsed: 39.6,
    completedAt: null,
    ...partial,
  };
}

const respondedOnTime = target({
  state: 'met',
  targetMinutes: 60,
  deadline: '2026-12-01T09:10:00Z',
  businessMinutesLeft: 28,
  percentUsed: 53.3,
  completedAt: '2026-12-01T08:42:00Z',
});

function statusPause(language: Language): PanelPause {
  return {
    from: '2026-11-30T14:05:00Z',
    to: '2026-12-01T08:15:00Z',
    kind: 'status',
    reason: say(language, 'Waiting for customer', 'Wachten op klant'),
    by: app,
  };
}

function baseHistory(language: Language): PanelHistoryEntry[] {
  return [
    { at: '2026-12-01T08:42:00Z', by: agent, kind: 'responded', detail: say(language, 'within 1 h target', 'binnen norm van 1 u'), reason: null },
    { at: '2026-12-01T08:15:00Z', by: app, kind: 'resumed', detail: say(language, 'status In progress', 'status In behandeling'), reason: null },
    { at: '2026-11-30T14:05:00Z', by: app, kind: 'paused', detail: say(language, 'status Waiting for customer', 'status Wachten op klant'), reason: null },
    { at: '2026-11-30T13:20:00Z', by: app, kind: 'created', detail: 'Gold · P2 · 8 h', reason: null },
  ];
}

function drafts(language: Language, expectedBy: string, newTime: string) {
  return {
    // The fixtures' customer speaks the viewer's language; the sandbox shows the other cases.
    language,
    languageOf: 'customer' as const,
    expected: say(
      language,
      `Hello,\n\nThank you for your request. Under your Gold agreement we expect to resolve this by ${expectedBy} (Europe/Amsterdam).\n\nKind regards,\nSanne de Vries`,
      `Beste klant,\n\nDank voor je verzoek. Volgens je Gold-overeenkomst verwachten we dit op te lossen vóór ${expectedBy} (Europe/Amsterdam).\n\nMet vriendelijke groet,\nSanne de Vries`,
    ),
    missed: say(
      language,
      `Hello,\n\nWe are sorry: we will not resolve this within the 8 business hours of your Gold agreement. We now expect to resolve it by ${newTime} (Europe/Amsterdam) and will keep you posted.\n\nKind regards,\nSanne de Vries`,
      `Beste klant,\n\nHet spijt ons: we lossen dit niet op binnen de 8 werkuren van je Gold-overeenkomst. We verwachten het nu op te lossen vóór ${newTime} (Europe/Amsterdam) en houden je op de hoogte.\n\nMet vriendelijke groet,\nSanne de Vries`,
    ),
    missedPromise: { expectedAt: '2026-12-02T14:00:00Z', local: '2026-12-02T14:00', businessHours: 6 },
    uncovered: null,
  };
}

const noDrafts = (language: Language) => ({ expected: null, missed: null, missedPromise: null, uncovered: null, language, languageOf: 'customer' as const });

const allowRunning = { postMessage: true, promise: false, reapply: true, pause: true, resume: false, extend: true };
const allowNothing = { postMessage: false, promise: false, reapply: false, pause: false, resume: false, extend: false };

/**
 * The view model of a scenario. `agentZone` differs from the contract's zone by default so both
 * deadline lines show.
 */
export function buildScenarioView(
  scenario: Scenario,
  language: Language,
  options: { isJiraAdmin?: boolean; agentZone?: string } = {},
): PanelView {
  const viewer = { timeZone: options.agentZone ?? 'Europe/London', isJiraAdmin: options.isJiraAdmin ?? false };
  const base: PanelView = {
    issueKey: FIXTURE_ISSUE_KEY,
    state: 'on-track',
    revision: 7,
    viewer,
    terms: acmeTerms,
    resolution: target({ state: 'on-track' }),
    response: respondedOnTime,
    pauses: [statusPause(language)],
    history: baseHistory(language),
    explanation: explainAcme(language),
    drafts: drafts(language, say(language, 'Wednesday 2 December, 10:50', 'woensdag 2 december, 10:50'), say(language, 'Wednesday 2 December, 15:00', 'woensdag 2 december, 15:00')),
    promise: null,
    uncovered: null,
    can: allowRunning,
    problem: null,
  };

  switch (scenario) {
    case 'on-track':
      return base;
    case 'at-risk':
      return {
        ...base,
        state: 'at-risk',
        resolution: target({ state: 'at-risk', deadline: '2026-12-01T10:45:00Z', businessMinutesLeft: 45, percentUsed: 90.6 }),
        history: [
          { at: '2026-12-01T09:35:00Z', by: app, kind: 'at-risk', detail: say(language, '90% of 8 h used', '90% van 8 u gebruikt'), reason: null },
          ...base.history,
        ],
        can: { ...allowRunning, promise: true },
      };
    case 'breached':
      return {
        ...base,
        state: 'breached',
        resolution: target({
          state: 'breached',
          targetMinutes: 540,
          extendedMinutes: 60,
          deadline: '2026-12-01T08:25:00Z',
          businessMinutesLeft: -95,
          percentUsed: 117.6,
        }),
        history: [
          { at: '2026-12-01T09:40:00Z', by: agent, kind: 'promised', detail: say(language, 'new expected time told to the customer: Wed 2 Dec 2026, 15:00 (Europe/Amsterdam)', 'nieuw verwacht tijdstip aan de klant gemeld: wo 2 dec 2026, 15:00 (Europe/Amsterdam)'), reason: null },
          { at: '2026-12-01T08:25:00Z', by: app, kind: 'breached', detail: say(language, '100% of the 8 h + 1 h extension target used', '100% van de norm van 8 u + 1 u verlenging gebruikt'), reason: null },
          {
            at: '2026-11-30T16:10:00Z',
            by: agent,
            kind: 'extended',
            detail: '+1 h',
            reason: say(language, 'Customer asked to wait for their network engineer.', 'Klant vroeg te wachten op hun netwerkbeheerder.'),
          },
          ...base.history,
        ],
        promise: { expectedAt: '2026-12-02T14:00:00Z', madeAt: '2026-12-01T09:40:00Z', by: agent, state: 'pending', businessMinutesLeft: 420, warnAt: '2026-12-02T13:00:00Z', warnedAt: null },
        can: { ...allowRunning, promise: true },
      };
    case 'paused':
      return {
        ...base,
        state: 'paused',
        resolution: target({ state: 'paused', deadline: null, businessMinutesLeft: 150, percentUsed: 68.75 }),
        pauses: [
          statusPause(language),
          {
            from: '2026-12-01T09:30:00Z',
            to: null,
            kind: 'manual',
            reason: say(language, "Waiting for the supplier's replacement part", 'Wachten op het vervangende onderdeel van de leverancier'),
            by: agent,
          },
        ],
        history: [
          {
            at: '2026-12-01T09:30:00Z',
            by: agent,
            kind: 'paused',
            detail: null,
            reason: say(language, "Waiting for the supplier's replacement part", 'Wachten op het vervangende onderdeel van de leverancier'),
          },
          ...base.history,
        ],
        can: { ...allowRunning, pause: false, resume: true },
      };
    case 'met':
      return {
        ...base,
        state: 'met',
        resolution: target({
          state: 'met',
          deadline: '2026-12-02T09:50:00Z',
          businessMinutesLeft: 130,
          percentUsed: 72.9,
          completedAt: '2026-12-01T14:20:00Z',
        }),
        history: [
          { at: '2026-12-01T14:20:00Z', by: agent, kind: 'resolved', detail: say(language, 'met, 2 h 10 min to spare', 'gehaald, 2 u 10 min over'), reason: null },
          ...base.history,
        ],
        drafts: noDrafts(language),
        can: allowNothing,
      };
    case 'uncovered':
      return {
        ...base,
        state: 'uncovered',
        revision: 1,
        terms: null,
        resolution: null,
        response: null,
        pauses: [],
        history: [{ at: '2026-12-01T09:55:00Z', by: app, kind: 'created', detail: say(language, 'no contract applies', 'geen contract van toepassing'), reason: null }],
        explanation: [
          { kind: 'customer', value: 'Globex Ltd', because: say(language, "organization of the request: 'Globex'", "organisatie van het verzoek: 'Globex'") },
          {
            kind: 'no-contract',
            value: say(language, 'No contract in force on 1 Dec 2026', 'Geen contract geldig op 1 dec 2026'),
            because: say(language, 'no best-effort fallback is configured', 'er is geen terugvaloptie ingesteld'),
          },
        ],
        drafts: {
          ...noDrafts(language),
          uncovered: say(
            language,
            'This request is not covered by your contract. We handle it on a best-effort basis, without a guaranteed resolution time. Work outside the contract is charged at €95.00 per hour.',
            'Deze aanvraag valt niet onder uw contract. We behandelen hem naar beste vermogen, zonder gegarandeerde oplostijd. Werk buiten het contract rekenen we af tegen € 95,00 per uur.',
          ),
        },
        uncovered: { reason: 'contract-not-in-force', bestEffort: false, contract: 'Globex Ltd 2026', service: null, rate: say(language, '€95.00 per hour', '€ 95,00 per uur'), pricesHidden: false },
        can: { ...allowNothing, postMessage: true, reapply: true },
      };
    case 'error':
      return {
        ...base,
        state: 'error',
        resolution: null,
        response: null,
        problem: say(
          language,
          "The calendar 'ACME office hours' has no business time in the next 366 days; check its working hours and holidays.",
          "De kalender 'ACME office hours' heeft de komende 366 dagen geen werktijd; controleer de werktijden en feestdagen.",
        ),
        drafts: noDrafts(language),
        can: { ...allowNothing, reapply: true },
      };
  }
}

/** What re-applying would change for a view: the contract's v4 gives P2 a 6 h target. */
export function buildReapplyPreview(view: PanelView, language: Language): ReapplyPreview {
  const proposedTerms: PanelTerms = {
    ...acmeTerms,
    contract: { ...acmeTerms.contract, version: { label: 'v4', effectiveFrom: '2026-11-15', effectiveTo: null } },
  };
  return {
    revision: view.revision,
    changed: true,
    current: { terms: view.terms, deadline: view.resolution?.deadline ?? null },
    proposed: { terms: proposedTerms, deadline: '2026-12-01T16:50:00Z', targetMinutes: 360 },
    breachesAtOnce: view.state === 'at-risk' ? { overdueMinutes: 75 } : null,
    explanation: explainAcme(language).map((step) =>
      step.kind === 'contract'
        ? { ...step, value: 'ACME Managed Workplace 2026 v4', because: say(language, 'in force today, 1 Dec 2026', 'vandaag geldig, 1 dec 2026') }
        : step.kind === 'target'
          ? { ...step, value: say(language, '6 h resolution, 1 h first response', '6 u oplossen, 1 u eerste reactie') }
          : step,
    ),
  };
}

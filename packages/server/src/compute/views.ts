/**
 * The computed views of a negotiation (frontier, MESO set, status, coach, lint, debrief), as the
 * commands' `--json` gives them: the same core functions, run in a compute worker under a work
 * budget. A view that would take more work than the budget answers 422 with what to change,
 * never a coarser answer: under the budget a view is exactly what `parley` prints without one.
 *
 * Each worker remembers the compiled plans and replayed journals it saw last (keyed by version and
 * journal), so asking for the coach after the status does not replay the journal again.
 */
import {
  buildDocument,
  bundleWarnings,
  coach,
  compileSpace,
  debriefView,
  epsilonWork,
  estimateLabel,
  findingsJson,
  frontierView,
  isDocumentFailure,
  type JournalEvent,
  learnerStateBytes,
  lintNegotiation,
  locateFindings,
  mesoView,
  type Negotiation,
  negotiationStatus,
  negotiationWarnings,
  type Plan,
  readSource,
  negotiation as replayNegotiation,
  type Space,
  sarifLog,
  suggestEpsilon,
  withWorkBudget,
} from '@parley/core'
import { createMemo } from '../memo'
import { askWithEpsilon, smallerOrLocal } from './advice'
import type { NegotiationInput, ViewAnswer, ViewQuery, ViewRequest } from './requests'

/** Compiled plans and replayed journals per worker; a few negotiations at a time is the common case. */
const memo = createMemo(32)

function spaceOf(negotiation: NegotiationInput): Space {
  return memo.get(`space:${negotiation.id}@${negotiation.version}`, () =>
    compileSpace(JSON.parse(negotiation.planJson) as Plan),
  )
}

function journalOf(negotiation: NegotiationInput, space: Space) {
  const key = `journal:${negotiation.id}@${negotiation.version}#${negotiation.eventCount}:${negotiation.lastEventId ?? ''}`
  return memo.get(key, () => {
    const events = JSON.parse(negotiation.eventsJson) as JournalEvent[]
    // The journal grows a move at a time: learn only the moves added since this plan version's last
    // replay (core checks that its moves begin this journal, and learns all of them when not).
    const latest = `latest:${negotiation.id}@${negotiation.version}`
    const before = memo.peek<Negotiation>(latest)
    const derived = replayNegotiation(space, events, before)
    memo.set(latest, derived)
    return { events, derived }
  })
}

const answer = (status: 200 | 422, body: unknown): ViewAnswer => ({ status, json: JSON.stringify(body) })

const refusal = (code: string, message: string, extra: object = {}): ViewAnswer =>
  answer(422, { error: { code, message, path: '' }, ...extra })

/** Computes one view; a view over its work budget is a 422 saying what would fit. */
export function computeView(request: ViewRequest): ViewAnswer {
  const { negotiation, query, workBudget } = request
  const space = spaceOf(negotiation)
  const result = withWorkBudget(workBudget, () => viewOf(request, space))
  if (result.ok) return result.value
  return overBudget(space, query, workBudget)
}

function viewOf(request: ViewRequest, space: Space): ViewAnswer {
  const { negotiation, query } = request
  if (query.view === 'frontier') {
    const result = frontierView(
      space,
      { rule: query.rule, ...(query.epsilon !== undefined ? { epsilon: query.epsilon } : {}) },
      (e) => `ask again with ?epsilon=${e}`,
    )
    if (!result.ok) return refusal(result.code, result.message, result)
    // The frontier is on the plan's estimate of them, as `parley frontier --json` says.
    return answer(200, { ...result.view, estimate: estimateLabel(0) })
  }
  const { events, derived } = journalOf(negotiation, space)
  switch (query.view) {
    case 'meso': {
      const learned = events.length > 0 ? derived.posterior : undefined
      const result = mesoView(
        space,
        {
          ...(query.count !== undefined ? { count: query.count } : {}),
          ...(query.target !== undefined ? { target: query.target } : {}),
          ...(query.tolerance !== undefined ? { tolerance: query.tolerance } : {}),
        },
        learned,
        derived.state,
      )
      if (!result.ok) return refusal(result.failure.code, result.failure.message, result.view)
      const warnings = bundleWarnings(space, result.estimate, result.set.bundles)
      return answer(200, { ...result.view, warnings, learned: learned !== undefined })
    }
    case 'status':
      return answer(200, {
        ...negotiationStatus(space, events, derived),
        warnings: negotiationWarnings(space, derived),
        version: negotiation.version,
      })
    case 'coach':
      return answer(200, coach(space, events, query.stage ? { stage: query.stage } : {}, derived))
    case 'lint': {
      const findings = locate(negotiation, lintNegotiation(space, events, derived))
      return answer(
        200,
        query.format === 'sarif'
          ? sarifLog(findings, { version: request.serverVersion })
          : findingsJson(findings),
      )
    }
    case 'debrief':
      return answer(200, debriefView(space, derived.state, derived.posterior))
    case 'learned': {
      // Named by what it was learned on, so the client uses it only with that plan and journal.
      const kept = {
        version: negotiation.version,
        eventCount: negotiation.eventCount,
        lastEventId: negotiation.lastEventId,
      }
      const state = derived.learner?.snapshot()
      if (!state) throw new Error('a replayed negotiation has no learner')
      return { status: 200, json: '', bytes: learnerStateBytes(state, kept) }
    }
    case 'document': {
      // The MESO sheet with no offer sent proposes the set `meso` would, under what was learned.
      const built = buildDocument(query.kind, space, derived.state, { learned: derived.posterior })
      if (isDocumentFailure(built)) return refusal(built.code, built.message)
      return answer(200, built)
    }
  }
}

/** Findings placed in the kept plan file when there is one (lines and columns), else by path. */
function locate(negotiation: NegotiationInput, findings: Parameters<typeof locateFindings>[0]) {
  const format = negotiation.planFormat ?? 'json'
  const source = negotiation.planText !== null ? readSource(negotiation.planText, format) : undefined
  return locateFindings(findings, {
    plan: { name: `plan.${format}`, ...(source ? { source } : {}) },
    journal: { name: 'journal' },
  })
}

/** What to change when a view needs more work than the server gives one request. */
export function overBudget(space: Space, query: ViewQuery, workBudget: number): ViewAnswer {
  const size = `${space.issues.length} issue${space.issues.length === 1 ? '' : 's'} with up to ${Math.max(...space.issues.map((issue) => issue.levels.length))} levels each`
  const over = 'needs more work than this server gives one request'
  if (query.view === 'frontier') {
    // With our limits, the report computes a second frontier (the zone of agreement) the same way.
    const epsilon = suggestEpsilon(space, workBudget / 2)
    const helps =
      epsilonWork(space, epsilon) <= workBudget / 2 &&
      (query.epsilon === undefined || epsilon > query.epsilon)
    const asked =
      query.epsilon === undefined ? 'the exact frontier' : `a frontier within ${query.epsilon} points`
    return refusal(
      'over_budget',
      `${asked} of this plan (${size}) ${over}; ${helps ? askWithEpsilon(epsilon) : smallerOrLocal('frontier', { epsilon: false })}`,
      { workBudget, ...(helps ? { suggestedEpsilon: epsilon } : {}) },
    )
  }
  const what = {
    meso: 'choosing a MESO set',
    status: 'the status',
    coach: "the coach's advice (it checks the MESO set it suggests)",
    lint: 'checking the plan (it checks that a MESO set exists)',
    debrief: 'the debrief',
    document: 'this document',
    learned: 'learning from the journal',
  }[query.view]
  return refusal('over_budget', `${what} for this plan (${size}) ${over}; ${smallerOrLocal(query.view)}`, {
    workBudget,
  })
}

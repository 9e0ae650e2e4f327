/**
 * The shape of the linter's table: a check applies one rule of rules.ts to one subject (the plan,
 * a text meant for them, an offer, a concession...), and a pass applies its checks, in order, to
 * each of its subjects in turn. Findings come out in pass order, then subject order, then check
 * order: the order people read them in.
 */
import type { JournalEvent } from '../journal/events'
import type { NegotiationState } from '../journal/replay'
import type { Plan } from '../model/plan'
import type { PathSegment } from '../model/problem'
import { compileRequirements, type Requirements } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import type { FigureMatch } from '../sharing/private-figures'
import type { Finding, FindingPlace, LintInput } from './finding'
import type { LintRule } from './rules'
import { keyFigureMatcher } from './text-checks'

/** What every check may read: the input, and what several checks need, worked out at most once. */
export interface LintContext {
  input: LintInput
  space: Space
  plan: Plan
  events: readonly JournalEvent[]
  /** The journal replayed, when there is one to check. */
  state: NegotiationState | undefined
  /** The decision rule's and our limits' constraints, compiled. */
  requirements: () => Requirements
  /** Our key private figures as they appear in a text (see text-checks.ts). */
  privateFiguresIn: (text: string) => FigureMatch[]
  planPlace: (...at: PathSegment[]) => FindingPlace
  /** A place in the event with this id (the first event when it is not in the journal). */
  eventPlace: (eventId: string, ...at: PathSegment[]) => FindingPlace
  /** The event's position in the journal, 0-based. */
  eventIndex: (eventId: string) => number | undefined
}

/** A finding before its rule's id, severity and fix are attached. */
export interface Draft {
  place: FindingPlace
  message: string
}

export interface LintCheck<Subject> {
  rule: LintRule
  check: (subject: Subject, context: LintContext) => readonly Draft[]
}

export interface LintPassDefinition<Subject> {
  /** What the pass looks at, in a few words. */
  name: string
  /** Its subjects, in the order their findings are reported. */
  subjects: (context: LintContext) => readonly Subject[]
  checks: readonly LintCheck<Subject>[]
}

/** A pass with its subject type sealed in, so passes over different subjects share one table. */
export interface LintPass {
  name: string
  /** The rules its checks report. */
  rules: readonly LintRule[]
  run: (context: LintContext) => Finding[]
}

export function lintPass<Subject>(definition: LintPassDefinition<Subject>): LintPass {
  return {
    name: definition.name,
    rules: definition.checks.map((check) => check.rule),
    run: (context) =>
      definition.subjects(context).flatMap((subject) =>
        definition.checks.flatMap(({ rule, check }) =>
          check(subject, context).map(({ place, message }) => ({
            id: rule.id,
            severity: rule.severity,
            place,
            message,
            fix: rule.fix,
          })),
        ),
      ),
  }
}

/** The value of `compute`, worked out on first use only. */
export function once<T>(compute: () => T): () => T {
  let memo: { value: T } | undefined
  return () => {
    memo ??= { value: compute() }
    return memo.value
  }
}

/** The context for one run of the linter. */
export function lintContext(input: LintInput): LintContext {
  const { space } = input
  const events = input.events ?? []
  const positions = new Map(events.map((event, k) => [event.id, k]))
  const context: LintContext = {
    input,
    space,
    plan: space.plan,
    events,
    state: input.state,
    requirements: once(() => compileRequirements(space)),
    privateFiguresIn: (text) => matcher()(text),
    planPlace: (...at) => ({ document: 'plan', at }),
    eventPlace: (eventId, ...at) => ({
      document: 'journal',
      event: positions.get(eventId) ?? 0,
      eventId,
      at,
    }),
    eventIndex: (eventId) => positions.get(eventId),
  }
  const matcher = once(() => keyFigureMatcher(space, events, input.state))
  return context
}

/**
 * Random journals over any plan, for property tests of what is read from a negotiation as it
 * stands (the coach's words, the counterparty view): offers of one to three bundles, choices,
 * rankings, rejections with and without counters, stated interests, concessions, contingencies
 * (with exchanges, own wordings that end in a full stop, and acceptances), agreements and
 * debriefs. Some events do not fit where they land (a choice before any offer, a label never
 * offered); replay skips those, as it does in a real journal.
 */
import fc from 'fast-check'
import type { JournalEvent } from '../journal/events'
import type { Level, Plan, Terms } from '../model/plan'
import { compileSpace } from '../scoring/space'
import { event } from './events'

export interface JournalShape {
  /** Most events after the opening offer. */
  maxEvents?: number
}

/** A random journal for the plan: half the time it opens with an offer of a set, so the later moves land. */
export function journalArb(plan: Plan, shape: JournalShape = {}): fc.Arbitrary<JournalEvent[]> {
  const space = compileSpace(plan)
  const issues = space.issues
  const levelOf = (index: number) => fc.constantFrom<Level>(...(issues[index]?.levels ?? [0]))
  const terms: fc.Arbitrary<Terms> = fc
    .tuple(...issues.map((issue) => levelOf(issue.index)))
    .map((levels) => Object.fromEntries(issues.map((issue, k) => [issue.id, levels[k] as Level])))
  const partial: fc.Arbitrary<Terms> = terms.chain((full) =>
    fc
      .subarray(Object.keys(full))
      .map((keys) => Object.fromEntries(keys.map((key) => [key, full[key] as Level]))),
  )
  const ids = issues.map((issue) => issue.id)
  const offer = fc
    .array(terms, { minLength: 1, maxLength: 3 })
    .map((bundles) => event('offer-sent', { bundles: bundles.map((t) => ({ terms: t })) }))
  const contingency = fc
    .record({
      id: fc.constantFrom('k1', 'k2'),
      issue: fc.integer({ min: 0, max: issues.length - 1 }),
      pick: fc.nat(),
      exchange: fc.option(partial, { nil: undefined }),
      text: fc.option(
        fc.constantFrom(
          'if monthly uptime falls below the agreed level, the next invoice carries a service credit.',
          'if go-live slips past the agreed date, the first quarter is billed at half.',
        ),
        { nil: undefined },
      ),
    })
    .map(({ id, issue, pick, exchange, text }) => {
      const model = issues[issue]
      const level = model?.levels[pick % model.levels.length] ?? 0
      return event('contingency-proposed', {
        contingency: {
          id,
          metric: 'monthly uptime',
          op: '<',
          threshold: 'the agreed level',
          consequence: { issue: model?.id ?? '', level },
          measurement: { source: 'the service report' },
          ...(text ? { text } : {}),
        },
        ...(exchange && Object.keys(exchange).length > 0 ? { exchange } : {}),
      })
    })
  // Weighted so that most journals stay open long enough to trade; some still reach an agreement.
  const move = fc.oneof(
    { arbitrary: offer, weight: 2 },
    {
      arbitrary: fc.constantFrom('A', 'B', 'C').map((label) => event('bundle-chosen', { label })),
      weight: 3,
    },
    {
      arbitrary: fc
        .shuffledSubarray(['A', 'B', 'C'], { minLength: 2 })
        .map((order) => event('bundles-ranked', { order })),
      weight: 2,
    },
    {
      arbitrary: fc
        .option(fc.oneof(terms, partial))
        .map((counter) => event('offer-rejected', counter ? { counter: { terms: counter } } : {})),
      weight: 2,
    },
    {
      arbitrary: fc
        .shuffledSubarray(ids, { minLength: 1 })
        .map((ranking) => event('interest-stated', { text: 'what matters to us', ranking })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(partial, partial).map(([give, get]) => event('concession', { give, get })),
      weight: 3,
    },
    { arbitrary: contingency, weight: 3 },
    {
      arbitrary: fc.constantFrom('k1', 'k2').map((target) => event('contingency-accepted', { target })),
      weight: 2,
    },
    { arbitrary: fc.constant(null).map(() => event('note', { text: 'a note' })), weight: 1 },
    {
      arbitrary: fc.tuple(terms, fc.boolean()).map(([agreed, story]) =>
        event('agreed', {
          terms: agreed,
          ...(story ? { fairnessStory: 'Each side moved on what mattered least to it.' } : {}),
        }),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constant(null).map(() => event('debrief', { answers: { lesson: 'trade earlier' } })),
      weight: 1,
    },
  )
  const set = fc
    .array(terms, { minLength: 2, maxLength: 3 })
    .map((bundles) => event('offer-sent', { bundles: bundles.map((t) => ({ terms: t })) }))
  return fc
    .tuple(fc.option(set, { nil: undefined }), fc.array(move, { maxLength: shape.maxEvents ?? 8 }))
    .map(([opening, moves]) =>
      // Fresh ids by position: shrinking may hand the same event object back twice.
      [...(opening ? [opening] : []), ...moves].map(
        (e, k) => ({ ...e, id: `01JR${String(k).padStart(22, '0')}` }) as JournalEvent,
      ),
    )
}

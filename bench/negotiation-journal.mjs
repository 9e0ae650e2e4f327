// A 30-event journal for any plan, for the benchmarks of the commands that replay one: two MESO
// sets (one ranked, one chosen from), single offers, rejections with and without counters,
// concessions, contingencies proposed and accepted, stated interests and notes. Every event is
// admitted by core's `admitEvent`, as `parley journal add` would, so the journal is valid against
// the plan; a move the plan cannot take (a MESO set it has no room for) is left out and the next
// kind of move tried, until 30 events are in.

const EVENTS = 30

/**
 * `core`: @parley/core as bench/load-core.mjs loads it. Gives the admitted events, in order, with
 * the ids, times and plan version a real journal carries.
 */
export function negotiationJournal(core, space, count = EVENTS) {
  const issues = space.issues
  let journal = { events: [], state: core.replay(space, []) }
  let serial = 0
  const admit = (raw) => {
    serial++
    const admission = core.admitEvent(space, journal, raw, {
      id: `01JR${String(serial).padStart(22, '0')}`,
      at: new Date(Date.UTC(2026, 10, 25, 10, serial)).toISOString(),
      planVersion: 1,
    })
    if (!admission.ok) return false
    journal = { events: [...journal.events, admission.event], state: admission.state }
    return true
  }
  // Terms that move bundle `levels` on issue `index` by `step` levels (clamped to the issue).
  const termsOf = (levels) =>
    Object.fromEntries(issues.map((issue) => [issue.id, issue.levels[levels[issue.index] ?? 0]]))
  const shifted = (levels, index, step) => {
    const next = [...levels]
    const issue = issues[index % issues.length]
    next[issue.index] = Math.max(0, Math.min(issue.levels.length - 1, (next[issue.index] ?? 0) + step))
    return next
  }
  const tableLevels = () => {
    const table = journal.state.table
    return table ? [...table.offer.levelIndex] : issues.map((issue) => issue.levels.length >> 1)
  }
  let k = 0
  const mesoSet = (tolerance) => {
    let view = core.mesoView(space, { tolerance }, undefined, journal.state)
    // As a user would (and the simulator does): no set worth the table to them at the default
    // target, so ask at the highest target that has one.
    const suggested = view.ok ? undefined : view.failure.suggestedTarget
    if (typeof suggested === 'number')
      view = core.mesoView(space, { tolerance, target: suggested }, undefined, journal.state)
    if (!view.ok) return undefined
    return {
      type: 'offer-sent',
      bundles: view.set.bundles.map((bundle) => ({
        label: bundle.label,
        name: bundle.name,
        terms: bundle.terms,
      })),
    }
  }
  const moves = [
    () => mesoSet(2) ?? mesoSet(5),
    () => ({
      type: 'bundles-ranked',
      order: ['B', 'A', 'C'].slice(0, Math.max(2, journal.state.offers.at(-1)?.bundles.length ?? 2)),
    }),
    () => ({
      type: 'interest-stated',
      text: 'the first two matter most to us',
      ranking: issues.slice(0, Math.min(3, issues.length)).map((issue) => issue.id),
    }),
    () => ({ type: 'note', text: `round ${journal.state.round}: they asked for time to check with finance` }),
    () => ({
      type: 'offer-rejected',
      reason: 'too far from budget',
      counter: { terms: termsOf(shifted(tableLevels(), k, 1)) },
    }),
    () => ({
      type: 'concession',
      give: termsOf(shifted(tableLevels(), k + 1, 1)),
      get: Object.fromEntries(
        Object.entries(termsOf(shifted(tableLevels(), k + 2, -1))).filter(
          ([id]) => id === issues[(k + 2) % issues.length].id,
        ),
      ),
      trigger: 'their counter',
    }),
    () => ({
      type: 'contingency-proposed',
      contingency: {
        id: `k${k}`,
        metric: 'go-live slips',
        op: '>',
        threshold: 14,
        within: '90 days',
        consequence: { issue: issues[k % issues.length].id, level: issues[k % issues.length].levels[0] },
        measurement: { source: 'the project plan', reporting: 'weekly status report' },
        beliefs: { us: 0.2, them: 0.5 },
      },
    }),
    () => ({ type: 'contingency-accepted', target: `k${k - 1}` }),
    () => mesoSet(3) ?? mesoSet(6),
    () => ({ type: 'bundle-chosen', label: 'B' }),
    () => ({
      type: 'interest-stated',
      text: 'this one at least twice as much as that one',
      relative: [
        { issue: issues[(k + 1) % issues.length].id, over: issues[k % issues.length].id, factor: 2 },
      ],
    }),
    () => ({ type: 'offer-sent', bundles: [{ terms: termsOf(shifted(tableLevels(), k + 3, -1)) }] }),
    () => ({ type: 'offer-rejected', reason: 'not yet' }),
  ]
  let misses = 0
  while (journal.events.length < count) {
    const raw = moves[k % moves.length]()
    k++
    if (raw && admit(raw)) misses = 0
    else if (++misses > moves.length * 3)
      throw new Error(`negotiationJournal: stuck at ${journal.events.length} events`)
  }
  return journal.events
}

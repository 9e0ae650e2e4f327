// Evaluation of learning what they value (not a unit test): for each example, 200 simulated
// counterparts with hidden weights drawn from the prior (the plan's estimate times Gamma factors,
// at its confidence) face three rounds of MESO sets; each round they pick the bundle that is best for
// them (or rank all three by their true utility), and Parley updates its posterior, which assumes
// noisier choices (its logit model) and so stays robust to people who are not perfectly consistent. After each round
// we report the mean L1 distance between the posterior mean weight shares and the true shares,
// against the prior's. Targets, averaged over the four examples: error down at least 25% with
// picks and 35% with rankings after three rounds.
import { readdirSync, readFileSync } from 'node:fs'
import { loadCore } from './load-core.mjs'
import { printTable } from './machine.mjs'

const core = await loadCore()
const COUNTERPARTS = Number(process.env.BENCH_COUNTERPARTS ?? 200)
const ROUNDS = 3

function l1(a, b) {
  let total = 0
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i] - b[i])
  return total
}

function theirUtility(space, weights, flips, offer) {
  let total = 0
  for (const issue of space.issues) {
    const k = offer.levelIndex[issue.index]
    const score = issue.score.them[k]
    total += weights[issue.index] * (flips?.[issue.index] ? 100 - score : score)
  }
  return total
}

function simulate(space, mode, seed) {
  const random = core.mulberry32(seed)
  const truth = core.drawPrior(core.priorParameters(space), random)
  const uncertain = space.issues
    .filter((issue) => space.plan.issues[issue.index].them.uncertain)
    .map((issue) => issue.index)
  const flips = new Uint8Array(space.issues.length)
  for (const i of uncertain) flips[i] = random() < 0.5 ? 1 : 0
  const prior = core.inferPriorities(space, [])
  const errors = [
    l1(
      Object.values(prior.issues).map((entry) => entry.mean),
      truth,
    ),
  ]
  const observations = []
  let posterior = prior
  for (let round = 0; round < ROUNDS; round++) {
    const beliefs = round === 0 ? undefined : core.thinBeliefs(posterior.beliefs, 400)
    const result = core.meso(space, beliefs ? { beliefs } : {})
    if (!result.ok) {
      errors.push(errors.at(-1))
      continue
    }
    const offered = result.set.bundles.map((bundle) => {
      const read = core.readOffer(space, bundle.terms)
      return read.offer
    })
    // They pick (or rank) by their true utility.
    const utilities = offered.map((offer) => theirUtility(space, truth, flips, offer))
    const order = offered.map((_, k) => k).sort((a, b) => utilities[b] - utilities[a])
    observations.push(
      mode === 'pick'
        ? { kind: 'choice', eventId: `r${round}`, offered, chosen: order[0] }
        : { kind: 'ranking', eventId: `r${round}`, offered, order },
    )
    posterior = core.inferPriorities(space, observations)
    errors.push(
      l1(
        space.issues.map((issue) => posterior.issues[issue.id].mean),
        truth,
      ),
    )
  }
  return errors
}

const examples = readdirSync('examples')
  .filter((name) => name.endsWith('.yaml'))
  .sort()
const summary = { pick: [], rank: [] }
const started = performance.now()
for (const mode of ['pick', 'rank']) {
  const rows = []
  for (const name of examples) {
    const parsed = core.parsePlanText(readFileSync(`examples/${name}`, 'utf8'), { format: 'yaml' })
    const space = core.compileSpace(parsed.plan)
    const totals = new Array(ROUNDS + 1).fill(0)
    for (let c = 0; c < COUNTERPARTS; c++) {
      const errors = simulate(space, mode, 1000 + c)
      errors.forEach((error, r) => {
        totals[r] += error
      })
    }
    const means = totals.map((total) => total / COUNTERPARTS)
    const reduction = 1 - means[ROUNDS] / means[0]
    summary[mode].push(reduction)
    rows.push([
      name,
      space.issues.length,
      ...means.map((m) => m.toFixed(3)),
      `${(reduction * 100).toFixed(1)}%`,
    ])
  }
  const average = summary[mode].reduce((a, b) => a + b, 0) / summary[mode].length
  const target = mode === 'pick' ? 0.25 : 0.35
  rows.push([
    'average over the examples',
    '',
    '',
    '',
    '',
    '',
    `${(average * 100).toFixed(1)}% (target ${target * 100}%: ${average >= target ? 'met' : 'NOT met'})`,
  ])
  printTable(
    `Learning their priorities: mean L1 error of the weight shares, ${COUNTERPARTS} counterparts per example, counterparts who ${mode === 'pick' ? 'pick one bundle' : 'rank all three'}`,
    ['example', 'issues', 'prior', 'round 1', 'round 2', 'round 3', 'error down'],
    rows,
  )
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`)

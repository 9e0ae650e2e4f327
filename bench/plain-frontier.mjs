// The baseline for the whole-process benchmark: a plain script that reads a plan (JSON, options
// with scores, as the synthetic plans are written), builds the frontier with a plain linear merge of
// sorted staircases issue by issue, and prints the same JSON as `parley frontier --json`.
// Deliberately simple and independent of Parley's code.
import { readFileSync } from 'node:fs'

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const totalUs = plan.issues.reduce((t, issue) => t + issue.us.weight, 0)
const totalThem = plan.issues.reduce((t, issue) => t + issue.them.weight, 0)
let us = [0]
let them = [0]
const steps = []
for (const issue of plan.issues) {
  const levels = issue.options.map((option, k) => ({
    k,
    us: issue.us.weight * issue.us.scores[String(option)],
    them: issue.them.weight * issue.them.scores[String(option)],
  }))
  levels.sort((a, b) => b.us - a.us || b.them - a.them)
  const kept = []
  let best = -Infinity
  for (const level of levels)
    if (level.them > best) {
      kept.push(level)
      best = level.them
    }
  let accUs = []
  let accThem = []
  let accParent = []
  let accLevel = []
  for (const level of kept) {
    const nu = []
    const nt = []
    const np = []
    const nl = []
    let i = 0
    let j = 0
    let top = -Infinity
    while (i < accUs.length || j < us.length) {
      const takeAcc = j >= us.length || (i < accUs.length && accUs[i] >= us[j] + level.us)
      const u = takeAcc ? accUs[i] : us[j] + level.us
      const t = takeAcc ? accThem[i] : them[j] + level.them
      const p = takeAcc ? accParent[i] : j
      const l = takeAcc ? accLevel[i] : level.k
      if (takeAcc) i++
      else j++
      if (t > top) {
        nu.push(u)
        nt.push(t)
        np.push(p)
        nl.push(l)
        top = t
      }
    }
    accUs = nu
    accThem = nt
    accParent = np
    accLevel = nl
  }
  steps.push({ parent: accParent, level: accLevel })
  us = accUs
  them = accThem
}
const terms = (k) => {
  const levels = new Array(plan.issues.length)
  let p = k
  for (let s = steps.length - 1; s >= 0; s--) {
    levels[s] = steps[s].level[p]
    p = steps[s].parent[p]
  }
  return Object.fromEntries(plan.issues.map((issue, i) => [issue.id, issue.options[levels[i]]]))
}
const frontier = us.map((u, k) => ({ us: u / totalUs, them: them[k] / totalThem, terms: terms(k) }))
const d = { us: plan.batna?.us?.utility ?? 0, them: plan.batna?.them?.utility ?? 0 }
const argmax = (score) => {
  let best = -1
  let value = -Infinity
  frontier.forEach((point, k) => {
    const v = score(point)
    if (v !== null && v > value) {
      value = v
      best = k
    }
  })
  return best < 0 ? null : frontier[best]
}
const nash = argmax((p) => (p.us >= d.us && p.them >= d.them ? (p.us - d.us) * (p.them - d.them) : null))
const maxUs = Math.max(...frontier.filter((p) => p.them >= d.them).map((p) => p.us))
const maxThem = Math.max(...frontier.filter((p) => p.us >= d.us).map((p) => p.them))
const ks = argmax((p) =>
  p.us >= d.us && p.them >= d.them
    ? Math.min((p.us - d.us) / (maxUs - d.us), (p.them - d.them) / (maxThem - d.them))
    : null,
)
const maxJoint = argmax((p) => p.us + p.them)
const reservation = plan.reservation ?? d.us
const zopa = frontier.some((p) => p.us >= reservation && p.them >= d.them)
const outcomes = plan.issues.reduce((t, issue) => t * issue.options.length, 1)
process.stdout.write(
  `${JSON.stringify({ outcomes, frontier, nash, kalaiSmorodinsky: ks, maxJoint, zopa, rule: false, epsilon: null, disagreement: d }, null, 2)}\n`,
)

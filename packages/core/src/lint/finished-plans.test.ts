/**
 * Proof that the linter blocks only real mistakes: the four examples, and every `parley init` starter
 * once a person has filled it in (each placeholder replaced with plausible text, applicability
 * answered), lint with no error — on the plan alone, and with an orderly negotiation recorded (their
 * interests heard, the MESO set Parley proposes offered, one chosen and agreed with measures,
 * governance and a fairness story). Every phrase Parley would have us say is linted with them.
 */
import { describe, expect, it } from 'vitest'
import { inferPriorities } from '../inference/posterior'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import { meso } from '../meso/meso'
import { groupThousands } from '../model/limits'
import { CONTEXTS, type Plan } from '../model/plan'
import { formatPath, type PathSegment } from '../model/problem'
import { parsePlanText } from '../plan/parse'
import { placeholders } from '../plan/placeholders'
import { validatePlanValue } from '../plan/validate'
import { starterPlanYaml } from '../playbooks/starters'
import { compileSpace, type Space } from '../scoring/space'
import { event } from '../testing/events'
import type { Finding } from './lint'
import { lintNegotiation } from './negotiation'

// Read through the bundler, as core has no file system (`import.meta.glob` is typed in architecture.test.ts).
const EXAMPLES = import.meta.glob(['../../../../examples/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** What a person writes in place of each blank of a starter, by the field it is in. */
function plausible(at: readonly PathSegment[], plan: Plan): string {
  const path = formatPath(at)
  const evidence = plan.evidence?.[0]
  if (path === 'anchor.rationale' && evidence?.range) {
    // Says the benchmark's range aloud: figures the other side may see, whatever our limits are.
    const [low, high] = evidence.range.map(groupThousands)
    return `Comparable deals run from ${low} to ${high} ${evidence.unit ?? ''}; our range reflects the scope you described.`
  }
  const byField: [RegExp, string][] = [
    [/^title$/, 'Northwind'],
    [/^parties\.us\.name$/, 'Harbor Analytics'],
    [/^parties\.them\.name$/, 'Northwind'],
    [/^parties\.them\.stakeholders\[0\]\.name$/, 'Dana Lee'],
    [/^parties\.them\.stakeholders\[1\]\.name$/, 'Sam Ortiz'],
    [/\.role$/, 'Head of operations'],
    [/\.interests\[\d+\]$/, 'predictable delivery'],
    [/\.faceSaving$/, 'a story their board can repeat'],
    [/\.approvalPath$/, 'the sponsor signs, then legal reviews'],
    [/\.budgetCycle$/, 'the fiscal year starts in April'],
    [/\.politics$/, 'finance wants predictability, operations wants speed'],
    [/^decisionRule\.statement$/, 'Delivered within the quarter, with a scope both sides can check'],
    [/^batna\.us\.description$/, 'Put the team on the next project in the pipeline'],
    [/^batna\.them\.description$/, 'A competing supplier on a standard contract'],
    [/\.claim$/, 'Published figures for comparable deals'],
    [/\.source$/, 'an industry survey'],
    [/\.date$/, '2026-09'],
  ]
  const value = byField.find(([pattern]) => pattern.test(path))?.[1]
  if (value === undefined) throw new Error(`no plausible text for ${path}: add it to the test`)
  return value
}

/** The starter as `parley init` writes it, filled in by a person: every blank replaced, applicability answered. */
function filledStarter(text: string): Plan {
  const parsed = parsePlanText(text, { format: 'yaml' })
  if (!parsed.ok) throw new Error('the starter does not parse')
  const plan = JSON.parse(JSON.stringify(parsed.plan)) as Plan & Record<string, unknown>
  for (const blank of placeholders(plan)) {
    const parent = blank.at
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>(
        (node, key) => node[key] as Record<string | number, unknown>,
        plan,
      )
    const key = blank.at.at(-1) as string | number
    parent[key] = String(parent[key]).replace(blank.text, plausible(blank.at, plan))
  }
  plan.applicability = { verifiable: true, timeForDiscovery: true }
  return plan
}

/**
 * The method followed: their interests heard first, the MESO set Parley proposes offered, their
 * choice, and an agreement on it with measures, governance and a fairness story.
 */
function orderlyJournal(space: Space): JournalEvent[] {
  const proposed = meso(space)
  if (!proposed.ok) throw new Error(`no MESO set: ${proposed.failure.message}`)
  const top = [...space.issues].sort(
    (a, b) => (space.share.them[b.index] ?? 0) - (space.share.them[a.index] ?? 0),
  )
  const [chosen] = proposed.set.bundles
  return [
    event('interest-stated', { text: 'what matters most to them', ranking: [top[0]?.id] }),
    event('offer-sent', {
      bundles: proposed.set.bundles.map((bundle) => ({ label: bundle.label, terms: bundle.terms })),
    }),
    event('bundle-chosen', { label: chosen?.label }),
    event('agreed', {
      terms: chosen?.terms,
      measures: [
        {
          metric: 'milestones met on the agreed dates',
          threshold: 'every milestone',
          reporting: 'a shared monthly report',
          remedy: 'a service credit, then the exit below',
        },
      ],
      changeControl: 'written change requests, answered within ten working days',
      exit: 'either side may leave after two missed milestones',
      governance: { reviewCadence: 'a quarterly review', escalation: 'the sponsors on both sides' },
      fairnessStory:
        'Both sides judged every option against the same published standard, and each gave on what mattered less to it.',
    }),
  ]
}

const errorsOf = (findings: Finding[]) =>
  findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.id}: ${finding.message}`)

describe('the examples', () => {
  /** Each example by its file name, with its text. */
  const examples = Object.entries(EXAMPLES).map(([path, text]) => [path.replace(/^.*\//, ''), text] as const)

  it('are the four of the repository', () => {
    expect(examples.map(([name]) => name).sort()).toEqual([
      'hiring-senior-engineer.yaml',
      'partnership-data-sharing.yaml',
      'procurement-city-services-rfp.yaml',
      'sales-saas-renewal.yaml',
    ])
  })

  it.each(examples)('%s lints with no error, as prepared and once negotiated', (name, text) => {
    const parsed = parsePlanText(text, { format: 'yaml', file: name })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const space = compileSpace(parsed.plan)
    expect(errorsOf(lintNegotiation(space, []))).toEqual([])
    expect(errorsOf(lintNegotiation(space, orderlyJournal(space)))).toEqual([])
    // Before their first move the prior's sample means are not the plan's estimate: a posterior
    // handed in then changes nothing (the phrases read the plan's estimate exactly, as status does).
    const state = replay(space, [])
    expect(lintNegotiation(space, [], { state, posterior: inferPriorities(space, []) })).toEqual(
      lintNegotiation(space, [], { state }),
    )
  })
})

describe('every starter, once filled', () => {
  it.each(CONTEXTS)(
    '%s: has no placeholder left and lints with no error, as prepared and once negotiated',
    (context) => {
      const plan = filledStarter(starterPlanYaml(context))
      const validated = validatePlanValue(plan)
      expect(validated.ok).toBe(true)
      if (!validated.ok) return
      expect(validated.warnings.filter((warning) => warning.code === 'placeholder')).toEqual([])
      const space = compileSpace(validated.plan)
      const findings = lintNegotiation(space, [])
      expect(errorsOf(findings)).toEqual([])
      // Answered, applicability no longer asks.
      expect(findings.map((finding) => finding.id)).not.toContain('applicability-unknown')
      expect(errorsOf(lintNegotiation(space, orderlyJournal(space)))).toEqual([])
    },
  )
})

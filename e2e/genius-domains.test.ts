/**
 * The importer on the real GENIUS and GeniusWeb domains of ../shared/benchmarks/genius-domains
 * (third-party data, read in place, never copied here): each imports through the command and
 * checks valid, U = 100 × the profile's own utility on sampled bundles (the profiles read here
 * independently of the importer, with GENIUS's per-issue normalisation), the reservations match
 * SOURCE.md's table, and export → import gives the plan back. Required with CI=true; skipped with a
 * message naming what is missing otherwise.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  compileSpace,
  formatProblem,
  type Level,
  mulberry32,
  type Plan,
  readOffer,
  type Space,
  scoreOffer,
  validatePlanValue,
} from '@parley/core'
import { exportGenius, importResearch, type ResearchImportInput } from '@parley/core/research'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'
import { sharedFile } from './shared'

/** Each domain: its folder, the domain file, ours (the first profile), theirs, and SOURCE.md's reservation values. */
const DOMAINS: [string, string, string, string, [number, number]][] = [
  ['LaptopC', 'Laptop-C-domain.xml', 'Laptop-C-prof1.xml', 'Laptop-C-prof2.xml', [0, 0]],
  [
    'ItexvsCypress',
    'ItexvsCypress_domain.xml',
    'ItexvsCypress_Itex.xml',
    'ItexvsCypress_Cypress.xml',
    [0, 0],
  ],
  ['EnglandZimbabwe', 'EnglandZimbabwe_domain.xml', 'England.xml', 'Zimbabwe.xml', [0, 0]],
  ['Amsterdam', 'Amsterdam_domain.xml', 'Amsterdam_party1.xml', 'Amsterdam_party2.xml', [0, 0]],
  ['Party-geniusweb', 'party.json', 'party1.json', 'party2.json', [0.50636, 0.36638]],
  ['Car', 'adg.xml', 'adg_deal.xml', 'adg_deal2.xml', [0, 0]],
  ['Travel', 'travel_domain.xml', 'travel_chox.xml', 'travel_fanny.xml', [0, 0]],
  ['Energy', 'energy_domain.xml', 'energy_consumer.xml', 'energy_distributor.xml', [0, 0]],
]

const source = sharedFile('benchmarks/genius-domains/SOURCE.md')
/** A profile's own utility of a bundle given as issue name → item label, 0..1. */
type Evaluate = (bundle: ReadonlyMap<string, string>) => number

/**
 * GENIUS, read with a bare SAX walk: items directly inside an issue of the objective (not those
 * of similarity functions), weights by index; utility Σ (w / Σw) × evaluation / issue's highest,
 * 0 for an issue whose highest is below 0.00001.
 */
function geniusProfile(text: string): Evaluate {
  const evaluations = new Map<string, Map<string, number>>()
  const indexOf = new Map<string, number>()
  const weights = new Map<number, number>()
  const stack: string[] = []
  let issue = ''
  const parser = new SaxesParser()
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1]
    const attribute = (name: string) => String(tag.attributes[name] ?? '')
    if (tag.name === 'issue' && parent === 'objective') {
      issue = attribute('name')
      evaluations.set(issue, new Map())
      indexOf.set(issue, Number(attribute('index')))
    } else if (tag.name === 'item' && parent === 'issue' && stack[stack.length - 2] === 'objective') {
      evaluations.get(issue)?.set(attribute('value'), Number(attribute('evaluation')))
    } else if (tag.name === 'weight' && parent === 'objective') {
      weights.set(Number(attribute('index')), Number(attribute('value')))
    }
    if (!tag.isSelfClosing) stack.push(tag.name)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  parser.write(text).close()
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0)
  return (bundle) => {
    let utility = 0
    for (const [name, items] of evaluations) {
      const highest = Math.max(...items.values())
      const weight = (weights.get(indexOf.get(name) ?? -1) ?? Number.NaN) / total
      if (highest >= 0.00001)
        utility += (weight * (items.get(bundle.get(name) ?? '') ?? Number.NaN)) / highest
    }
    return utility
  }
}

interface WebProfile {
  LinearAdditiveUtilitySpace: {
    issueUtilities: Record<string, { discreteutils: { valueUtilities: Record<string, number> } }>
    issueWeights: Record<string, number>
  }
}

/** GeniusWeb: Σ weight × value utility, as written. */
function geniusWebProfile(text: string): Evaluate {
  const space = (JSON.parse(text) as WebProfile).LinearAdditiveUtilitySpace
  return (bundle) => {
    let utility = 0
    for (const [name, weight] of Object.entries(space.issueWeights))
      utility +=
        weight *
        (space.issueUtilities[name]?.discreteutils.valueUtilities[bundle.get(name) ?? ''] ?? Number.NaN)
    return utility
  }
}

function utilityOf(space: Space, levels: readonly number[]) {
  const terms = Object.fromEntries(
    space.issues.map((issue, i) => [issue.id, issue.levels[levels[i] ?? 0] as Level]),
  )
  const offer = readOffer(space, terms)
  if (!offer.ok) throw new Error('not an offer')
  return scoreOffer(space, offer.offer).utility
}

function sample(space: Space, count: number, seed: number): number[][] {
  const random = mulberry32(seed)
  return Array.from({ length: count }, () =>
    space.issues.map((issue) => Math.floor(random() * issue.levels.length)),
  )
}

function imported(input: ResearchImportInput): Plan {
  const result = importResearch(input)
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
  return result.plan
}

/** The plan with each side's weights as shares of their total, for comparing plans Parley reads the same. */
function withShares(plan: Plan): Plan {
  const total = (side: 'us' | 'them') => plan.issues.reduce((sum, issue) => sum + issue[side].weight, 0)
  const us = total('us')
  const them = total('them')
  return {
    ...plan,
    issues: plan.issues.map((issue) => ({
      ...issue,
      us: { ...issue.us, weight: Math.round((issue.us.weight / us) * 1e12) / 1e12 },
      them: { ...issue.them, weight: Math.round((issue.them.weight / them) * 1e12) / 1e12 },
    })),
  }
}

describe.runIf(source)('the shared GENIUS and GeniusWeb domains', () => {
  const folder = temporaryFolder('parley-genius-domains-')

  it.each(DOMAINS)('%s', (name, domainFile, usFile, themFile, reservations) => {
    const path = (file: string) => sharedFile(join('benchmarks/genius-domains', name, file)) ?? ''
    const files = [path(domainFile), path(usFile), path(themFile)] as const
    const [domain, us, them] = files.map((file) => ({ text: readFileSync(file, 'utf8'), file }))
    if (!domain || !us || !them) return expect.unreachable()

    // Through the command, as a user imports it: written, and `parley check` finds it valid.
    const planFile = join(folder, `${name}.yaml`)
    const run = parley(['import', ...files, '-o', planFile])
    expect(run.code, run.stderr).toBe(0)
    const check = parley(['check', planFile, '--json'])
    expect(check.code, check.stderr).toBe(0)
    expect((check.json() as { valid: boolean }).valid).toBe(true)

    const plan = imported({ domain, us, them })
    expect(validatePlanValue(plan).ok).toBe(true)
    const space = compileSpace(plan)
    const json = domainFile.endsWith('.json')
    const ours = (json ? geniusWebProfile : geniusProfile)(us.text)
    const theirs = (json ? geniusWebProfile : geniusProfile)(them.text)
    for (const levels of sample(space, 400, 20261125)) {
      const bundle = new Map(
        space.issues.map((issue, i) => [issue.name, String(issue.levels[levels[i] ?? 0])]),
      )
      const utility = utilityOf(space, levels)
      expect(Math.abs(utility.us - 100 * ours(bundle))).toBeLessThan(1e-9)
      expect(Math.abs(utility.them - 100 * theirs(bundle))).toBeLessThan(1e-9)
    }
    expect(Math.abs((plan.reservation ?? Number.NaN) - 100 * reservations[0])).toBeLessThan(1e-9)
    expect(Math.abs((plan.batna?.them?.utility ?? Number.NaN) - 100 * reservations[1])).toBeLessThan(1e-9)

    // Export → import: for GENIUS the same plan (weights as shares: a profile whose weights do not
    // sum to 1 is written normalised) and the same utilities; GeniusWeb's value utilities, whose best
    // per issue is below 1, come back scaled by one factor per side, which the export reports.
    const exported = exportGenius(plan)
    if (!exported.ok) return expect.unreachable(exported.errors.map(formatProblem).join('\n'))
    const again = imported({
      domain: { text: exported.files.domain, file: 'domain.xml' },
      us: { text: exported.files.us, file: 'profile-us.xml' },
      them: { text: exported.files.them, file: 'profile-them.xml' },
    })
    if (!json) {
      expect(exported.scale).toEqual({ us: 1, them: 1 })
      expect(withShares(again)).toEqual(withShares(plan))
    }
    const back = compileSpace(again)
    for (const levels of sample(space, 200, 7)) {
      const before = utilityOf(space, levels)
      const after = utilityOf(back, levels)
      expect(Math.abs(after.us - exported.scale.us * before.us)).toBeLessThan(1e-9)
      expect(Math.abs(after.them - exported.scale.them * before.them)).toBeLessThan(1e-9)
    }
  })
})

/**
 * `parley coach` as a rep uses it on the sales example while the negotiation moves: the words follow
 * the bundle on the table, name every term, stop proposing changes once the deal is agreed, and
 * `--shareable` shows only what may be said or shown to the buyer.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'

interface CoachJson {
  stage: string
  phrases: { id: string; kind: string; text: string }[]
  script: string[]
  advice: string[]
  toFill: string[]
  faceSaving: unknown[]
}

function renewal() {
  const folder = temporaryFolder()
  const plan = join(folder, 'calder.yaml')
  copyFileSync('examples/sales-saas-renewal.yaml', plan)
  const add = (event: object) => {
    const run = parley(['journal', 'add', plan, JSON.stringify(event)])
    expect(run.code, run.stderr).toBe(0)
  }
  const coach = (...flags: string[]) => parley(['coach', plan, ...flags])
  return { plan, add, coach }
}

const A = {
  price: 250000,
  rollout: 45,
  billing: 'quarterly',
  support: 'premium',
  credits: 10,
  term: 24,
  uplift: 3,
}
const B = {
  price: 230000,
  rollout: 60,
  billing: 'milestone',
  support: 'premium',
  credits: 10,
  term: 24,
  uplift: 3,
}

describe('parley coach on a negotiation as it moves', () => {
  it('says their counter back as their proposal, recorded with the reply verb', () => {
    const { plan, add, coach } = renewal()
    add({ type: 'offer-sent', bundles: [{ label: 'B', terms: B }] })
    const countered = parley(['reply', plan, '--rejected', '--counter', 'price=220000'])
    expect(countered.code, countered.stderr).toBe(0)
    const text = coach('--shareable').stdout
    expect(text).toContain(
      'To recap your proposal: annual subscription fee 220,000 USD/year, go-live for all claims teams 60 days after signature, billing schedule milestone, support tier premium, service credit cap 10 % of monthly fee, contract term 24 months and renewal price cap 3 % per year.',
    )
    expect(text).not.toContain('To recap where we are')
  })

  it('recaps the bundle on the table in full, confirms it after concessions, and closes once agreed', () => {
    const { add, coach } = renewal()
    add({
      type: 'offer-sent',
      bundles: [
        { label: 'A', terms: A },
        { label: 'B', terms: B },
      ],
    })
    const offered = coach('--json').json() as CoachJson
    // Terms the same in both options are said too, grouped (they used to be hidden).
    expect(offered.phrases.find((phrase) => phrase.id === 'sales-bundle-plain:A')?.text).toBe(
      'Option A: annual subscription fee 250,000 USD/year, go-live for all claims teams 45 days after signature and billing schedule quarterly; the same in both: support tier premium, service credit cap 10 % of monthly fee, contract term 24 months and renewal price cap 3 % per year.',
    )
    add({ type: 'bundles-ranked', order: ['B', 'A'] })
    add({ type: 'concession', give: { support: 'enterprise' }, get: { term: 36 } })
    const midgame = coach('--json').json() as CoachJson
    expect(midgame.stage).toBe('midgame')
    expect(midgame.script).toContain(
      'To recap where we are: annual subscription fee 230,000 USD/year, go-live for all claims teams 60 days after signature, billing schedule milestone, support tier enterprise, service credit cap 10 % of monthly fee, contract term 36 months and renewal price cap 3 % per year.',
    )
    add({ type: 'agreed', terms: { ...B, support: 'enterprise', term: 36 } })
    const close = coach('--json').json() as CoachJson
    expect(close.stage).toBe('close')
    expect(close.faceSaving).toEqual([])
    expect(close.phrases.map((phrase) => phrase.kind)).not.toContain('conditional-trade')
    expect(close.script.at(-1)).toMatch(
      /^To confirm what we are signing: annual subscription fee 230,000 USD\/year,/,
    )
    add({ type: 'debrief', answers: { 'sales-value-created': 'the phased rollout' } })
    const debrief = coach('--json').json() as CoachJson
    expect(debrief.phrases).toEqual([])
    expect(debrief.script).toEqual([])
  })

  it('--shareable prints the words and the script only, as text and as JSON', () => {
    const { add, coach } = renewal()
    add({
      type: 'offer-sent',
      bundles: [
        { label: 'A', terms: A },
        { label: 'B', terms: B },
      ],
    })
    add({ type: 'bundle-chosen', label: 'B' })
    const text = coach('--shareable')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Words to use')
    expect(text.stdout).toContain('Call script')
    for (const internal of ['For you only', 'Hold your floor', 'Moves', 'U_us', 'Timeline', 'Stage:', '48'])
      expect(text.stdout).not.toContain(internal)
    const json = coach('--shareable', '--json').json() as { phrases: unknown[]; script: string[] }
    expect(Object.keys(json).sort()).toEqual(['phrases', 'script'])
    expect(json.script).toEqual((coach('--json').json() as CoachJson).script)
    expect(parley(['coach', '--help']).stdout).toContain('--shareable')
  })
})

import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

const run = runCaptured

const A = {
  price: 250000,
  rollout: 45,
  billing: 'quarterly',
  support: 'premium',
  credits: 10,
  term: 36,
  uplift: 3,
}
const B = {
  price: 230000,
  rollout: 60,
  billing: 'milestone',
  support: 'premium',
  credits: 10,
  term: 36,
  uplift: 3,
}

describe('parley coach --shareable', () => {
  it('prints the words and the call script, and nothing of the advice for us', async () => {
    const plan = renewalNegotiation([
      {
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: A },
          { label: 'B', terms: B },
        ],
      },
      { type: 'bundles-ranked', side: 'them', order: ['B', 'A'] },
    ])
    const full = await run(['coach', plan])
    expect(full.code).toBe(EXIT.ok)
    expect(full.stdout).toContain('For you only (never read this out)')
    const shared = await run(['coach', plan, '--shareable'])
    expect(shared.code).toBe(EXIT.ok)
    expect(shared.stdout).toContain('Words to use')
    expect(shared.stdout).toContain('Call script')
    expect(shared.stdout).toContain(
      'To recap where we are: annual subscription fee 230,000 USD/year, go-live for all claims teams 60 days after signature, billing schedule milestone, support tier premium, service credit cap 10 % of monthly fee, contract term 36 months and renewal price cap 3 % per year.',
    )
    for (const internal of [
      'For you only',
      'Hold your floor',
      'Moves',
      'Stage:',
      'U_us',
      'Face-saving variants',
      'Timeline',
      'likely to be blocked',
      'reservation',
      '48',
    ])
      expect(shared.stdout).not.toContain(internal)
  })

  it('gives { phrases, script } with --json', async () => {
    const plan = renewalNegotiation([
      {
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: A },
          { label: 'B', terms: B },
        ],
      },
    ])
    const shared = await run(['coach', plan, '--shareable', '--json'])
    const json = JSON.parse(shared.stdout) as {
      phrases: { id: string; kind: string; text: string }[]
      script: string[]
    }
    expect(Object.keys(json).sort()).toEqual(['phrases', 'script'])
    expect(json.phrases.map((phrase) => phrase.id)).toContain('sales-bundle-plain:B')
    expect(json.script.length).toBeGreaterThan(0)
  })

  it('says there is nothing to say to them at the debrief', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: A }] },
      { type: 'agreed', terms: A },
      { type: 'debrief', answers: { 'sales-value-created': 'the phased rollout' } },
    ])
    expect((await run(['coach', plan, '--shareable'])).stdout).toBe('Nothing to say to them at this stage.\n')
    const full = await run(['coach', plan])
    expect(full.stdout).toContain('None: the debrief is for your side (parley debrief).')
    expect(full.stdout).not.toContain('Call script')
  })

  it('documents --shareable in its help', async () => {
    const help = await run(['coach', '--help'])
    expect(help.stdout).toContain('--shareable')
    expect(help.stdout).toContain('only what may be said or shown to them')
  })
})

describe('parley coach', () => {
  it('counts days in the timeline as English does ("1 day", not "1 days")', async () => {
    const { stdout } = await run(['coach', 'examples/sales-saas-renewal.yaml'])
    expect(stdout).toMatch(/ 1 day {2}Send two or three equivalent bundles/)
    expect(stdout).not.toMatch(/\b1 days\b/)
  })

  it('prints the moves and the quick reference without doubling quotes or full stops', async () => {
    const { stdout } = await run(['coach', 'examples/sales-saas-renewal.yaml', '--stage', 'setup'])
    expect(stdout).toContain('Define the decision rule')
    expect(stdout).not.toMatch(/“"|"”|""/)
    expect(stdout).not.toMatch(/\.;|\.\.|\. →|\. ·/)
  })
})

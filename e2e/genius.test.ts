/**
 * `parley import` and `parley export --as genius`, run as a user runs them: small GENIUS and
 * GeniusWeb files written here, the repository's examples exported and read back, and bad input
 * refused with file, line and reason, with nothing written.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  compileSpace,
  type Level,
  mulberry32,
  parsePlanText,
  readOffer,
  type Space,
  scoreOffer,
} from '@parley/core'
import {
  geniusDomainXml,
  geniusProfileXml,
  geniusWebDomainJson,
  geniusWebProfileJson,
  TOY_SCENARIO,
  type ToyIssue,
  type ToyProfile,
} from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from './parley'

const folder = temporaryFolder('parley-genius-')
const ISSUES: ToyIssue[] = TOY_SCENARIO.issues
const OURS: ToyProfile = TOY_SCENARIO.ours
const THEIRS: ToyProfile = TOY_SCENARIO.theirs

function write(name: string, text: string): string {
  const file = join(folder, name)
  writeFileSync(file, text)
  return file
}

const domain = write('toy-domain.xml', geniusDomainXml('Toy', ISSUES))
const buyer = write('buyer.xml', geniusProfileXml(ISSUES, OURS))
const seller = write('seller.xml', geniusProfileXml(ISSUES, THEIRS))

function loadPlan(file: string): Space {
  const parsed = parsePlanText(readFileSync(file, 'utf8'), {
    format: file.endsWith('.json') ? 'json' : 'yaml',
    file,
  })
  if (!parsed.ok) throw new Error(parsed.errors.map((problem) => problem.message).join('\n'))
  return compileSpace(parsed.plan)
}

function utility(space: Space, levels: readonly Level[]) {
  const terms = Object.fromEntries(space.issues.map((issue, i) => [issue.id, levels[i] as Level]))
  const offer = readOffer(space, terms)
  if (!offer.ok) throw new Error('not an offer')
  return scoreOffer(space, offer.offer).utility
}

describe('parley import', () => {
  it('writes a YAML plan that checks valid and scores as GENIUS would', () => {
    const plan = join(folder, 'toy.yaml')
    const run = parley(['import', domain, buyer, seller, '-o', plan])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Wrote ${plan}: 2 issues, 6 possible bundles, from GENIUS XML`)
    expect(run.stdout).toContain("U = 100 × the profile's utility")
    expect(readFileSync(plan, 'utf8')).toMatch(/^# Imported by parley import\. Private/)
    const check = parley(['check', plan, '--json'])
    expect(check.code).toBe(0)
    expect((check.json() as { valid: boolean }).valid).toBe(true)
    // (high, 30 days) is the best of our profile; for them 0.25 × 1/8 + 0.75 × 3/12 = 0.21875.
    const score = parley([
      'score',
      plan,
      '--json',
      '--offer',
      '{"price_terms": "high", "delivery": "30 days"}',
    ])
    expect(score.code).toBe(0)
    const { utility } = score.json() as { utility: { us: number; them: number } }
    expect(utility.us).toBeCloseTo(100, 9)
    expect(utility.them).toBeCloseTo(21.875, 9)
  })

  it('writes JSON when the plan’s name ends in .json, and answers --json', () => {
    const plan = join(folder, 'toy.json')
    const run = parley(['import', domain, buyer, seller, '-o', plan, '--json'])
    expect(run.code).toBe(0)
    expect(run.json()).toEqual({
      file: plan,
      format: 'genius',
      title: 'Toy',
      parties: { us: 'buyer', them: 'seller' },
      issues: 2,
      outcomes: 6,
      warnings: [],
    })
    const written = JSON.parse(readFileSync(plan, 'utf8')) as { parley: number; reservation: number }
    expect(written.parley).toBe(1)
    expect(written.reservation).toBeCloseTo(35, 12)
  })

  it('reads GeniusWeb JSON', () => {
    const web = [
      write('party.json', geniusWebDomainJson('party', ISSUES)),
      write(
        'host.json',
        geniusWebProfileJson('party', ISSUES, {
          name: 'host',
          weights: [0.5, 0.5],
          utilities: [
            [0.2, 0.4, 0.8],
            [1, 0],
          ],
          reservationBid: [0, 1],
        }),
      ),
      write(
        'guest.json',
        geniusWebProfileJson('party', ISSUES, {
          name: 'guest',
          weights: [0.9, 0.1],
          utilities: [
            [1, 0.5, 0],
            [0, 1],
          ],
        }),
      ),
    ]
    const plan = join(folder, 'party.yml')
    const run = parley(['import', ...web, '-o', plan])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('from GeniusWeb JSON')
    const space = loadPlan(plan)
    // The reservation bid (low, 60 days): 0.5 × 0.2 + 0.5 × 0 = 0.1.
    expect(space.plan.reservation).toBeCloseTo(10, 9)
    expect(utility(space, ['high', '30 days']).us).toBeCloseTo(90, 9)
  })

  it('refuses an output name that gives no format, and missing arguments, as bad usage (exit 2)', () => {
    const wrong = parley(['import', domain, buyer, seller, '-o', join(folder, 'toy.txt')])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('-o must end in .yaml, .yml or .json')
    expect(existsSync(join(folder, 'toy.txt'))).toBe(false)
    expect(parley(['import', domain, buyer, seller]).code).toBe(2)
    expect(parley(['import', domain, buyer, '-o', join(folder, 'x.yaml')]).code).toBe(2)
  })

  it('refuses bad input with file, line and reason, writes nothing and shows no stack trace (exit 1)', () => {
    const bad = write('bad.xml', readFileSync(buyer, 'utf8').replace('value="0.4"', 'value="-0.4"'))
    const plan = join(folder, 'never.yaml')
    const run = parley(['import', domain, bad, seller, '-o', plan])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `${bad}:13:23 utility_space.objective.weight[1]: the weight of issue 'Delivery' is -0.4; it must be 0 or more`,
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(plan)).toBe(false)
    const json = parley(['import', domain, bad, join(folder, 'missing.xml'), '-o', plan, '--json'])
    expect(json.code).toBe(1)
    expect(json.json()).toEqual({
      errors: [
        {
          file: join(folder, 'missing.xml'),
          line: null,
          column: null,
          path: '',
          message: 'no such file',
          code: 'unreadable',
        },
      ],
      warnings: [],
    })
    const broken = write('broken.xml', '<utility_space><objective>')
    const syntax = parley(['import', domain, broken, seller, '-o', plan])
    expect(syntax.code).toBe(1)
    expect(syntax.stderr).toMatch(/broken\.xml:1:\d+: not well-formed XML/)
    const huge = write('huge.xml', `<utility_space>${' '.repeat(4 * 1024 * 1024)}</utility_space>`)
    const tooLarge = parley(['import', domain, huge, seller, '-o', plan])
    expect(tooLarge.code).toBe(1)
    expect(tooLarge.stderr).toContain(
      `${huge}: is 4,194,335 bytes; at most 4 MiB (4,194,304 bytes) is allowed`,
    )
    expect(existsSync(plan)).toBe(false)
    // No temporary file is left behind either.
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('never overwrites a plan without --force', () => {
    const plan = write('kept.yaml', 'parley: 1\n')
    const run = parley(['import', domain, buyer, seller, '-o', plan])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${plan}: already exists; pass --force to overwrite it`)
    expect(readFileSync(plan, 'utf8')).toBe('parley: 1\n')
    expect(parley(['import', domain, buyer, seller, '-o', plan, '--force']).code).toBe(0)
    expect(readFileSync(plan, 'utf8')).toContain('title: Toy')
  })

  it('has help with examples', () => {
    const help = parley(['import', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('parley import Car/adg.xml Car/adg_deal.xml Car/adg_deal2.xml -o car.yaml')
  })
})

describe('parley export --as genius', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.yaml'))

  it.each(examples)(
    '%s: export → import gives the same utilities, and says the files are internal only',
    (name) => {
      const original = join(ROOT, 'examples', name)
      const out = join(folder, name.replace('.yaml', ''))
      const run = parley(['export', original, '--as', 'genius', '-o', out, '--json'])
      expect(run.code).toBe(0)
      const report = run.json() as {
        scale: { us: number; them: number }
        internalOnly: boolean
        files: Record<string, string>
      }
      expect(report.internalOnly).toBe(true)
      // Every issue of every example has a level scoring 100 for each side: GENIUS reads U / 100 exactly.
      expect(report.scale).toEqual({ us: 1, them: 1 })
      expect(readdirSync(out).sort()).toEqual(['domain.xml', 'profile-them.xml', 'profile-us.xml'])
      const plan = join(out, 'again.yaml')
      expect(
        parley([
          'import',
          report.files.domain ?? '',
          report.files.us ?? '',
          report.files.them ?? '',
          '-o',
          plan,
        ]).code,
      ).toBe(0)
      const before = loadPlan(original)
      const after = loadPlan(plan)
      expect(after.issues.map((issue) => issue.name)).toEqual(before.issues.map((issue) => issue.name))
      // Level k of each issue in one is level k in the other; a range's levels become text items.
      const random = mulberry32(7)
      for (let n = 0; n < 200; n++) {
        const picks = before.issues.map((issue) => Math.floor(random() * issue.levels.length))
        const a = utility(
          before,
          picks.map((k, i) => before.issues[i]?.levels[k] as Level),
        )
        const b = utility(
          after,
          picks.map((k, i) => after.issues[i]?.levels[k] as Level),
        )
        expect(Math.abs(b.us - report.scale.us * a.us)).toBeLessThan(1e-9)
        expect(Math.abs(b.them - report.scale.them * a.them)).toBeLessThan(1e-9)
      }
      const text = parley(['export', original, '--as', 'genius', '-o', out, '--force'])
      expect(text.code).toBe(0)
      expect(text.stderr).toContain('internal only, never send them to the other side')
    },
  )

  it('refuses a missing --as as bad usage, an unknown one and unwritable targets as invalid, writing nothing', () => {
    const plan = join(ROOT, 'examples', 'sales-saas-renewal.yaml')
    expect(parley(['export', plan, '-o', join(folder, 'x')]).code).toBe(2)
    expect(parley(['export', plan, '--as', 'genius']).code).toBe(2)
    const unknown = parley(['export', plan, '--as', 'docx', '-o', join(folder, 'x')])
    expect(unknown.code).toBe(1)
    expect(existsSync(join(folder, 'x'))).toBe(false)
    const file = write('a-file', '')
    const onFile = parley(['export', plan, '--as', 'genius', '-o', file])
    expect(onFile.code).toBe(1)
    expect(onFile.stderr).toContain(`${file}: is a file, not a folder`)
    const out = join(folder, 'twice')
    expect(parley(['export', plan, '--as', 'genius', '-o', out]).code).toBe(0)
    // Only our profile is left from the first export, edited by hand: the domain can be written,
    // our profile can not, so nothing must be.
    rmSync(join(out, 'domain.xml'))
    rmSync(join(out, 'profile-them.xml'))
    writeFileSync(join(out, 'profile-us.xml'), 'mine')
    const again = parley(['export', plan, '--as', 'genius', '-o', out])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(
      `${join(out, 'profile-us.xml')}: already exists; pass --force to overwrite it`,
    )
    expect(readdirSync(out)).toEqual(['profile-us.xml'])
    expect(readFileSync(join(out, 'profile-us.xml'), 'utf8')).toBe('mine')
  })

  it('refuses an invalid plan with check’s messages', () => {
    const broken = write('broken.yaml', 'parley: 1\ntitle: x\n')
    const run = parley(['export', broken, '--as', 'genius', '-o', join(folder, 'never')])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${broken}`)
    expect(existsSync(join(folder, 'never'))).toBe(false)
  })

  it('has help with an example', () => {
    const help = parley(['export', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain(
      '  parley export examples/sales-saas-renewal.yaml --as genius -o genius/acme',
    )
    expect(help.stdout).toContain(
      '  parley export examples/sales-saas-renewal.yaml --as counterparty -o offers.pdf',
    )
  })
})

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTEXTS } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'

const folder = temporaryFolder()
const plan = join(folder, 'acme.yaml')
writeFileSync(
  plan,
  `parley: 1
title: Acme renewal 2027
context: sales
parties:
  us: { name: Vendor Co }
  them: { name: Acme Corp }
decisionRule:
  statement: Time to value under 60 days
  require:
    - { issue: rollout, op: "<=", value: 60 }
issues:
  - id: price
    name: Annual price
    unit: USD/year
    range: { min: 90000, max: 140000, step: 5000 }
    us:   { weight: 40, prefer: high }
    them: { weight: 35, prefer: low }
  - id: rollout
    name: Rollout to all sites
    unit: days
    range: { min: 30, max: 120, step: 15 }
    us:   { weight: 10, prefer: high }
    them: { weight: 25, prefer: low }
  - id: support
    name: Support tier
    unit: tier
    options: [standard, premium, enterprise]
    us:   { weight: 10, scores: { standard: 100, premium: 60, enterprise: 0 } }
    them: { weight: 20, scores: { standard: 0, premium: 70, enterprise: 100 } }
    tradeable: true
batna:
  us:   { description: Sell the capacity to the waitlist, utility: 40 }
  them: { description: Competitor X at 110k, utility: 35 }
reservation: 55
limits:
  - { issue: price, op: ">=", value: 100000 }
`,
)
const broken = join(folder, 'broken.yaml')
writeFileSync(
  broken,
  readFileSync(plan, 'utf8')
    .replace('{ weight: 35, prefer: low }', '{ weight: 0, prefer: low }')
    .replace('reservation: 55', 'reservaton: 55'),
)

describe('parley (the command)', () => {
  it('prints help and its version, exit 0', () => {
    const help = parley(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: parley')
    for (const verb of ['check', 'score', 'init']) {
      const verbHelp = parley([verb, '--help'])
      expect(verbHelp.code).toBe(0)
      expect(verbHelp.stdout).toContain(`Usage: parley ${verb}`)
      expect(verbHelp.stdout).toContain('--json')
    }
    expect(parley(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('says the time a command took on stderr with PARLEY_TIMING, and prints the same on stdout', () => {
    const plain = parley(['check', plan, '--json'])
    const timed = parley(['check', plan, '--json'], { env: { PARLEY_TIMING: '1' } })
    expect(timed.code).toBe(plain.code)
    expect(timed.stdout).toBe(plain.stdout)
    expect(plain.stderr).not.toMatch(/ran in/)
    expect(timed.stderr).toMatch(/^parley: ran in \d+\.\d ms\n$/m)
  })

  it('exits 2 on bad usage: unknown command, unknown flag, missing argument or no command', () => {
    expect(parley(['chek', plan]).code).toBe(2)
    expect(parley(['chek', plan]).stderr).toContain("unknown command 'chek'")
    expect(parley(['check', plan, '--jsn']).code).toBe(2)
    expect(parley(['check']).code).toBe(2)
    expect(parley(['score', plan]).code).toBe(2)
    expect(parley([]).code).toBe(2)
  })

  it('exits 1 on a bad flag value', () => {
    const run = parley(['init', '--context', 'retail'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('sales, partnership, procurement, hiring, custom')
  })
})

describe('parley check', () => {
  it('summarises a valid plan, exit 0', () => {
    const run = parley(['check', plan])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Acme renewal 2027')
    expect(run.stdout).toContain('Outcome space: 231 possible bundles')
    expect(run.stdout).toMatch(/price\s+│ USD\/year\s+│\s+11 │/)
    expect(run.stdout).not.toContain(String.fromCharCode(27))
  })

  it('gives the summary as JSON', () => {
    const run = parley(['check', plan, '--json'])
    expect(run.code).toBe(0)
    const result = run.json() as {
      valid: boolean
      errors: unknown[]
      warnings: unknown[]
      summary: Record<string, unknown>
    }
    expect(result.valid).toBe(true)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.summary.outcomes).toBe(231)
    expect(result.summary.weights).toEqual({
      us: { price: 40 / 60, rollout: 10 / 60, support: 10 / 60 },
      them: { price: 35 / 80, rollout: 25 / 80, support: 20 / 80 },
    })
    expect(result.summary.reservation).toBe(55)
    expect(result.summary.limits).toEqual(['price >= 100000'])
    expect(result.summary.decisionRule).toEqual({
      statement: 'Time to value under 60 days',
      require: ['rollout <= 60'],
    })
  })

  it('lists every error with file, line, column and path, exit 1', () => {
    const run = parley(['check', broken])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`error ${broken}:17:21 issues[0].them.weight: must be greater than 0`)
    expect(run.stderr).toContain(
      `error ${broken}:34:1 reservaton: unknown field 'reservaton' (did you mean 'reservation'?)`,
    )
    expect(run.stderr).not.toMatch(/\s+at \S+ \(/)
    const json = parley(['check', broken, '--json'])
    expect(json.code).toBe(1)
    expect(json.json()).toMatchObject({
      valid: false,
      summary: null,
      errors: [
        {
          file: broken,
          line: 17,
          column: 21,
          path: 'issues[0].them.weight',
          message: 'must be greater than 0',
        },
        { file: broken, line: 34, column: 1, path: 'reservaton' },
      ],
    })
  })

  it('explains a missing file, a folder, and an unknown extension, exit 1', () => {
    expect(parley(['check', join(folder, 'nope.yaml')]).stderr).toContain('nope.yaml: no such file')
    expect(parley(['check', join(folder, 'nope.yaml')]).code).toBe(1)
    const txt = join(folder, 'plan.txt')
    writeFileSync(txt, 'parley: 1')
    expect(parley(['check', txt]).stderr).toContain(
      'plan.txt: is not a plan file: use a .yaml, .yml or .json extension',
    )
    const big = join(folder, 'big.yaml')
    writeFileSync(big, `notes: "${'x'.repeat(1024 * 1024 + 10)}"\n`)
    const run = parley(['check', big])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'big.yaml: is 1,048,596 bytes; a plan may be at most 1 MiB (1,048,576 bytes)',
    )
  })
})

describe('parley score', () => {
  it('scores an inline offer as JSON, exit 0 however poor the offer', () => {
    const run = parley([
      'score',
      plan,
      '--offer',
      '{"price": 120000, "rollout": 60, "support": "premium"}',
      '--json',
    ])
    expect(run.code).toBe(0)
    const result = run.json() as {
      utility: { us: number; them: number }
      meetsDecisionRule: boolean
      margin: Record<string, number>
    }
    expect(result.utility.us).toBeCloseTo((40 * 60 + (10 * 100) / 3 + 10 * 60) / 60, 9)
    expect(result.utility.them).toBeCloseTo((35 * 40 + (25 * 200) / 3 + 20 * 70) / 80, 9)
    expect(result.meetsDecisionRule).toBe(true)
    expect(result.margin.reservation).toBeCloseTo(result.utility.us - 55, 9)
    expect(result.margin.batnaUs).toBeCloseTo(result.utility.us - 40, 9)
    expect(result.margin.batnaThem).toBeCloseTo(result.utility.them - 35, 9)
    const poor = parley([
      'score',
      plan,
      '--offer',
      '{"price": 90000, "rollout": 120, "support": "enterprise"}',
      '--json',
    ])
    expect(poor.code).toBe(0)
    expect((poor.json() as { meetsDecisionRule: boolean }).meetsDecisionRule).toBe(false)
  })

  it('reads an offer from a file and prints it for people', () => {
    const offer = join(folder, 'offer.yaml')
    writeFileSync(offer, 'price: 117500\nrollout: 45\nsupport: enterprise\n')
    const run = parley(['score', plan, '--offer', offer])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/U_us\s+\d+\.\d/)
    expect(run.stdout).toContain('✓ rollout <= 60')
    expect(run.stdout).toContain('Margin over our reservation:')
  })

  it('rejects an offer naming an unknown issue or level, with its position, exit 1', () => {
    const run = parley(['score', plan, '--offer', '{"price": 120000, "rollout": 60, "support": "gold"}'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("--offer:1:45 support: 'gold' is not an option of 'support'")
    const outside = parley([
      'score',
      plan,
      '--offer',
      '{"price": 150000, "rollout": 60, "support": "premium"}',
      '--json',
    ])
    expect(outside.code).toBe(1)
    expect(outside.json()).toEqual({
      errors: [
        {
          file: '--offer',
          line: 1,
          column: 11,
          path: 'price',
          message: "150000 is outside the range of 'price' (90000 to 140000)",
          code: 'out_of_range',
        },
      ],
    })
    expect(parley(['score', plan, '--offer', '{"price": 1']).stderr).toContain('--offer:1:12:')
  })
})

describe('parley init', () => {
  /** What a person does next: every `<...>` replaced with their own words, and applicability answered. */
  function fillIn(text: string): string {
    let k = 0
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    return text
      .replace(/<[^<>\s=][^<>\n]*>/g, () => {
        const word = `${letters[k % 26]}${letters[Math.floor(k / 26) % 26]}`
        k++
        return `Answer ${word}`
      })
      .replace('applicability: {}', 'applicability: { verifiable: true, timeForDiscovery: false }')
  }

  it.each(CONTEXTS)(
    'writes a %s starter plan that check accepts with a warning per placeholder and lint refuses until filled',
    (context) => {
      const file = join(folder, `${context}.yaml`)
      const run = parley(['init', '--context', context, '-o', file])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('Next: replace every <...> and answer applicability.')
      const text = readFileSync(file, 'utf8')
      expect(text).toContain(`context: ${context}`)
      expect(text).toContain('\napplicability: {}\n')
      // check: valid (exit 0), each placeholder a warning with its path.
      const check = parley(['check', file, '--json'])
      expect(check.code).toBe(0)
      const { warnings, findings } = check.json() as {
        warnings: { code: string; path: string; message: string; line: number }[]
        findings: { id: string }[]
      }
      expect(warnings.length).toBeGreaterThan(5)
      expect(warnings.every((warning) => warning.code === 'placeholder')).toBe(true)
      expect(warnings.map((warning) => warning.path)).toContain('parties.them.name')
      expect(findings.map((finding) => finding.id)).not.toContain('unfilled-placeholder')
      const human = parley(['check', file])
      expect(human.code).toBe(0)
      expect(human.stderr).toMatch(
        new RegExp(
          `warning \\S*${context}\\.yaml:\\d+:\\d+ parties\\.them\\.name: still holds the placeholder <[^>]+>`,
        ),
      )
      // lint: an error at every placeholder (exit 3), and applicability not yet answered.
      const lint = parley(['lint', file])
      expect(lint.code).toBe(3)
      expect(lint.stdout).toMatch(
        /error \S+\.yaml:\d+:\d+ parties\.them\.name \[unfilled-placeholder\]: parties\.them\.name still holds the placeholder </,
      )
      expect(lint.stdout).toContain('[applicability-unknown]')
      // Filled in, the plan checks clean and lints with no error.
      writeFileSync(file, fillIn(text))
      const filled = parley(['check', file, '--json'])
      expect(filled.code).toBe(0)
      expect((filled.json() as { warnings: unknown[] }).warnings).toEqual([])
      const clean = parley(['lint', file, '--json'])
      expect(clean.code).toBe(0)
      const ids = (clean.json() as { findings: { id: string; severity: string }[] }).findings
      expect(ids.filter((finding) => finding.severity === 'error')).toEqual([])
      expect(ids.map((finding) => finding.id)).not.toContain('applicability-unknown')
    },
  )

  it('writes JSON when the file name ends in .json, the same plan as the YAML', () => {
    const json = join(folder, 'init-format.json')
    const yaml = join(folder, 'init-format.yaml')
    expect(parley(['init', '--context', 'hiring', '-o', json]).code).toBe(0)
    expect(parley(['init', '--context', 'hiring', '-o', yaml]).code).toBe(0)
    const written = readFileSync(json, 'utf8')
    const { $schema: _schema, ...plan } = JSON.parse(written) as Record<string, unknown>
    expect(plan.context).toBe('hiring')
    const fromYaml = parley(['check', yaml, '--json']).json() as { summary: unknown }
    const fromJson = parley(['check', json, '--json']).json() as { valid: boolean; summary: unknown }
    expect(fromJson.valid).toBe(true)
    expect(fromJson.summary).toEqual(fromYaml.summary)
  })

  it('prints to stdout without -o, and refuses to overwrite without --force', () => {
    expect(parley(['init', '--context', 'hiring']).stdout).toContain('context: hiring')
    const file = join(folder, 'twice.yaml')
    expect(parley(['init', '-o', file]).code).toBe(0)
    const again = parley(['init', '-o', file])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists; pass --force to overwrite it')
    expect(parley(['init', '-o', file, '--force']).code).toBe(0)
  })
})

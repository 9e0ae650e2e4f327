/**
 * `parley export --as counterparty|internal`, run as a user runs it: the MESO sheet before any
 * offer (the set `parley meso` proposes now) in every format, read back with reader libraries; the
 * brief for us with its confidential marking; after an agreement recorded with the verbs, the term
 * sheet and the review cadence as a calendar file; and the refusals (a document for the wrong
 * side, a binary format to a terminal, a term sheet before anything is agreed), with nothing written.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractDocxText, extractPdfText } from '@parley/documents/testing'
import { describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from './parley'

const folder = temporaryFolder('parley-export-')
const plan = join(folder, 'renewal.yaml')
copyFileSync(join(ROOT, 'examples', 'sales-saas-renewal.yaml'), plan)

/** The words without the spaces and line ends a reader adds or drops. */
const squeezed = (text: string) => text.replace(/\s+/g, '')

describe('parley export --as counterparty|internal', () => {
  it('writes the MESO sheet the meso command proposes, in every format, with nothing of ours in it', async () => {
    const meso = JSON.parse(parley(['meso', plan, '--json']).stdout) as {
      bundles: { label: string; terms: Record<string, string | number> }[]
    }
    const markdown = parley(['export', plan, '--as', 'counterparty', '-o', '-'])
    expect(markdown.code, markdown.stderr).toBe(0)
    // Each bundle's fee, as the meso command chose it, in the sheet's row for the fee.
    const feeRow = markdown.stdout.split('\n').find((line) => line.startsWith('| Annual subscription fee'))
    expect(feeRow).toBeDefined()
    for (const bundle of meso.bundles)
      expect(feeRow).toContain(Number(bundle.terms.price).toLocaleString('en'))
    expect(markdown.stdout).not.toMatch(/reservation|BATNA|Confidential|Discovery call|delivery estimate/i)

    for (const format of ['pdf', 'docx'] as const) {
      const file = join(folder, `offers.${format}`)
      const run = parley(['export', plan, '--as', 'counterparty', '-o', file])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain('built only from what may be shared with the other side')
      const bytes = new Uint8Array(readFileSync(file))
      const text = format === 'pdf' ? await extractPdfText(bytes) : await extractDocxText(bytes)
      expect(squeezed(text)).toContain(squeezed('Go-live for all claims teams'))
      expect(text).not.toMatch(/Discovery call|delivery estimate/)
    }
    const csv = parley(['export', plan, '--as', 'counterparty', '--format', 'csv', '-o', '-'])
    expect(csv.stdout.split('\r\n')[0]).toBe('Issue,Option A,Option B,Option C')
  })

  it('writes the brief for us only, marked confidential, and refuses a document for the wrong side', async () => {
    const file = join(folder, 'brief.pdf')
    const run = parley(['export', plan, '--as', 'internal', '-o', file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('internal only, never send it to the other side')
    const text = await extractPdfText(new Uint8Array(readFileSync(file)))
    expect(squeezed(text)).toContain(squeezed('Confidential: internal to Brightline Systems'))

    const wrong = parley([
      'export',
      plan,
      '--as',
      'counterparty',
      '--doc',
      'brief',
      '-o',
      join(folder, 'x.md'),
    ])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('the preparation brief is for our side only: export it with --as internal')
    const binary = parley(['export', plan, '--as', 'counterparty', '--format', 'pdf', '-o', '-'])
    expect(binary.code).toBe(1)
    expect(binary.stderr).toContain('PDF is not text: write it to a file with -o FILE')
    const terms = parley([
      'export',
      plan,
      '--as',
      'counterparty',
      '--doc',
      'terms',
      '-o',
      join(folder, 't.md'),
    ])
    expect(terms.code).toBe(1)
    expect(terms.stderr).toContain('record the agreement first')
    expect(existsSync(join(folder, 'x.md')) || existsSync(join(folder, 't.md'))).toBe(false)
    const again = parley(['export', plan, '--as', 'internal', '-o', file])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists; pass --force to overwrite it')
  })

  it('after the close: the term sheet in words and units, and the review cadence as a recurring event', async () => {
    expect(parley(['offer', plan, '--meso']).code).toBe(0)
    expect(parley(['reply', plan, '--chose', 'B']).code).toBe(0)
    const agreed = parley([
      'agree',
      plan,
      '--table',
      '--review-cadence',
      'quarterly business review',
      '--exit',
      'either side after 12 months with 90 days notice',
    ])
    expect(agreed.code, agreed.stderr).toBe(0)
    const file = join(folder, 'terms.docx')
    expect(parley(['export', plan, '--as', 'counterparty', '--doc', 'terms', '-o', file]).code).toBe(0)
    const text = await extractDocxText(new Uint8Array(readFileSync(file)))
    expect(text).toContain('Annual subscription fee')
    expect(text).toContain('either side after 12 months with 90 days notice')
    const ics = parley([
      'export',
      plan,
      '--as',
      'counterparty',
      '--doc',
      'cadence',
      '--format',
      'ics',
      '-o',
      '-',
    ])
    expect(ics.code, ics.stderr).toBe(0)
    expect(ics.stdout).toContain('BEGIN:VEVENT')
    expect(ics.stdout).toMatch(/RRULE:FREQ=MONTHLY;INTERVAL=3/)
  })
})

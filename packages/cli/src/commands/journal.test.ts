import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { EXIT } from '../exit-codes'

describe('parley journal list', () => {
  it('says, before the first move, which verbs record one', async () => {
    const plan = join(mkdtempSync(join(tmpdir(), 'parley-journal-')), 'calder.yaml')
    writeFileSync(plan, readFileSync('examples/sales-saas-renewal.yaml', 'utf8'))
    const run = await runCaptured(['journal', 'list', plan])
    expect(run.code).toBe(EXIT.ok)
    expect(run.stdout).toContain(`No journal yet at ${plan.replace(/\.yaml$/, '.journal.jsonl')}`)
    expect(run.stdout).toContain(`parley heard ${plan} "..."`)
    expect(run.stdout).toContain(`parley offer ${plan} --meso`)
  })
})

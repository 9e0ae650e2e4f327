/**
 * For verb tests: the sales (renewal) example copied into a folder of its own beside a journal of
 * the given events, each with the id, time, round, plan version and side a real entry carries; and
 * the journal beside a plan read back, for tests of what a verb wrote.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function renewalNegotiation(events: object[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'parley-renewal-'))
  const plan = join(folder, 'calder.yaml')
  writeFileSync(plan, readFileSync('examples/sales-saas-renewal.yaml', 'utf8'))
  const lines = events.map((event, k) => ({
    id: `01JR${String(k).padStart(22, '0')}`,
    at: '2026-11-25T10:00:00.000Z',
    round: 1,
    planVersion: 1,
    side: 'us',
    ...event,
  }))
  writeFileSync(join(folder, 'calder.journal.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n'))
  return plan
}

/** The events of the journal beside PLAN, as written (none when there is no journal yet). */
export function journalOf(plan: string): Record<string, unknown>[] {
  const file = plan.replace(/\.yaml$/, '.journal.jsonl')
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

import { describe, expect, it } from 'vitest'
import { replay } from '../journal/replay'
import { parsePlanText } from '../plan/parse'
import { compileSpace } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { event } from '../testing/events'
import { termSheet } from './term-sheet'

const HIRING = import.meta.glob(['../../../../examples/hiring-senior-engineer.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

describe('the term sheet of the hiring example', () => {
  it("writes each number's unit as it reads after it (the plan writes `month after start`)", () => {
    const parsed = parsePlanText(Object.values(HIRING)[0] ?? '', { format: 'yaml' })
    if (!parsed.ok) throw new Error('the hiring example does not parse')
    const hiring = compileSpace(parsed.plan)
    const terms = {
      salary: 178000,
      level: 'staff-L6',
      scope: 'ledger-platform-owner',
      title_review: 6,
      equity: 120000,
      sign_on: 30000,
      dev_budget: 5000,
      remote_days: 4,
      start: 4,
    }
    const view = counterpartyView(hiring, replay(hiring, [event('agreed', { terms })]))
    const sheet = termSheet(view)
    if (!('blocks' in sheet)) throw new Error(sheet.message)
    const table = sheet.blocks.find((block) => block.kind === 'table')
    if (table?.kind !== 'table') throw new Error('no table')
    expect(table.rows).toContainEqual(['Staff title review', '6', 'months after start'])
    expect(table.rows).toContainEqual(['Level at start', 'staff-L6', ''])
  })
})

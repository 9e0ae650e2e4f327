import { describe, expect, it } from 'vitest'
import { replay } from '../journal/replay'
import { counterpartyView } from '../sharing/counterparty-view'
import { event } from '../testing/events'
import { HIRING_OFFER, hiringSpace } from '../testing/hiring'
import { termSheet } from './term-sheet'

describe('the term sheet of the hiring example', () => {
  it("writes each number's unit as it reads after it (the plan writes `month after start`)", () => {
    const hiring = hiringSpace()
    const terms = { ...HIRING_OFFER, salary: 178000 }
    const view = counterpartyView(hiring, replay(hiring, [event('agreed', { terms })]))
    const sheet = termSheet(view)
    if (!('blocks' in sheet)) throw new Error(sheet.message)
    const table = sheet.blocks.find((block) => block.kind === 'table')
    if (table?.kind !== 'table') throw new Error('no table')
    expect(table.rows).toContainEqual(['Staff title review', '6', 'months after start'])
    expect(table.rows).toContainEqual(['Level at start', 'staff-L6', ''])
  })
})

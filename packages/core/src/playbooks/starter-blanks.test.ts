/**
 * Starters for a form: the plan created stores no template text (it is valid, holds no
 * placeholder, and keeps the names given), and each left-out text comes back as a field's hint.
 */
import { describe, expect, it } from 'vitest'
import { CONTEXTS } from '../model/plan'
import { placeholders } from '../plan/placeholders'
import { validatePlanValue } from '../plan/validate'
import { blankStarterPlan, starterHint } from './starter-blanks'
import { starterPlan } from './starters'

describe.each(CONTEXTS)('the %s starter for a form', (context) => {
  it('is a valid plan with the names given and no placeholder left', () => {
    const plan = blankStarterPlan(context, { title: 'Acme renewal 2027', us: 'Northwind', them: 'Acme Corp' })
    const validated = validatePlanValue(plan)
    expect(validated.ok, JSON.stringify(validated.ok ? [] : validated.errors)).toBe(true)
    expect(placeholders(plan)).toEqual([])
    expect(JSON.stringify(plan)).not.toMatch(/<[^<>\s=]/)
    expect(plan.title).toBe('Acme renewal 2027')
    expect(plan.parties.us.name).toBe('Northwind')
    expect(plan.parties.them.name).toBe('Acme Corp')
    // What the starter proposes beyond its blanks stays: the issues, the limits, the reservation.
    const starter = starterPlan(context)
    expect(plan.issues).toEqual(starter.issues)
    expect(plan.limits).toEqual(starter.limits)
    expect(plan.reservation).toBe(starter.reservation)
    expect(plan.applicability).toEqual({})
  })

  it('names the sides Us and Them when the form leaves them empty', () => {
    const plan = blankStarterPlan(context, { title: 'Untitled', us: ' ', them: '' })
    expect(plan.parties.us.name).toBe('Us')
    expect(plan.parties.them.name).toBe('Them')
  })

  it('gives back every left-out placeholder as a hint at its path, without its brackets', () => {
    for (const blank of placeholders(starterPlan(context))) {
      const hint = starterHint(context, blank.at)
      expect(hint, blank.at.join('.')).toBeDefined()
      expect(hint).toContain(blank.text.slice(1, -1))
      expect(hint).not.toMatch(/[<>]/)
    }
  })
})

describe('starter hints', () => {
  it('are the template text of the field, and nothing where the starter has none', () => {
    expect(starterHint('sales', ['title'])).toBe('Customer subscription 2027')
    expect(starterHint('sales', ['parties', 'them', 'name'])).toBe('Customer')
    expect(starterHint('sales', ['parties', 'them', 'approvalPath'])).toBe('who signs, in which order')
    // A stakeholder the starter only suggests: its name and role come back as hints.
    expect(starterHint('sales', ['parties', 'them', 'stakeholders', 0, 'name'])).toBe('Economic buyer')
    expect(starterHint('sales', ['parties', 'them', 'stakeholders', 0, 'role'])).toBe('CFO')
    expect(starterHint('sales', ['issues', 0, 'name'])).toBeUndefined()
    expect(starterHint('sales', ['parties', 'them', 'notes'])).toBeUndefined()
  })
})

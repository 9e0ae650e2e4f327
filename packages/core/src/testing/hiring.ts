/**
 * The hiring example (`examples/hiring-senior-engineer.yaml`) compiled, for tests of the words and
 * documents on a real-shaped plan (two issues in USD/year, a plan that writes `month after start`),
 * with the bundle a session walked through it with.
 */
import type { Space } from '../scoring/space'
import { exampleSpace } from './examples'

export function hiringSpace(): Space {
  return exampleSpace('hiring-senior-engineer')
}

/** Our offer after their counter: 170,000 base, at Staff, with a 6-month title review. */
export const HIRING_OFFER = {
  salary: 170000,
  level: 'staff-L6',
  scope: 'ledger-platform-owner',
  title_review: 6,
  equity: 120000,
  sign_on: 30000,
  dev_budget: 5000,
  remote_days: 4,
  start: 4,
} as const

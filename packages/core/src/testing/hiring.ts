/**
 * The hiring example (`examples/hiring-senior-engineer.yaml`) compiled, for tests of the words and
 * documents on a real-shaped plan (two issues in USD/year, a plan that writes `month after start`),
 * with the bundle a session walked through it with. Read through Vite's glob import, as `renewal.ts`.
 */
import { parsePlanText } from '../plan/parse'
import { compileSpace, type Space } from '../scoring/space'

const HIRING = import.meta.glob(['../../../../examples/hiring-senior-engineer.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

export function hiringSpace(): Space {
  const parsed = parsePlanText(Object.values(HIRING)[0] ?? '', { format: 'yaml' })
  if (!parsed.ok) throw new Error('the hiring example does not parse')
  return compileSpace(parsed.plan)
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

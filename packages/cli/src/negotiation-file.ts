/** A plan and its journal, loaded together, with the replay and what it has taught us. */
import { type NegotiationState, type Posterior, replay } from '@parley/core'
import { journalPathFor, type LoadedJournal, loadJournal } from './journal-file'
import { type LoadedPlan, loadPlan } from './plan-file'
import { cachedPosterior, posteriorCachePathFor } from './posterior-cache'

/** What every command that reads a plan and its journal takes: where the journal is, and --json. */
export interface JournalOptions {
  journal?: string
  json?: boolean
}

export type LoadedNegotiation =
  | {
      ok: true
      plan: Extract<LoadedPlan, { ok: true }>
      journal: LoadedJournal
      state: NegotiationState
      posterior: Posterior
    }
  | { ok: false; plan: Extract<LoadedPlan, { ok: false }> }

export async function loadNegotiation(planFile: string, journalFile?: string): Promise<LoadedNegotiation> {
  const plan = await loadPlan(planFile)
  if (!plan.ok) return { ok: false, plan }
  const journal = await loadJournal(journalFile ?? journalPathFor(planFile))
  const state = replay(plan.space, journal.events)
  // Kept beside the journal, once there is one: a plan alone has nothing learned to keep.
  const posterior = await cachedPosterior(
    plan.space,
    plan.text,
    state.observations,
    journal.exists ? posteriorCachePathFor(journal.file) : undefined,
  )
  return { ok: true, plan, journal, state, posterior }
}

/**
 * A plan and its journal, loaded together, with the replay and what it has taught us. The cache
 * beside the journal (posterior-cache.ts) keeps the posterior, and the plan as checked and the
 * journal as read, so an unchanged negotiation is not read and checked again on every command.
 */
import { inferPriorities, type NegotiationState, type Posterior, type Problem, replay } from '@parley/core'
import type { CommandContext } from './command-context'
import { journalPathFor, type LoadedJournal, loadJournal } from './journal-file'
import { type LoadedPlan, loadPlan } from './plan-file'
import { cachedPosterior, type KeptReplay, posteriorCachePathFor, readReplayCache } from './posterior-cache'
import { chooseServer, openRemoteNegotiation, type ServerOption } from './team-server'

/** What every command that reads a plan and its journal takes: where the journal is (or the server), and --json. */
export interface JournalOptions extends ServerOption {
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
  const journalPath = journalFile ?? journalPathFor(planFile)
  const kept = (await readReplayCache(posteriorCachePathFor(journalPath))) ?? null
  const plan = await loadPlan(planFile, kept?.plan)
  if (!plan.ok) return { ok: false, plan }
  return negotiationOf(plan, await loadJournal(journalPath, kept?.journal), kept)
}

/** A plan and a journal read from wherever they are kept (files, or a team server), replayed. */
export async function negotiationOf(
  plan: Extract<LoadedPlan, { ok: true }>,
  journal: LoadedJournal,
  kept?: KeptReplay | null,
): Promise<LoadedNegotiation> {
  const state = replay(plan.space, journal.events)
  // Kept beside the journal, once there is one: a plan alone has nothing learned to keep, and a
  // journal on a team server has no file to keep it beside.
  const file = journal.exists && !journal.post ? posteriorCachePathFor(journal.file) : undefined
  if (file === undefined) {
    // Nothing to keep: drawn when a command first asks for it. `meso` before any move never does
    // (it values their side by the plan's estimate exactly), and drawing the prior costs 30-45 ms.
    let drawn: Posterior | undefined
    return {
      ok: true,
      plan,
      journal,
      state,
      get posterior() {
        drawn ??= inferPriorities(plan.space, state.observations)
        return drawn
      },
    }
  }
  const posterior = await cachedPosterior(
    plan.space,
    plan.text,
    state.observations,
    file,
    {
      ...(plan.hash ? { plan: { hash: plan.hash, plan: plan.plan, warnings: plan.warnings } } : {}),
      ...(journal.hash
        ? {
            journal: {
              hash: journal.hash,
              events: journal.events,
              lines: journal.lines,
              problems: journal.problems,
            },
          }
        : {}),
    },
    kept,
  )
  return { ok: true, plan, journal, state, posterior }
}

/**
 * The negotiation a command names: a plan file with its journal, or, with `--server` (or
 * `PARLEY_SERVER` and a name that is not a plan file), a negotiation on a team server by id or title.
 */
export async function openNegotiation(
  context: CommandContext,
  name: string,
  options: JournalOptions,
): Promise<LoadedNegotiation & { version?: number }> {
  const choice = chooseServer(name, options, context.env)
  if (!choice.remote) return loadNegotiation(name, options.journal)
  const refused = (errors: Problem[]): LoadedNegotiation => ({
    ok: false,
    plan: { ok: false, file: name, errors },
  })
  if (!choice.ok) return refused([choice.problem])
  if (options.journal !== undefined)
    return refused([
      {
        code: 'journal_on_server',
        severity: 'error',
        message: 'a negotiation on a server keeps its journal there: leave out --journal',
        path: '',
        file: '--journal',
      },
    ])
  const remote = await openRemoteNegotiation(choice.server, name)
  if (!remote.ok) return refused(remote.problems)
  return { ...(await negotiationOf(remote.plan, remote.journal)), version: remote.version }
}

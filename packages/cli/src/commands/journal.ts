/**
 * `parley journal add PLAN EVENT` and `parley journal list PLAN`: record the moves of a negotiation.
 * A move that fits is recorded even when it is a mistake by the method (an offer below our
 * reservation, an agreement that breaks the rule): core's admission says so, and the warnings go to
 * stderr (and `warnings` in --json) after the event is written.
 */
import {
  admitEvent,
  count,
  type JournalEvent,
  listAnd,
  type NegotiationState,
  type PathProblem,
  type Problem,
  placeProblem,
  planFileVersion,
  readSource,
  replay,
  sourceFormatOf,
} from '@parley/core'
import { monotonicFactory } from 'ulid'
import { type CommandContext, invalidInput, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { appendEvent, journalPathFor, type LoadedJournal, loadJournal } from '../journal-file'
import { type JournalOptions, loadNegotiation } from '../negotiation-file'
import { problemJson } from '../output'
import { type LoadedPlan, loadPlan, readTextFile } from '../plan-file'
import { formatTerms } from '../terms'

const ulid = monotonicFactory()

/** Reads EVENT: inline JSON when it starts with `{`, otherwise a JSON or YAML file. */
async function readEventArgument(argument: string) {
  if (argument.trimStart().startsWith('{'))
    return { ok: true as const, file: 'EVENT', source: readSource(argument, 'json', 'EVENT') }
  const read = await readTextFile(argument, 64 * 1024)
  if (!read.ok) return { ok: false as const, errors: read.errors }
  return {
    ok: true as const,
    file: argument,
    source: readSource(read.text, sourceFormatOf(argument) ?? 'json', argument),
  }
}

export async function journalAddCommand(
  context: CommandContext,
  planFile: string,
  eventArgument: string,
  options: JournalOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await loadPlan(planFile)
  if (!loaded.ok) return planRefused(context, json, loaded.errors)
  const journal = await loadJournal(options.journal ?? journalPathFor(planFile))
  const argument = await readEventArgument(eventArgument)
  if (!argument.ok) return invalidInput(context, json, argument.errors)
  if (argument.source.errors.length > 0) return invalidInput(context, json, argument.source.errors)
  const { source, file } = argument
  return recordEvent(context, { planFile, plan: loaded, journal }, source.value, {
    json,
    place: (problem) => placeProblem(problem, source, file),
  })
}

/** A plan and its journal, read, ready for one more event. */
export interface RecordTarget {
  planFile: string
  plan: Extract<LoadedPlan, { ok: true }>
  journal: LoadedJournal
  /** The replay of the journal, when the caller has it already. */
  state?: NegotiationState
  /** The plan's version on a team server; a plan file's is a hash of its text. */
  version?: number
}

/**
 * Checks one event (as typed: JSON from `journal add`, or built by a verb from its flags) against
 * the plan and the journal, appends it when it fits, and reports it: the one way every move is
 * recorded on the command line, so every verb refuses what `journal add` refuses, with the same
 * messages, and writes nothing then. `place` says where in the input a problem lies.
 */
export async function recordEvent(
  context: CommandContext,
  target: RecordTarget,
  raw: unknown,
  options: { json: boolean; place: (problem: PathProblem) => Problem },
): Promise<number> {
  const { plan, journal, planFile } = target
  const { json, place } = options
  const admitted = admitEvent(
    plan.space,
    { events: journal.events, state: target.state ?? replay(plan.space, journal.events) },
    raw,
    { id: ulid(), at: new Date().toISOString(), planVersion: target.version ?? planFileVersion(plan.plan) },
  )
  if (!admitted.ok) return invalidInput(context, json, admitted.problems.map(place))
  let { event } = admitted
  if (journal.post) {
    // The server checks it again, against the journal as it is there now, and has the last word.
    const posted = await journal.post(event)
    if (!posted.ok) return invalidInput(context, json, posted.problems)
    event = posted.event
  } else await appendEvent(journal, event)
  const warnings = admitted.warnings.map(place)
  if (json) context.out.json({ event, journal: journal.file, warnings: warnings.map(problemJson) })
  else {
    context.out.print(`Added ${describe(event)} to ${journal.file} — round ${event.round}, id ${event.id}`)
    if (warnings.length > 0) {
      context.out.problems(warnings)
      context.out.error(
        `Recorded all the same (${count(warnings.length, 'warning')}). If it was a slip, retract it: parley retract ${planFile} --last --reason "..."`,
      )
    }
  }
  return EXIT.ok
}

export async function journalListCommand(
  context: CommandContext,
  planFile: string,
  options: JournalOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await loadNegotiation(planFile, options.journal)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
  const { journal, state } = loaded
  const retracted = new Set(state.retracted)
  const skipped = new Set(state.findings.map((finding) => finding.eventId))
  if (json) {
    context.out.json({
      journal: journal.file,
      events: journal.events.map((event) => ({
        ...event,
        retracted: retracted.has(event.id),
        skipped: skipped.has(event.id),
      })),
      problems: journal.problems.map(problemJson),
      findings: state.findings,
    })
    return EXIT.ok
  }
  const { out } = context
  if (!journal.exists)
    out.print(
      `No journal yet at ${journal.file}; record the first move with \`parley heard ${planFile} "..."\` (an interest they stated), \`parley offer ${planFile} --meso\`, or any event with \`parley journal add ${planFile} EVENT\`.`,
    )
  else {
    out.print(
      out.table(
        ['#', 'round', 'side', 'type', 'what', 'id'],
        journal.events.map((event, k) => [
          k + 1,
          event.round,
          event.side,
          retracted.has(event.id) ? out.colour.strikethrough(event.type) : event.type,
          `${describe(event)}${retracted.has(event.id) ? ' (retracted)' : skipped.has(event.id) ? ' (skipped: see status)' : ''}`,
          event.id,
        ]),
      ),
    )
  }
  if (journal.problems.length > 0) out.problems(journal.problems)
  return EXIT.ok
}

export function describe(event: JournalEvent): string {
  switch (event.type) {
    case 'offer-sent':
      return event.bundles.length === 1
        ? `offer: ${formatTerms(event.bundles[0]?.terms ?? {})}`
        : `offer of ${count(event.bundles.length, 'bundle')} (${listAnd(event.bundles.map((bundle, k) => bundle.label ?? String.fromCharCode(65 + k)))})`
    case 'bundle-chosen':
      return `they chose ${event.label}`
    case 'bundles-ranked':
      return `they ranked ${event.order.join(' > ')}`
    case 'offer-rejected':
      return event.counter
        ? `they rejected it and countered: ${formatTerms(event.counter.terms)}`
        : 'they rejected the offer'
    case 'interest-stated':
      return `interest: ${event.text}${event.ranking ? ` (${event.ranking.join(' > ')})` : ''}`
    case 'concession':
      return `concession: we give ${formatTerms(event.give) || 'nothing'}; we get ${formatTerms(event.get) || 'nothing'}`
    case 'contingency-proposed':
      return `contingency: if ${event.contingency.metric} ${event.contingency.op} ${event.contingency.threshold} then ${event.contingency.consequence.issue} → ${event.contingency.consequence.level}`
    case 'contingency-accepted':
      return `contingency ${event.target} accepted`
    case 'note':
      return `note: ${event.text}`
    case 'agreed':
      return event.side === 'them'
        ? `they signed: ${formatTerms(event.terms)}`
        : `agreed: ${formatTerms(event.terms)}`
    case 'alternatives-offered':
      return `alternatives before signing: ${event.bundles.map((bundle, k) => `${bundle.label ?? k + 1}. ${formatTerms(bundle.terms)}`).join('; ')}`
    case 'debrief':
      return `debrief (${count(Object.keys(event.answers).length, 'answer')})`
    case 'retract':
      return `retracts ${event.target}: ${event.reason}`
  }
}

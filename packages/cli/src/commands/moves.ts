/**
 * The verbs for the moves of a negotiation (`offer`, `reply`, `concede`, `heard`,
 * `propose-contingency`, `accept-contingency`, `agree`, `note`, `retract`): each builds the same
 * event `journal add` takes, from flags or, on a terminal, from answers to questions, and records it
 * through `recordEvent`, so it is checked and refused exactly as the raw event would be. A missing
 * flag with nothing to ask is bad usage (exit 2); a wrong value is invalid input (exit 1); nothing is
 * written on either, nor when a question is interrupted (exit 130).
 */
import {
  alternativesBeforeSigning,
  closest,
  counterBase,
  formatPath,
  inferPriorities,
  type JournalEvent,
  jointGainInSight,
  mesoView,
  type NegotiationState,
  nameWithUnit,
  type PathProblem,
  type PathSegment,
  PLAYBOOKS,
  type Problem,
  pendingAlternatives,
  placeProblem,
  readSource,
  type Space,
  sourceFormatOf,
  type Terms,
  tableInWords,
} from '@parley/core'
import { type CommandContext, invalidInput, planRefused, usageError } from '../command-context'
import { EXIT } from '../exit-codes'
import { type Choice, type Prompter, PromptInterrupted, terminalPrompter } from '../move-prompts'
import { type JournalOptions, openNegotiation } from '../negotiation-file'
import { signed } from '../output'
import { readTextFile } from '../plan-file'
import { formatTerms, readTermWords } from '../terms'
import { describe, type RecordTarget, recordEvent } from './journal'
import { printMesoFailure } from './meso'

/** What every move verb takes besides its own flags. */
export interface MoveOptions extends JournalOptions {
  /** A private note kept with the event. */
  note?: string
}

/** The event a verb built, and where each part of it came from (a flag, an argument or a file). */
type Built =
  | { ok: true; raw: Record<string, unknown>; place: (problem: PathProblem) => Problem }
  | { ok: false; code: number; problems?: Problem[]; message?: string }

interface MoveBuilder {
  /** The verb's name, for messages: `reply`. */
  verb: string
  build: (negotiation: Negotiation, ask: Prompter | undefined) => Promise<Built>
}

interface Negotiation extends RecordTarget {
  state: NegotiationState
  space: Space
  /** The posterior, for the one verb that needs it (`offer --meso`), computed when asked for. */
  learned: () => Promise<Parameters<typeof mesoView>[2]>
}

async function recordMove(
  context: CommandContext,
  planFile: string,
  options: MoveOptions,
  builder: MoveBuilder,
): Promise<number> {
  const json = options.json === true
  const loaded = await openNegotiation(context, planFile, options)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
  const negotiation: Negotiation = {
    ...(loaded.version !== undefined ? { version: loaded.version } : {}),
    planFile,
    plan: loaded.plan,
    journal: loaded.journal,
    state: loaded.state,
    space: loaded.plan.space,
    learned: async () => (loaded.journal.events.length > 0 ? loaded.posterior : undefined),
  }
  let built: Built
  try {
    built = await builder.build(negotiation, terminalPrompter(context.out.streams))
  } catch (error) {
    if (!(error instanceof PromptInterrupted)) throw error
    context.out.error('Interrupted: nothing was recorded.')
    return EXIT.interrupted
  }
  if (!built.ok) {
    if (built.problems) return invalidInput(context, json, built.problems)
    if (built.message !== undefined) return usageError(context, json, builder.verb, built.message)
    return built.code
  }
  const raw = options.note !== undefined ? { ...built.raw, note: options.note } : built.raw
  return recordEvent(context, negotiation, raw, { json, place: built.place })
}

/** Problems placed on the flag (or argument) their event field came from: `--give price: …`. */
function placeOnFlags(verb: string, flags: Readonly<Record<string, string>>, single: readonly string[] = []) {
  return (problem: PathProblem): Problem => {
    const head = problem.at[0]
    const flag = typeof head === 'string' ? flags[head] : undefined
    return {
      code: problem.code,
      severity: problem.severity,
      message: problem.message,
      path: formatPath(
        flag === undefined ? problem.at : underFlag(problem.at.slice(1), single.includes(flag)),
      ),
      file: flag ?? `parley ${verb}`,
    }
  }
}

/**
 * Where under a flag a problem is. The flag names the field already (`--give price`, not `--give
 * give.price`), and the terms it gives (`--counter`, not `--counter terms`); a flag that gives one
 * bundle (`single`) names that bundle too (`--bundle`, not `--bundle [0].terms`).
 */
function underFlag(at: readonly PathSegment[], single: boolean): PathSegment[] {
  const rest = single && at[0] === 0 ? at.slice(1) : [...at]
  return rest[0] === 'terms' ? rest.slice(1) : rest
}

const usage = (message: string): Built => ({ ok: false, code: EXIT.usage, message })
const invalid = (file: string, message: string, code = 'invalid_value'): Built => ({
  ok: false,
  code: EXIT.invalid,
  problems: [{ code, severity: 'error', message, path: '', file }],
})

/** `ISSUE=LEVEL` words from a flag, or a refusal placed on that flag. */
function termsFrom(
  space: Space,
  flag: string,
  words: readonly string[],
): { ok: true; terms: Terms } | { ok: false; built: Built } {
  const read = readTermWords(space, words)
  return read.ok ? read : { ok: false, built: invalid(flag, read.message, 'bad_terms') }
}

/** Comma-separated words (`B,C,A`, `rollout,price`), spaces allowed around the commas. */
function commaList(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '')
}

// ---------------------------------------------------------------------------------------------
// Questions asked at the terminal, with choices from the plan and the journal.

function levelChoices(space: Space, issueId: string): Choice<string>[] {
  const issue = space.byId.get(issueId)
  return (issue?.levels ?? []).map((level) => ({ value: String(level), name: String(level) }))
}

function issueChoices(space: Space, except: Iterable<string> = []): Choice<string>[] {
  const skip = new Set(except)
  return space.issues
    .filter((issue) => !skip.has(issue.id))
    .map((issue) => ({ value: issue.id, name: `${issue.id}: ${nameWithUnit(issue)}` }))
}

/** Levels for some issues, one question each, until the person says they are done. */
async function askTerms(
  ask: Prompter,
  space: Space,
  what: string,
  options: { required: boolean; from?: Terms },
): Promise<Terms> {
  const terms: Terms = {}
  const done = '\u0000done'
  for (;;) {
    const chosen = Object.keys(terms)
    const choices = issueChoices(space, chosen)
    if (choices.length === 0) break
    const canStop = chosen.length > 0 || !options.required
    const issue = await ask.select(
      chosen.length === 0 ? `${what}: which issue?` : `${what}: another issue?`,
      canStop
        ? [{ value: done, name: chosen.length === 0 ? '(none)' : '(that is all)' }, ...choices]
        : choices,
    )
    if (issue === done) break
    const from = options.from?.[issue]
    const level = await ask.select(
      `${what}: ${issue} to which level?`,
      levelChoices(space, issue),
      from !== undefined ? String(from) : undefined,
    )
    const read = readTermWords(space, [`${issue}=${level}`])
    terms[issue] = read.ok ? (read.terms[issue] ?? level) : level
  }
  return terms
}

/** A whole bundle, every issue asked, each starting at the level on the table. */
async function askBundle(ask: Prompter, space: Space, table: Terms | undefined): Promise<Terms> {
  const words: string[] = []
  for (const issue of space.issues) {
    const level = await ask.select(
      nameWithUnit(issue),
      levelChoices(space, issue.id),
      table?.[issue.id] !== undefined ? String(table[issue.id]) : undefined,
    )
    words.push(`${issue.id}=${level}`)
  }
  const read = readTermWords(space, words)
  return read.ok ? read.terms : {}
}

/** The labels of our latest offer, for their answer. */
function latestLabels(state: NegotiationState): string[] {
  const latest = state.offers.at(-1)
  return (latest?.bundles ?? []).map((bundle, k) => bundle.label ?? String.fromCharCode(65 + k))
}

// ---------------------------------------------------------------------------------------------
// offer

export interface OfferOptions extends MoveOptions {
  meso?: boolean
  alternatives?: boolean
  jointGain?: boolean
  bundle?: string[]
  from?: string
  count?: number
  target?: number
  tolerance?: number
}

export function offerCommand(context: CommandContext, planFile: string, options: OfferOptions) {
  const json = options.json === true
  return recordMove(context, planFile, options, {
    verb: 'offer',
    build: async (negotiation, ask) => {
      const ways = [
        options.meso,
        options.bundle,
        options.from,
        options.alternatives,
        options.jointGain,
      ].filter((way) => way !== undefined)
      if (ways.length > 1)
        return usage('give one of --meso, --bundle, --from, --joint-gain or --alternatives, not several')
      if (options.alternatives) return alternativesToOffer(context, planFile, negotiation, json)
      if (options.jointGain) return jointGainToOffer(context, planFile, negotiation, json)
      let way: 'meso' | 'bundle' | 'from' | 'joint-gain' | 'alternatives' | undefined = options.meso
        ? 'meso'
        : options.bundle
          ? 'bundle'
          : options.from !== undefined
            ? 'from'
            : undefined
      if (way === undefined) {
        if (!ask)
          return usage(
            'say what to offer: --meso (the MESO set `parley meso` shows now), --bundle ISSUE=LEVEL ..., or --from FILE',
          )
        way = await ask.select('What do you offer?', await offerChoices(negotiation))
      }
      if (way === 'joint-gain') return jointGainToOffer(context, planFile, negotiation, json)
      if (way === 'alternatives') return alternativesToOffer(context, planFile, negotiation, json)
      if (way === 'meso') {
        const result = mesoView(
          negotiation.space,
          {
            ...(options.count !== undefined ? { count: options.count } : {}),
            ...(options.target !== undefined ? { target: options.target } : {}),
            ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
          },
          await negotiation.learned(),
          negotiation.state,
        )
        if (!result.ok) {
          printMesoFailure(context, planFile, result, json)
          return { ok: false, code: EXIT.no }
        }
        return {
          ok: true,
          raw: {
            type: 'offer-sent',
            bundles: result.set.bundles.map((bundle) => ({
              label: bundle.label,
              name: bundle.name,
              terms: bundle.terms,
            })),
          },
          place: placeOnFlags('offer', { bundles: '--meso' }),
        }
      }
      if (way === 'bundle') {
        let terms: Terms
        if (options.bundle) {
          const read = termsFrom(negotiation.space, '--bundle', options.bundle)
          if (!read.ok) return read.built
          terms = read.terms
        } else if (ask) terms = await askBundle(ask, negotiation.space, negotiation.state.table?.terms)
        else return usage('--bundle needs ISSUE=LEVEL words')
        return {
          ok: true,
          raw: { type: 'offer-sent', bundles: [{ terms }] },
          place: placeOnFlags('offer', { bundles: '--bundle' }, ['--bundle']),
        }
      }
      return offerFromFile(options.from ?? '')
    },
  })
}

/**
 * What the offer prompt lets them choose: besides the MESO set and a bundle by hand, the bundle
 * better for both that `parley status` shows as the joint gain in sight (first, as the next move
 * then proposes it), or once the terms are agreed, the alternatives before signing.
 */
async function offerChoices(negotiation: Negotiation) {
  const { space, state } = negotiation
  type Way = 'meso' | 'bundle' | 'joint-gain' | 'alternatives'
  const choices: { value: Way; name: string }[] = [
    { value: 'meso', name: 'the MESO set Parley proposes now' },
    { value: 'bundle', name: 'a single bundle, issue by issue' },
  ]
  if (state.agreed) {
    const posterior = await negotiation.learned()
    const count =
      posterior && !pendingAlternatives(state) ? alternativesBeforeSigning(space, state, posterior).length : 0
    if (count > 0)
      choices.unshift({
        value: 'alternatives',
        name: `the ${count === 1 ? 'alternative' : `${count} alternatives`} before signing that parley status lists`,
      })
    return choices
  }
  const joint = jointGainInSight(space, state, await negotiation.learned())
  if (joint)
    choices.unshift({
      value: 'joint-gain',
      name: `the bundle better for both than ${tableInWords(state.table?.source)} (${signed(joint.gain.us)} for us, ${signed(joint.gain.them)} for them by our current estimate)`,
    })
  return choices
}

/**
 * The alternatives `parley status` lists under "Before you sign", offered beside the agreement (an
 * `alternatives-offered` event; the deal room then lets them sign one). Nothing to offer before an
 * agreement, once they are offered and not yet answered, or when there are none: exit 3, saying so.
 */
async function alternativesToOffer(
  context: CommandContext,
  planFile: string,
  negotiation: Negotiation,
  json: boolean,
): Promise<Built> {
  const { state } = negotiation
  const refuse = (message: string): Built => {
    if (json) context.out.json({ failure: { code: 'no_alternatives', message } })
    else context.out.error(`${planFile}: ${message}`)
    return { ok: false, code: EXIT.no }
  }
  if (state.stage !== 'close' || !state.agreed)
    return refuse('there is no agreement to offer alternatives beside: record it first (parley agree)')
  if (pendingAlternatives(state))
    return refuse(
      'the alternatives are offered already and wait for their signature: record the one they sign (parley agree --alternative N, or --table for the agreement as it is)',
    )
  const posterior = await negotiation.learned()
  const alternatives = posterior ? alternativesBeforeSigning(negotiation.space, state, posterior) : []
  if (alternatives.length === 0)
    return refuse(
      'no alternative beside the agreement is at least as good for us and possibly better for them (no draw of our estimate of what they value prefers one to it)',
    )
  return {
    ok: true,
    raw: {
      type: 'alternatives-offered',
      bundles: alternatives.map((alternative, k) => ({ label: String(k + 1), terms: alternative.terms })),
    },
    place: placeOnFlags('offer', { bundles: '--alternatives' }),
  }
}

/**
 * The bundle better for both than the table that `parley status` shows as the joint gain in sight,
 * offered as a single bundle. Nothing on the table, or nothing better for both in sight: exit 3.
 */
async function jointGainToOffer(
  context: CommandContext,
  planFile: string,
  negotiation: Negotiation,
  json: boolean,
): Promise<Built> {
  const { space, state } = negotiation
  const refuse = (message: string): Built => {
    if (json) context.out.json({ failure: { code: 'no_joint_gain', message } })
    else context.out.error(`${planFile}: ${message}`)
    return { ok: false, code: EXIT.no }
  }
  if (state.agreed)
    return refuse('the terms are agreed: offer the alternatives before signing instead (--alternatives)')
  if (!state.table)
    return refuse('nothing is on the table yet: there is nothing to improve on for both sides')
  const joint = jointGainInSight(space, state, await negotiation.learned())
  if (!joint)
    return refuse(
      'no bundle is better for both sides than the table by our current estimate of what they value (parley status shows one when there is)',
    )
  return {
    ok: true,
    raw: { type: 'offer-sent', bundles: [{ terms: joint.terms }] },
    place: placeOnFlags('offer', { bundles: '--joint-gain' }, ['--joint-gain']),
  }
}

/**
 * An offer read from a file: `parley meso --json` output as it is (only each bundle's label, name
 * and terms are taken), or an offer-sent event.
 */
async function offerFromFile(file: string): Promise<Built> {
  const read = await readTextFile(file, 256 * 1024)
  if (!read.ok) return { ok: false, code: EXIT.invalid, problems: read.errors }
  const source = readSource(read.text, sourceFormatOf(file) ?? 'json', file)
  if (source.errors.length > 0) return { ok: false, code: EXIT.invalid, problems: source.errors }
  const value = source.value as { bundles?: unknown } | null
  if (typeof value !== 'object' || value === null || !Array.isArray(value.bundles))
    return invalid(
      file,
      'expected `parley meso --json` output or an offer-sent event: an object with a "bundles" list',
      'not_an_offer',
    )
  const bundles = value.bundles.map((bundle: unknown) => {
    if (typeof bundle !== 'object' || bundle === null) return bundle
    const { label, name, terms } = bundle as Record<string, unknown>
    return {
      ...(label !== undefined ? { label } : {}),
      ...(name !== undefined ? { name } : {}),
      terms,
    }
  })
  return {
    ok: true,
    raw: { type: 'offer-sent', bundles },
    place: (problem) => placeProblem(problem, source, file),
  }
}

// ---------------------------------------------------------------------------------------------
// reply

export interface ReplyOptions extends MoveOptions {
  chose?: string
  ranked?: string
  rejected?: boolean
  counter?: string[]
  /** With --counter: the label of the bundle of our latest offer their counter changes. */
  on?: string
  reason?: string
}

export function replyCommand(context: CommandContext, planFile: string, options: ReplyOptions) {
  return recordMove(context, planFile, options, {
    verb: 'reply',
    build: async (negotiation, ask) => {
      const { space, state } = negotiation
      const answers = [options.chose, options.ranked, options.rejected].filter(
        (answer) => answer !== undefined,
      )
      if (answers.length > 1) return usage('give one of --chose, --ranked or --rejected, not several')
      if (
        (options.counter || options.reason !== undefined) &&
        (options.chose ?? options.ranked) !== undefined
      )
        return usage('--counter and --reason go with --rejected')
      if (options.on !== undefined && !options.counter) return usage('--on goes with --counter')
      const placed = placeOnFlags('reply', {
        label: '--chose',
        order: '--ranked',
        counter: '--counter',
        reason: '--reason',
      })
      // A counter to a set that names only what changed: the flag that says which bundle it changes.
      const place = (problem: PathProblem): Problem => {
        const at = placed(problem)
        return problem.code === 'missing_issue' && problem.at[0] === 'counter'
          ? { ...at, message: `${at.message}, or name the bundle it changes: --on LABEL` }
          : at
      }
      if (options.chose !== undefined)
        return { ok: true, raw: { type: 'bundle-chosen', label: options.chose }, place }
      if (options.ranked !== undefined)
        return { ok: true, raw: { type: 'bundles-ranked', order: commaList(options.ranked) }, place }
      const rejected = options.rejected === true || options.counter !== undefined
      if (rejected) {
        let counter: Terms | undefined
        if (options.counter) {
          const read = termsFrom(space, '--counter', options.counter)
          if (!read.ok) return read.built
          counter = read.terms
          if (options.on !== undefined) {
            // The bundle they countered: its terms stand where the counter names no level.
            const latest = state.offers.at(-1)?.bundles ?? []
            const base = latest.find((bundle) => bundle.label === options.on)
            if (!base)
              return invalid(
                '--on',
                latest.length === 0
                  ? 'no offer of ours is recorded yet: --on names a bundle of our latest offer'
                  : `no bundle '${options.on}' in our latest offer (round ${state.offers.at(-1)?.round}); it has ${latest.map((bundle) => bundle.label).join(', ')}`,
                'unknown_label',
              )
            counter = { ...base.terms, ...counter }
          } else {
            // Otherwise on the bundle on the table, as core reads it; written out whole so the
            // journal reads plainly (while a set awaits their answer, core asks for every issue).
            const table = counterBase(state)
            if (table) counter = { ...table.terms, ...counter }
          }
        }
        return {
          ok: true,
          raw: {
            type: 'offer-rejected',
            ...(counter ? { counter: { terms: counter } } : {}),
            ...(options.reason !== undefined ? { reason: options.reason } : {}),
          },
          place,
        }
      }
      if (!ask) return usage('say what they did: --chose LABEL, --ranked B,C,A or --rejected [--counter ...]')
      const labels = latestLabels(state)
      const answer = await ask.select('What did they answer?', [
        ...(labels.length > 0 ? [{ value: 'chose', name: `they chose one of ${labels.join(', ')}` }] : []),
        ...(labels.length > 1 ? [{ value: 'ranked', name: 'they ranked them' }] : []),
        { value: 'rejected', name: 'they rejected it (with or without a counter)' },
      ])
      if (answer === 'chose') {
        const label = await ask.select(
          'Which bundle?',
          labels.map((value) => ({ value, name: value })),
        )
        return { ok: true, raw: { type: 'bundle-chosen', label }, place }
      }
      if (answer === 'ranked') {
        const order: string[] = []
        while (order.length < labels.length) {
          const left = labels.filter((label) => !order.includes(label))
          if (left.length === 1) order.push(left[0] as string)
          else
            order.push(
              await ask.select(
                order.length === 0 ? 'Their first choice?' : 'Next?',
                left.map((value) => ({ value, name: value })),
              ),
            )
        }
        return { ok: true, raw: { type: 'bundles-ranked', order }, place }
      }
      // A counter changes the bundle on the table, or while a set awaits their answer, the bundle they name.
      const offered = state.offers.at(-1)?.bundles ?? []
      const countered = await ask.confirm('Did they counter with terms of their own?')
      let from = counterBase(state)?.terms
      if (countered && !from && offered.length > 1) {
        const label = await ask.select(
          'Which of our bundles does their counter change?',
          offered.map((bundle) => ({ value: bundle.label, name: bundle.label })),
        )
        from = offered.find((bundle) => bundle.label === label)?.terms
      }
      const counter = countered
        ? await askTerms(ask, space, 'Their counter', { required: true, from })
        : undefined
      const reason = await ask.text('Their reason, in their words (optional)')
      return {
        ok: true,
        raw: {
          type: 'offer-rejected',
          ...(counter ? { counter: { terms: { ...(from ?? {}), ...counter } } } : {}),
          ...(reason.trim() !== '' ? { reason } : {}),
        },
        place,
      }
    },
  })
}

// ---------------------------------------------------------------------------------------------
// concede

export interface ConcedeOptions extends MoveOptions {
  give?: string[]
  get?: string[]
  trigger?: string
}

export function concedeCommand(context: CommandContext, planFile: string, options: ConcedeOptions) {
  return recordMove(context, planFile, options, {
    verb: 'concede',
    build: async ({ space, state }, ask) => {
      let give: Terms
      let get: Terms = {}
      if (options.give) {
        const read = termsFrom(space, '--give', options.give)
        if (!read.ok) return read.built
        give = read.terms
        if (options.get) {
          const got = termsFrom(space, '--get', options.get)
          if (!got.ok) return got.built
          get = got.terms
        }
      } else {
        if (!ask) return usage('say what we give: --give ISSUE=LEVEL ... [--get ISSUE=LEVEL ...]')
        give = await askTerms(ask, space, 'We give', { required: true, from: state.ourPosition })
        if (options.get) {
          const got = termsFrom(space, '--get', options.get)
          if (!got.ok) return got.built
          get = got.terms
        } else
          get = await askTerms(ask, space, 'We get in return', { required: false, from: state.theirPosition })
      }
      return {
        ok: true,
        raw: {
          type: 'concession',
          give,
          get,
          ...(options.trigger !== undefined ? { trigger: options.trigger } : {}),
        },
        place: placeOnFlags('concede', { give: '--give', get: '--get', trigger: '--trigger' }),
      }
    },
  })
}

// ---------------------------------------------------------------------------------------------
// heard

export interface HeardOptions extends MoveOptions {
  ranking?: string
  more?: string[]
}

export function heardCommand(
  context: CommandContext,
  planFile: string,
  text: string | undefined,
  options: HeardOptions,
) {
  return recordMove(context, planFile, options, {
    verb: 'heard',
    build: async (_negotiation, ask) => {
      let said = text
      if (said === undefined || said.trim() === '') {
        if (!ask) return usage('say what they said: parley heard PLAN "launch date first"')
        said = await ask.text('What did they say they need?', { required: true })
      }
      const relative: { issue: string; over: string; factor: number }[] = []
      for (const statement of options.more ?? []) {
        const [issue, over, factor, ...rest] = statement.split(':')
        const times = factor === undefined ? 1 : Number(factor)
        if (!issue || !over || rest.length > 0 || !Number.isFinite(times))
          return invalid(
            '--more',
            `'${statement}' is not ISSUE:OVER[:FACTOR] (for example rollout:price:2, rollout matters twice as much as price)`,
            'bad_relative',
          )
        relative.push({ issue, over, factor: times })
      }
      return {
        ok: true,
        raw: {
          type: 'interest-stated',
          text: said,
          ...(options.ranking !== undefined ? { ranking: commaList(options.ranking) } : {}),
          ...(relative.length > 0 ? { relative } : {}),
        },
        place: placeOnFlags('heard', { text: 'TEXT', ranking: '--ranking', relative: '--more' }),
      }
    },
  })
}

// ---------------------------------------------------------------------------------------------
// propose-contingency, accept-contingency

export interface ProposeContingencyOptions extends MoveOptions {
  if?: string
  then?: string
  within?: string
  source?: string
  reporting?: string
  text?: string
  exchange?: string[]
  id?: string
  /** Our probability that the condition occurs (0..1), and theirs as we estimate it. */
  chanceUs?: number
  chanceThem?: number
}

/** `uptime >= 99.5` → metric, operator and threshold (a number when it reads as one). */
export function readCondition(
  text: string,
): { ok: true; metric: string; op: string; threshold: number | string } | { ok: false } {
  const match = /^(.+?)\s*(<=|>=|<|>|=)\s*(.+)$/.exec(text.trim())
  if (!match?.[1] || !match[2] || !match[3]) return { ok: false }
  const threshold = match[3].trim()
  const number = Number(threshold)
  return {
    ok: true,
    metric: match[1].trim(),
    op: match[2],
    threshold: threshold !== '' && Number.isFinite(number) ? number : threshold,
  }
}

export function proposeContingencyCommand(
  context: CommandContext,
  planFile: string,
  options: ProposeContingencyOptions,
) {
  return recordMove(context, planFile, options, {
    verb: 'propose-contingency',
    build: async ({ space }, ask) => {
      let condition = options.if
      let consequence = options.then
      if (condition === undefined || consequence === undefined) {
        if (!ask) return usage('say the condition and what follows: --if "uptime < 99.5" --then credits=15')
        condition ??= await ask.text('If (metric, operator, threshold: uptime < 99.5)', { required: true })
        if (consequence === undefined) {
          const issue = await ask.select('Then which issue moves?', issueChoices(space))
          consequence = `${issue}=${await ask.select(`${issue} to which level?`, levelChoices(space, issue))}`
        }
      }
      const read = readCondition(condition)
      if (!read.ok)
        return invalid(
          '--if',
          `'${condition}' is not METRIC OP THRESHOLD with OP one of < <= = >= > (for example "uptime < 99.5")`,
          'bad_condition',
        )
      const then = termsFrom(space, '--then', [consequence])
      if (!then.ok) return then.built
      const [[issue, level] = []] = Object.entries(then.terms)
      let exchange: Terms | undefined
      if (options.exchange) {
        const got = termsFrom(space, '--exchange', options.exchange)
        if (!got.ok) return got.built
        exchange = got.terms
      }
      // What the bet is worth needs both sides' probabilities: one alone values nothing.
      if ((options.chanceUs === undefined) !== (options.chanceThem === undefined))
        return usage(
          'give both probabilities that the condition occurs, ours and theirs as we estimate it: --chance-us 0.2 --chance-them 0.6',
        )
      const beliefs =
        options.chanceUs !== undefined && options.chanceThem !== undefined
          ? { us: options.chanceUs, them: options.chanceThem }
          : undefined
      const measurement = {
        ...(options.source !== undefined ? { source: options.source } : {}),
        ...(options.reporting !== undefined ? { reporting: options.reporting } : {}),
      }
      return {
        ok: true,
        raw: {
          type: 'contingency-proposed',
          contingency: {
            ...(options.id !== undefined ? { id: options.id } : {}),
            metric: read.metric,
            op: read.op,
            threshold: read.threshold,
            ...(options.within !== undefined ? { within: options.within } : {}),
            consequence: { issue, level },
            ...(Object.keys(measurement).length > 0 ? { measurement } : {}),
            ...(options.text !== undefined ? { text: options.text } : {}),
            ...(beliefs ? { beliefs } : {}),
          },
          ...(exchange ? { exchange } : {}),
        },
        place: (problem) => {
          const [head, field] = problem.at
          const flag =
            head === 'exchange'
              ? '--exchange'
              : field === 'consequence'
                ? '--then'
                : field === 'within'
                  ? '--within'
                  : field === 'measurement'
                    ? '--source/--reporting'
                    : field === 'text'
                      ? '--text'
                      : field === 'id'
                        ? '--id'
                        : field === 'beliefs'
                          ? problem.at[2] === 'them'
                            ? '--chance-them'
                            : '--chance-us'
                          : '--if'
          const placed = placeOnFlags('propose-contingency', { [String(head)]: flag })(problem)
          // --then names one term: place its problems on that issue, as --give places a term's.
          return field === 'consequence' && issue !== undefined ? { ...placed, path: issue } : placed
        },
      }
    },
  })
}

export function acceptContingencyCommand(
  context: CommandContext,
  planFile: string,
  which: string | undefined,
  options: MoveOptions & { last?: boolean },
) {
  return recordMove(context, planFile, options, {
    verb: 'accept-contingency',
    build: async ({ state }, ask) => {
      const open = state.contingencies.filter((record) => !record.accepted)
      const place = placeOnFlags('accept-contingency', { target: 'ID' })
      if (which !== undefined && options.last) return usage('give an ID or --last, not both')
      if (options.last) {
        const latest = open.at(-1)
        if (!latest)
          return invalid('--last', 'no contingency is waiting for an answer', 'no_open_contingency')
        return { ok: true, raw: { type: 'contingency-accepted', target: latest.eventId }, place }
      }
      if (which === undefined) {
        if (!ask) return usage('say which contingency: its ID (or a prefix of it), or --last')
        if (open.length === 0)
          return invalid('ID', 'no contingency is waiting for an answer', 'no_open_contingency')
        const target = await ask.select(
          'Which contingency did they accept?',
          open.map((record) => ({
            value: record.eventId,
            name: `${record.contingency.metric} ${record.contingency.op} ${record.contingency.threshold} → ${record.contingency.consequence.issue} ${record.contingency.consequence.level}`,
          })),
        )
        return { ok: true, raw: { type: 'contingency-accepted', target }, place }
      }
      // A contingency's own id, or a prefix of the id of the event that proposed it.
      const own = state.contingencies.find((record) => record.contingency.id === which)
      if (own) return { ok: true, raw: { type: 'contingency-accepted', target: which }, place }
      const found = byIdPrefix(
        state.contingencies.map((record) => record.eventId),
        which,
      )
      if (!found.ok) return invalid('ID', found.message, found.code)
      return { ok: true, raw: { type: 'contingency-accepted', target: found.id }, place }
    },
  })
}

function byIdPrefix(
  ids: readonly string[],
  prefix: string,
): { ok: true; id: string } | { ok: false; code: string; message: string } {
  const wanted = prefix.toUpperCase()
  const matches = ids.filter((id) => id.toUpperCase().startsWith(wanted))
  if (matches.length === 1) return { ok: true, id: matches[0] as string }
  if (matches.length === 0)
    return { ok: false, code: 'unknown_event', message: `no event's id starts with '${prefix}'` }
  return {
    ok: false,
    code: 'ambiguous_event',
    message: `'${prefix}' starts ${matches.length} ids (${matches.slice(0, 4).join(', ')}${matches.length > 4 ? ', …' : ''}): give more of it`,
  }
}

// ---------------------------------------------------------------------------------------------
// agree

export interface AgreeOptions extends MoveOptions {
  table?: boolean
  bundle?: string[]
  /** The number of the alternative `parley status` lists before signing (1 for the first). */
  alternative?: number
  measures?: string
  fairness?: string
  changeControl?: string
  exit?: string
  reviewCadence?: string
  dataAccess?: string
  escalation?: string
}

export function agreeCommand(context: CommandContext, planFile: string, options: AgreeOptions) {
  return recordMove(context, planFile, options, {
    verb: 'agree',
    build: async ({ space, state, learned }, ask) => {
      const given = [options.table, options.bundle, options.alternative].filter((flag) => flag !== undefined)
      if (given.length > 1) return usage('give one of --table, --bundle and --alternative')
      let terms: Terms | undefined
      let from = '--bundle'
      // The alternatives `parley status` lists under "Before you sign", in its order: computed once,
      // when asked for (--alternative, or a terminal with nothing given once an agreement is recorded).
      const alternatives =
        options.alternative !== undefined || (given.length === 0 && ask && state.agreed)
          ? alternativesBeforeSigning(
              space,
              state,
              (await learned()) ?? inferPriorities(space, state.observations),
            )
          : []
      let picked = options.alternative
      if (picked === undefined && ask && alternatives.length > 0) {
        const choice = await ask.select<string>('What did they sign?', [
          ...alternatives.map((alternative, k) => ({
            value: String(k + 1),
            name: `alternative ${k + 1} listed before signing: ${formatTerms(alternative.terms)}`,
          })),
          { value: 'other', name: 'another bundle, issue by issue' },
        ])
        if (choice !== 'other') picked = Number(choice)
        else terms = await askBundle(ask, space, state.table?.terms)
      }
      if (terms !== undefined) {
        // Asked for above, issue by issue.
      } else if (picked !== undefined) {
        const n = picked
        const alternative = alternatives[n - 1]
        if (!alternative)
          return invalid(
            '--alternative',
            alternatives.length === 0
              ? 'there is no alternative to sign: `parley status` lists them under "Before you sign" once an agreement is recorded, until one of them is signed'
              : `there ${alternatives.length === 1 ? 'is 1 alternative' : `are ${alternatives.length} alternatives`} before signing: give ${alternatives.length === 1 ? '1' : `1 to ${alternatives.length}`}`,
            'no_alternative',
          )
        terms = alternative.terms
        from = '--alternative'
      } else if (options.bundle) {
        const read = termsFrom(space, '--bundle', options.bundle)
        if (!read.ok) return read.built
        terms = read.terms
      } else if (options.table || ask) {
        const table = state.table?.terms
        const useTable =
          options.table ||
          (ask !== undefined &&
            table !== undefined &&
            (await ask.confirm(`Agree the bundle on the table (${formatTerms(table)})?`, true)))
        if (useTable) {
          if (!table) return invalid('--table', 'there is no bundle on the table yet', 'no_table')
          terms = table
          from = '--table'
        } else if (ask) terms = await askBundle(ask, space, table)
        else return usage('say what was agreed: --table, --bundle ISSUE=LEVEL ... or --alternative N')
      } else
        return usage(
          'say what was agreed: --table (the bundle on the table), --bundle ISSUE=LEVEL ... or --alternative N (one listed before signing)',
        )
      let measures: unknown
      let measuresPlace: ((problem: PathProblem) => Problem) | undefined
      if (options.measures !== undefined) {
        const read = await readTextFile(options.measures, 256 * 1024)
        if (!read.ok) return { ok: false, code: EXIT.invalid, problems: read.errors }
        const file = options.measures
        const source = readSource(read.text, sourceFormatOf(file) ?? 'json', file)
        if (source.errors.length > 0) return { ok: false, code: EXIT.invalid, problems: source.errors }
        // The file holds the list, or an object with a "measures" list.
        const value = source.value as { measures?: unknown }
        measures = Array.isArray(value) ? value : value?.measures
        const inList = Array.isArray(value) ? [] : ['measures']
        measuresPlace = (problem) =>
          placeProblem({ ...problem, at: [...inList, ...problem.at.slice(1)] }, source, file)
      }
      // Contingencies they accepted are part of the deal: carried with their measurement.
      const contingencies = state.contingencies
        .filter((record) => record.accepted)
        .map((record) => record.contingency)
      // Recording again (their pick of the alternatives offered before signing, a correction) keeps
      // what the recorded agreement says beyond its terms unless a flag says it anew, as the web
      // app's form starts from the recorded agreement.
      const before = state.agreed?.event
      if (measures === undefined && before?.measures) measures = before.measures
      const governance = {
        ...before?.governance,
        ...(options.reviewCadence !== undefined ? { reviewCadence: options.reviewCadence } : {}),
        ...(options.dataAccess !== undefined ? { dataAccess: options.dataAccess } : {}),
        ...(options.escalation !== undefined ? { escalation: options.escalation } : {}),
      }
      const flags = placeOnFlags('agree', {
        terms: from,
        fairnessStory: '--fairness',
        changeControl: '--change-control',
        exit: '--exit',
        governance: '--review-cadence/--data-access/--escalation',
        contingencies: 'accepted contingencies',
      })
      return {
        ok: true,
        raw: {
          type: 'agreed',
          terms,
          ...(contingencies.length > 0 ? { contingencies } : {}),
          ...(measures !== undefined ? { measures } : {}),
          ...(options.changeControl !== undefined
            ? { changeControl: options.changeControl }
            : before?.changeControl !== undefined
              ? { changeControl: before.changeControl }
              : {}),
          ...(options.exit !== undefined
            ? { exit: options.exit }
            : before?.exit !== undefined
              ? { exit: before.exit }
              : {}),
          ...(Object.keys(governance).length > 0 ? { governance } : {}),
          ...(options.fairness !== undefined
            ? { fairnessStory: options.fairness }
            : before?.fairnessStory !== undefined
              ? { fairnessStory: before.fairnessStory }
              : {}),
        },
        place: (problem) =>
          problem.at[0] === 'measures' && measuresPlace ? measuresPlace(problem) : flags(problem),
      }
    },
  })
}

// ---------------------------------------------------------------------------------------------
// note, retract

export function noteCommand(
  context: CommandContext,
  planFile: string,
  text: string | undefined,
  options: JournalOptions,
) {
  return recordMove(context, planFile, options, {
    verb: 'note',
    build: async (_negotiation, ask) => {
      let said = text
      if (said === undefined || said.trim() === '') {
        if (!ask) return usage('say what to note: parley note PLAN "their CFO joins next call"')
        said = await ask.text('Note', { required: true })
      }
      return { ok: true, raw: { type: 'note', text: said }, place: placeOnFlags('note', { text: 'TEXT' }) }
    },
  })
}

/**
 * `parley debrief PLAN --answer ID=TEXT...`: the debrief's answers, each to one of the playbook's
 * prompts by its id (a later answer to the same prompt replaces the earlier one, as replay keeps it).
 */
export function debriefAnswerCommand(
  context: CommandContext,
  planFile: string,
  answers: readonly string[],
  options: JournalOptions,
) {
  return recordMove(context, planFile, options, {
    verb: 'debrief',
    build: async (negotiation) => {
      const ids = PLAYBOOKS[negotiation.space.plan.context].debrief.map((prompt) => prompt.id)
      const read: Record<string, string> = {}
      for (const answer of answers) {
        const equals = answer.indexOf('=')
        const id = equals < 0 ? answer : answer.slice(0, equals)
        const text = equals < 0 ? '' : answer.slice(equals + 1).trim()
        if (!ids.includes(id)) {
          const hint = closest(id, ids)
          return invalid(
            '--answer',
            `no debrief prompt '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}; the prompts are ${ids.join(', ')}`,
            'unknown_prompt',
          )
        }
        if (text === '') return usage(`--answer ${id}: give the answer after '=': --answer ${id}="..."`)
        read[id] = text
      }
      return {
        ok: true,
        raw: { type: 'debrief', answers: read },
        place: placeOnFlags('debrief', { answers: '--answer' }),
      }
    },
  })
}

export interface RetractOptions extends JournalOptions {
  last?: boolean
  reason?: string
}

/**
 * The move to retract: an id or a prefix of one, the number `journal list` shows, or `--last` (the
 * latest move not already retracted, retractions aside).
 */
export function retractCommand(
  context: CommandContext,
  planFile: string,
  which: string | undefined,
  options: RetractOptions,
) {
  return recordMove(context, planFile, options, {
    verb: 'retract',
    build: async ({ journal, state }, ask) => {
      if (which !== undefined && options.last)
        return usage('give the move (ID or number) or --last, not both')
      const retracted = new Set(state.retracted)
      const open = journal.events.filter((event) => event.type !== 'retract' && !retracted.has(event.id))
      let target: string
      if (options.last) {
        const latest = open.at(-1)
        if (!latest) return invalid('--last', 'there is no move to retract', 'nothing_to_retract')
        target = latest.id
      } else if (which !== undefined) {
        // A number without a leading zero is a position; ULIDs of this era begin with 0.
        const number = /^[1-9]\d{0,5}$/.test(which) ? Number(which) : undefined
        if (number !== undefined && number <= journal.events.length)
          target = (journal.events[number - 1] as JournalEvent).id
        else {
          const found = byIdPrefix(
            journal.events.map((event) => event.id),
            which,
          )
          if (!found.ok)
            return invalid(
              'ID',
              number !== undefined
                ? `the journal has ${journal.events.length} events: ${which} is not one of their numbers`
                : found.message,
              found.code,
            )
          target = found.id
        }
      } else {
        if (!ask)
          return usage('say which move: its ID (or a prefix), its number in `parley journal list`, or --last')
        if (open.length === 0) return invalid('ID', 'there is no move to retract', 'nothing_to_retract')
        target = await ask.select(
          'Which move do you retract?',
          open
            .slice(-12)
            .reverse()
            .map((event) => ({ value: event.id, name: `${describe(event)} (round ${event.round})` })),
        )
      }
      let reason = options.reason
      if (reason === undefined || reason.trim() === '') {
        if (!ask) return usage('say why: --reason TEXT')
        reason = await ask.text('Why retract it?', { required: true })
      }
      return {
        ok: true,
        raw: { type: 'retract', target, reason },
        place: placeOnFlags('retract', { target: 'ID', reason: '--reason' }),
      }
    },
  })
}

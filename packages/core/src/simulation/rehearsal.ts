/**
 * A rehearsal: a person plays one side of a negotiation against the simulator, move by move, and
 * learns at the end where value was left against the true frontier only the simulator knows.
 *
 * - `as: 'us'`: the person makes our moves (ask what matters most, offer the MESO set Parley
 *   computes now, offer one bundle, concede, accept their counter, walk away); a simulated
 *   `Counterpart` with hidden true preferences answers (states priorities, picks or ranks and
 *   counters, agrees, leaves).
 * - `as: 'them'` (role reversal): the person plays the counterpart, seeing its true preferences,
 *   and Parley's method (`parleyMethod` of `strategies.ts`, the strategy `parley simulate`
 *   measures) plays our side.
 *
 * Every move is written to a scratch journal as real journal events (admitted with `admitEvent`,
 * so a move the journal would refuse is refused here with its problems, and one it records with a
 * warning carries that warning); nothing here reads or writes a real journal.
 *
 * The model is pure and deterministic by seed: a `Rehearsal` is a plain value — the setup drawn
 * from the seed and the person's moves so far — and `stepRehearsal` returns a new one; what the
 * moves led to is derived by replaying them from the seed (the costly steps — posteriors, MESO
 * sets — are remembered by the journal they depend on, so a replay costs little). Two rehearsals
 * with the same plan, options and moves are equal.
 *
 * Protocol (the simulator's, `strategies.ts`): each of our offers — a MESO set, one bundle, or the
 * bundle a concession leaves on the table — opens a round; after round T (`deadline`) has been
 * answered by a counter, only accepting it or walking away remain. Their ranking of a set of
 * several bundles is recorded (`bundles-ranked`) before their counter, as `parley simulate` does.
 * In role reversal, once the talks agree, Parley offers its post-settlement alternatives beside the
 * agreement (`OurStrategy.settle`, what `parley status` lists before signing) and the person signs
 * the agreement as it is or one of them (`sign`): the one they sign is recorded as the agreement, as
 * `parley agree --bundle` would record it. (Played on our side, the simulated counterpart's choice
 * is the debrief's: `Counterpart.settle`.)
 */
import type { Frontier } from '../frontier/frontier'
import { currentEstimate } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import { admitEvent, PREVIEW_EVENT } from '../journal/admit'
import type { EventOf, EventType, JournalEvent } from '../journal/events'
import type { NegotiationState } from '../journal/replay'
import { applyTerms } from '../journal/terms'
import { mesoView } from '../meso/view'
import type { Terms } from '../model/plan'
import type { PathProblem } from '../model/problem'
import { type CoachReport, coach } from '../playbooks/coach'
import { mulberry32 } from '../random'
import { formatPoints } from '../scoring/figures'
import { offerFromLevels, readOffer } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { Counterpart } from './counterpart'
import { drawTruth, type TruthSource, truthSourceName } from './generators'
import { SimulatedJournal, termsOfLevels } from './journal'
import { theirBestPoint, trueFrontier } from './measures'
import { type PreparedPlan, preparePlan } from './prepared'
import { type SimulationSettings, simulationSettings } from './settings'
import { counterpartSeed, SIMULATE_DEFAULTS } from './simulate'
import { type OurStrategy, parleyMethod, parleyOffer, recordAnswer } from './strategies'
import { type CounterpartTruth, ourUtility, trueUtility } from './truth'

export const REHEARSAL_ROLES = ['us', 'them'] as const
/** Which side the person plays. */
export type RehearsalRole = (typeof REHEARSAL_ROLES)[number]

export interface RehearsalOptions {
  /** Where their truth comes from (default `perturbed`, as `parley simulate`). */
  generator?: TruthSource
  /** The rehearsal's seed (default `parley simulate`'s). */
  seed?: number
  /** The side the person plays (default `us`). */
  as?: RehearsalRole
  /**
   * Settings of the simulator other than its defaults; `deadline` is the number of rounds.
   * `posteriorSamples` defaults to the product's 2,000 here, so every estimate shown is what
   * `parley status` and `parley meso` would give for the scratch journal.
   */
  settings?: Partial<SimulationSettings>
}

/** What stays fixed for the whole rehearsal: drawn from the plan, the options and the seed. */
export interface RehearsalSetup {
  space: Space
  role: RehearsalRole
  seed: number
  generator: string
  prepared: PreparedPlan
  /** Their hidden true preferences and BATNA. */
  truth: CounterpartTruth
  /** The frontier under their true preferences of the deals we could have made (bundles meeting the decision rule and keeping our limits): what `parley simulate` measures against. */
  frontier: Frontier
  /** Their best bundle meeting the rule, and its true utility. */
  best: { levels: Int32Array; utility: number }
}

/** A move of the person playing our side. Terms are issue id → level, as in journal events. */
export type OurMove =
  | { kind: 'ask' }
  | { kind: 'meso'; target?: number }
  | { kind: 'offer'; terms: Terms }
  | { kind: 'concede'; give: Terms; get: Terms }
  | { kind: 'accept' }
  | { kind: 'walk' }

/** A move of the person playing their side (role reversal). */
export type TheirMove =
  | { kind: 'priorities'; ranking: string[] }
  | { kind: 'accept'; label?: string }
  | { kind: 'counter'; terms: Terms; order?: string[] }
  | { kind: 'walk' }
  /** Before signing: the agreement as it is, or the alternative at this place (1 for the first). */
  | { kind: 'sign'; alternative?: number }

export type RehearsalMove = OurMove | TheirMove

/** A bundle as the rehearsal shows it. */
export interface RehearsalBundle {
  label?: string
  terms: Terms
  levels: Int32Array
}

/** What the other side did in answer to a move. */
export type RehearsalReply =
  /** They said what matters most to them (issue ids, most important first). */
  | { kind: 'stated'; ranking: string[] }
  /** Parley offered a set (role reversal). */
  | { kind: 'offered'; bundles: RehearsalBundle[] }
  /** The other side agreed: to our bundle (`label` when we offered several), or Parley to your counter. */
  | { kind: 'agreed'; bundle: RehearsalBundle }
  /** Role reversal: the talks agreed, and Parley offers alternatives beside the agreement before signing. */
  | { kind: 'before-signing'; agreed: RehearsalBundle; alternatives: RehearsalBundle[] }
  /** They countered, after ranking our set when it had several bundles. */
  | { kind: 'countered'; order: string[]; counter: RehearsalBundle }
  /** They left: no bundle meeting the rule beats their alternative. */
  | { kind: 'left' }
  /** Nothing to answer: the rehearsal ended with the move (we accepted or walked), or Parley had nothing to offer. */
  | { kind: 'ended' }

/** How it ended. */
export type RehearsalEnd =
  /**
   * `bundle`: what the talks agreed. Role reversal: `beforeSigning`, the alternatives Parley offered
   * beside it and the one the person signed instead (`signed`, absent when they kept the agreement).
   */
  | {
      kind: 'agreed'
      bundle: RehearsalBundle
      round: number
      beforeSigning?: { alternatives: readonly RehearsalBundle[]; signed?: RehearsalBundle }
    }
  | { kind: 'walked'; round: number }
  | { kind: 'they-left'; round: number }
  | { kind: 'deadline'; round: number }
  | { kind: 'no-offer'; round: number }

/** One exchange: the person's move, the events it wrote, and the other side's reply. */
export interface RehearsalExchange {
  move: RehearsalMove
  reply: RehearsalReply
  /** Where the recorded move falls short for us (the journal's warnings): recorded all the same. */
  warnings: PathProblem[]
}

/** A rehearsal: the setup and the moves so far, and what they led to. Plain data. */
export interface Rehearsal {
  setup: RehearsalSetup
  moves: readonly RehearsalMove[]
  /** The scratch journal: every move of both sides as journal events. */
  events: readonly JournalEvent[]
  state: NegotiationState
  /** What Parley has learned of them from the scratch journal (what `parley status` would infer from it). */
  posterior: Posterior
  /** Rounds opened so far (our offers), and the deadline. */
  round: number
  deadline: number
  exchanges: readonly RehearsalExchange[]
  /** Role reversal: the bundles Parley has on offer, waiting for your answer. */
  onOffer: readonly RehearsalBundle[]
  /** Role reversal: Parley asked what matters most to you and waits for the answer. */
  askedPriorities: boolean
  /** Role reversal, before signing: the agreement and the alternatives Parley offers beside it. */
  signing?: { agreed: RehearsalBundle; alternatives: readonly RehearsalBundle[] }
  end?: RehearsalEnd
}

/** A move refused: what is wrong, in words, and the journal's problems when it refused the event. */
export interface RehearsalRefusal {
  code:
    | 'rehearsal-over'
    | 'wrong-side'
    | 'deadline-passed'
    | 'nothing-to-accept'
    | 'nothing-on-the-table'
    | 'no-meso-set'
    | 'incomplete-bundle'
    | 'unknown-label'
    | 'priorities-first'
    | 'unknown-issue'
    | 'journal-refused'
    | 'sign-first'
  message: string
  problems: PathProblem[]
}

export type RehearsalStep =
  | { ok: true; rehearsal: Rehearsal; reply: RehearsalReply; warnings: PathProblem[] }
  | { ok: false; refusal: RehearsalRefusal }

const LABELS = ['A', 'B', 'C', 'D', 'E']

/** The fixed part of a rehearsal. The seed's streams: 0 their truth, 1 their moves (as `parley simulate`'s counterpart 0). */
export function rehearsalSetup(space: Space, options: RehearsalOptions = {}): RehearsalSetup {
  const seed = options.seed ?? SIMULATE_DEFAULTS.seed
  const generator = options.generator ?? SIMULATE_DEFAULTS.generator
  const settings = simulationSettings({ posteriorSamples: 2000, ...options.settings })
  const prepared = preparePlan(space, settings)
  const truth = drawTruth(space, generator, settings, mulberry32(counterpartSeed(seed, 0, 0)))
  const ruleFrontier = trueFrontier(space, truth, prepared.requirements.rule)
  const best = theirBestPoint(ruleFrontier) ?? {
    levels: new Int32Array(space.issues.length),
    utility: Number.NEGATIVE_INFINITY,
  }
  return {
    space,
    role: options.as ?? 'us',
    seed,
    generator: truthSourceName(generator),
    prepared,
    truth,
    frontier:
      prepared.requirements.limits.length === 0
        ? ruleFrontier
        : trueFrontier(space, truth, prepared.constraints),
    best,
  }
}

/** A rehearsal before any move. */
export function startRehearsal(space: Space, options: RehearsalOptions = {}): Rehearsal {
  return new Play(rehearsalSetup(space, options)).snapshot([])
}

/** The rehearsal after one more move, or why the move is refused (the rehearsal is then unchanged). */
export function stepRehearsal(rehearsal: Rehearsal, move: RehearsalMove): RehearsalStep {
  const play = new Play(rehearsal.setup)
  for (const earlier of rehearsal.moves) {
    const done = play.apply(earlier)
    if (!done.ok) throw new Error(`a recorded rehearsal move no longer applies: ${done.refusal.message}`)
  }
  const step = play.apply(move)
  if (!step.ok) return step
  return {
    ok: true,
    rehearsal: play.snapshot([...rehearsal.moves, move]),
    reply: step.reply,
    warnings: step.warnings,
  }
}

/** The state of the simulated counterpart's mind that role reversal replaces: its discovery answer is the person's. */
class StatedCounterpart extends Counterpart {
  constructor(
    setup: ConstructorParameters<typeof Counterpart>[0],
    private readonly stated: number[],
  ) {
    super(setup)
  }

  override discovery(): number[] {
    return this.stated
  }
}

type Applied =
  | { ok: true; reply: RehearsalReply; warnings: PathProblem[] }
  | { ok: false; refusal: RehearsalRefusal }

function refuse(code: RehearsalRefusal['code'], message: string, problems: PathProblem[] = []): Applied {
  return { ok: false, refusal: { code, message, problems } }
}

type Payload<T extends EventType> = Omit<EventOf<T>, 'id' | 'at' | 'side' | 'round' | 'planVersion' | 'type'>

/** The live objects of a rehearsal while its moves are replayed. */
class Play {
  readonly journal: SimulatedJournal
  readonly counterpart: Counterpart
  readonly exchanges: RehearsalExchange[] = []
  round = 0
  onOffer: RehearsalBundle[] = []
  askedPriorities: boolean
  signing: { agreed: RehearsalBundle; alternatives: RehearsalBundle[] } | undefined
  end: RehearsalEnd | undefined
  private strategy: OurStrategy | undefined

  constructor(readonly setup: RehearsalSetup) {
    this.journal = new SimulatedJournal(setup.prepared)
    this.counterpart = new Counterpart(this.counterpartSetup())
    this.askedPriorities = setup.role === 'them'
  }

  private counterpartSetup(): ConstructorParameters<typeof Counterpart>[0] {
    const { space, truth, prepared, best, seed } = this.setup
    return {
      space,
      truth,
      rule: prepared.requirements.rule,
      best,
      settings: prepared.settings,
      random: mulberry32(counterpartSeed(seed, 0, 1)),
    }
  }

  get deadline(): number {
    return this.setup.prepared.settings.deadline
  }

  snapshot(moves: readonly RehearsalMove[]): Rehearsal {
    return {
      setup: this.setup,
      moves,
      events: [...this.journal.events],
      state: this.journal.state,
      posterior: this.journal.posterior(),
      round: this.round,
      deadline: this.deadline,
      exchanges: [...this.exchanges],
      onOffer: [...this.onOffer],
      askedPriorities: this.askedPriorities,
      ...(this.signing
        ? { signing: { agreed: this.signing.agreed, alternatives: [...this.signing.alternatives] } }
        : {}),
      ...(this.end ? { end: this.end } : {}),
    }
  }

  apply(move: RehearsalMove): Applied {
    if (this.end) return refuse('rehearsal-over', 'the rehearsal is over: see the debrief')
    const applied = this.setup.role === 'us' ? this.ours(move) : this.theirs(move)
    if (applied.ok) this.exchanges.push({ move, reply: applied.reply, warnings: applied.warnings })
    return applied
  }

  /**
   * Adds an event to the scratch journal when the journal admits it; its warnings, or the problems
   * that refuse it. Our simulated moves always fit, so only the person's moves can be refused.
   */
  private admit<T extends Exclude<EventType, 'retract'>>(
    type: T,
    payload: Payload<T>,
  ): { ok: true; warnings: PathProblem[] } | { ok: false; problems: PathProblem[] } {
    const admission = admitEvent(
      this.setup.space,
      { events: this.journal.events, state: this.journal.state },
      { type, ...payload },
      PREVIEW_EVENT,
    )
    if (!admission.ok) return { ok: false, problems: admission.problems }
    this.journal.add(type, payload)
    return { ok: true, warnings: admission.warnings }
  }

  private bundle(levels: Int32Array, label?: string): RehearsalBundle {
    return { ...(label ? { label } : {}), terms: termsOfLevels(this.setup.space, levels), levels }
  }

  // Our side played by the person.

  private ours(move: RehearsalMove): Applied {
    const { space } = this.setup
    switch (move.kind) {
      case 'ask': {
        const ranking = this.counterpart.discovery().map((i) => space.issues[i]?.id as string)
        this.journal.add('interest-stated', { text: 'What matters most to you?', ranking })
        return { ok: true, reply: { kind: 'stated', ranking }, warnings: [] }
      }
      case 'meso': {
        const late = this.pastDeadline()
        if (late) return late
        const bundles = parleyOffer(this.setup.prepared, this.journal, move.target)
        if (bundles.length === 0) return refuse('no-meso-set', this.noMesoSet(move.target))
        return this.offer(bundles)
      }
      case 'offer': {
        const late = this.pastDeadline()
        if (late) return late
        const read = this.fullBundle(move.terms)
        if (!read.ok) return read
        return this.offer([read.levels])
      }
      case 'concede': {
        const late = this.pastDeadline()
        if (late) return late
        if (!this.journal.state.table)
          return refuse(
            'nothing-on-the-table',
            'there is no bundle on the table to concede from yet: offer first',
          )
        const recorded = this.admit('concession', { give: move.give, get: move.get })
        if (!recorded.ok)
          return refuse('journal-refused', 'the journal refuses this concession', recorded.problems)
        const table = this.journal.state.table?.offer
        if (!table) throw new Error('a concession left no bundle on the table')
        this.round++
        const levels = Int32Array.from(table.levelIndex)
        return this.theyAnswer([levels], recorded.warnings, false)
      }
      case 'accept': {
        const counter = this.journal.state.counter
        if (!counter) return refuse('nothing-to-accept', 'there is no counter of theirs to accept')
        const recorded = this.admit('agreed', { terms: counter.terms })
        if (!recorded.ok)
          return refuse('journal-refused', 'the journal refuses this agreement', recorded.problems)
        this.end = {
          kind: 'agreed',
          bundle: this.bundle(Int32Array.from(counter.offer.levelIndex)),
          round: this.round,
        }
        return { ok: true, reply: { kind: 'ended' }, warnings: recorded.warnings }
      }
      case 'walk':
        this.journal.add('note', { text: 'We walked away (rehearsal).' })
        this.end = { kind: 'walked', round: this.round }
        return { ok: true, reply: { kind: 'ended' }, warnings: [] }
      default:
        return refuse('wrong-side', `'${move.kind}' is a move of their side; you are playing ours`)
    }
  }

  /** Why `parley meso` finds no set now, in its own words. */
  private noMesoSet(target: number | undefined): string {
    const { space, prepared } = this.setup
    if (target !== undefined) return `Parley finds no bundle worth ${formatPoints(target)} to us that fits`
    const learned = this.journal.events.length > 0 ? this.journal.posterior() : undefined
    const result = mesoView(
      space,
      { count: prepared.settings.mesoCount, tolerance: prepared.settings.mesoTolerance },
      learned,
      this.journal.state,
    )
    const reason = result.ok ? 'no set of bundles fits' : result.failure.message
    return `Parley finds no MESO set now: ${reason} (here: meso TARGET, or offer one bundle)`
  }

  private pastDeadline(): Applied | undefined {
    if (this.round < this.deadline) return undefined
    return refuse(
      'deadline-passed',
      `the deadline (${this.deadline} rounds) has passed: accept their counter or walk away`,
    )
  }

  /** A complete bundle from terms: the named issues moved from the bundle on the table, or every issue named. */
  private fullBundle(
    terms: Terms,
  ): { ok: true; levels: Int32Array } | { ok: false; refusal: RehearsalRefusal } {
    const { space } = this.setup
    const table = this.journal.state.table?.offer
    if (table) {
      const moved = applyTerms(space, table, terms, ['terms'])
      if (!moved.ok)
        return {
          ok: false,
          refusal: {
            code: 'journal-refused',
            message: 'these terms do not fit the plan',
            problems: moved.errors,
          },
        }
      return { ok: true, levels: Int32Array.from(moved.offer.levelIndex) }
    }
    // The named issues first (an unknown one is the likelier mistake), then the ones left out.
    const named = applyTerms(space, offerFromLevels(space, new Int32Array(space.issues.length)), terms, [
      'terms',
    ])
    if (!named.ok)
      return {
        ok: false,
        refusal: {
          code: 'journal-refused',
          message: 'these terms do not fit the plan',
          problems: named.errors,
        },
      }
    const missing = space.issues.filter((issue) => !(issue.id in terms)).map((issue) => issue.id)
    if (missing.length > 0)
      return {
        ok: false,
        refusal: {
          code: 'incomplete-bundle',
          message: `nothing is on the table yet, so a bundle names every issue; missing: ${missing.join(', ')}`,
          problems: [],
        },
      }
    const read = readOffer(space, terms, ['terms'])
    if (!read.ok)
      return {
        ok: false,
        refusal: {
          code: 'journal-refused',
          message: 'these terms do not fit the plan',
          problems: read.errors,
        },
      }
    return { ok: true, levels: Int32Array.from(read.offer.levelIndex) }
  }

  /** Our offer of one or more bundles opens a round; they answer it. */
  private offer(bundles: Int32Array[]): Applied {
    const { space } = this.setup
    const recorded = this.admit('offer-sent', {
      bundles: bundles.map((levels, k) => ({
        label: LABELS[k] as string,
        terms: termsOfLevels(space, levels),
      })),
    })
    if (!recorded.ok) return refuse('journal-refused', 'the journal refuses this offer', recorded.problems)
    this.round++
    return this.theyAnswer(bundles, recorded.warnings, true)
  }

  /** The counterpart's answer to what we put forward this round. */
  private theyAnswer(bundles: Int32Array[], warnings: PathProblem[], offered: boolean): Applied {
    const answer = this.counterpart.answer(this.round, bundles)
    const labels = bundles.map((_, k) => LABELS[k] as string)
    if (answer.kind === 'leave') {
      this.journal.add('offer-rejected', {
        reason: 'They walked away: nothing we can agree beats their alternative.',
      })
      this.end = { kind: 'they-left', round: this.round }
      return { ok: true, reply: { kind: 'left' }, warnings }
    }
    if (answer.kind === 'agree') {
      const levels = bundles[answer.index] as Int32Array
      if (offered && bundles.length > 1)
        this.journal.add('bundle-chosen', { label: labels[answer.index] as string })
      this.journal.add('agreed', { terms: termsOfLevels(this.setup.space, levels) })
      const bundle = this.bundle(levels, bundles.length > 1 ? labels[answer.index] : undefined)
      this.end = { kind: 'agreed', bundle, round: this.round }
      return { ok: true, reply: { kind: 'agreed', bundle }, warnings }
    }
    if (offered) recordAnswer(this.journal, bundles.length > 1 ? labels : [], answer.order, 'rank')
    this.journal.add('offer-rejected', {
      counter: { terms: termsOfLevels(this.setup.space, answer.counter) },
    })
    return {
      ok: true,
      reply: {
        kind: 'countered',
        order: bundles.length > 1 ? answer.order.map((k) => labels[k] as string) : [],
        counter: this.bundle(answer.counter),
      },
      warnings,
    }
  }

  // Their side played by the person; Parley's method plays ours.

  private theirs(move: RehearsalMove): Applied {
    const { space } = this.setup
    if (this.signing) return this.sign(move, this.signing)
    if (move.kind === 'sign') return refuse('wrong-side', 'nothing is agreed yet: there is nothing to sign')
    if (move.kind === 'priorities') {
      if (!this.askedPriorities)
        return refuse('wrong-side', 'Parley did not ask what matters most to you; answer its offer')
      const ranking: number[] = []
      for (const id of move.ranking) {
        const issue = space.byId.get(id)
        if (!issue)
          return refuse(
            'unknown-issue',
            `unknown issue '${id}' (issues: ${space.issues.map((item) => item.id).join(', ')})`,
          )
        if (!ranking.includes(issue.index)) ranking.push(issue.index)
      }
      this.askedPriorities = false
      // Parley's method asks first and records an answer of two issues or more, as `parleyMethod` does.
      this.strategy = parleyMethod(
        this.setup.prepared,
        new StatedCounterpart(this.counterpartSetup(), ranking),
        'rank',
      )
      if (ranking.length >= 2)
        this.journal.add('interest-stated', {
          text: 'what matters most to you?',
          ranking: ranking.map((i) => space.issues[i]?.id as string),
        })
      return this.parleyOffers([])
    }
    if (this.askedPriorities || !this.strategy)
      return refuse(
        'priorities-first',
        'Parley asked what matters most to you: answer with your priorities first',
      )
    const labels = this.onOffer.map((bundle, k) => bundle.label ?? (LABELS[k] as string))
    switch (move.kind) {
      case 'accept': {
        // Our accept has no label; theirs may name a bundle.
        const label = 'label' in move ? move.label : undefined
        const index = label === undefined ? (this.onOffer.length === 1 ? 0 : -1) : labels.indexOf(label)
        if (index < 0)
          return refuse(
            'unknown-label',
            label === undefined
              ? `Parley offered ${labels.length} bundles: say which you accept (${labels.join(', ')})`
              : `no bundle ${label} on offer (${labels.join(', ')})`,
          )
        const bundle = this.onOffer[index] as RehearsalBundle
        if (this.onOffer.length > 1) this.journal.add('bundle-chosen', { label: labels[index] as string })
        this.journal.add('agreed', { terms: bundle.terms })
        return this.beforeSigning(bundle, { kind: 'ended' })
      }
      case 'counter': {
        const order = this.rankingOf(move.order, labels)
        if (!order.ok) return order
        const base = this.onOffer[order.order[0] ?? 0] as RehearsalBundle
        const read = applyTerms(space, readOfferOrThrow(space, base.terms), move.terms, ['terms'])
        if (!read.ok) return refuse('journal-refused', 'these terms do not fit the plan', read.errors)
        const counter = Int32Array.from(read.offer.levelIndex)
        recordAnswer(this.journal, this.onOffer.length > 1 ? labels : [], order.order, 'rank')
        this.journal.add('offer-rejected', { counter: { terms: termsOfLevels(space, counter) } })
        if (this.strategy.answer(this.round, order.order, counter)) {
          const bundle = this.bundle(counter)
          this.journal.add('agreed', { terms: bundle.terms })
          return this.beforeSigning(bundle, { kind: 'agreed', bundle })
        }
        if (this.round >= this.deadline) {
          this.end = { kind: 'deadline', round: this.round }
          return { ok: true, reply: { kind: 'ended' }, warnings: [] }
        }
        return this.parleyOffers([])
      }
      case 'walk':
        this.journal.add('offer-rejected', { reason: 'They walked away (rehearsal).' })
        this.end = { kind: 'walked', round: this.round }
        return { ok: true, reply: { kind: 'ended' }, warnings: [] }
      default:
        return refuse('wrong-side', `'${move.kind}' is a move of our side; you are playing theirs`)
    }
  }

  /**
   * The talks agreed on `bundle`: Parley offers its post-settlement alternatives beside it, and the
   * person signs one or the agreement; with none to offer, the rehearsal ends with `reply`.
   */
  private beforeSigning(bundle: RehearsalBundle, reply: RehearsalReply): Applied {
    const alternatives = (this.strategy?.settle?.(bundle.levels) ?? []).map((levels) => this.bundle(levels))
    this.onOffer = []
    if (alternatives.length === 0) {
      this.end = { kind: 'agreed', bundle, round: this.round }
      return { ok: true, reply, warnings: [] }
    }
    this.signing = { agreed: bundle, alternatives }
    return { ok: true, reply: { kind: 'before-signing', agreed: bundle, alternatives }, warnings: [] }
  }

  /** Before signing, only signing remains: the agreement as it is, or one of the alternatives (recorded as the agreement). */
  private sign(
    move: RehearsalMove,
    signing: { agreed: RehearsalBundle; alternatives: RehearsalBundle[] },
  ): Applied {
    const count = signing.alternatives.length
    const choices =
      count === 1
        ? 'sign the agreement as it is, or the alternative (1)'
        : `sign the agreement as it is, or one of the alternatives (1 to ${count})`
    if (move.kind !== 'sign')
      return refuse(
        'sign-first',
        `the terms are agreed and Parley offers alternatives before signing: ${choices}`,
      )
    const k = move.alternative
    if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= count))
      return refuse('unknown-label', `no alternative ${k}: ${choices}`)
    const signed = k === undefined ? undefined : (signing.alternatives[k - 1] as RehearsalBundle)
    // The latest agreement counts, as `parley agree --bundle` records the one they sign.
    if (signed) this.journal.add('agreed', { terms: signed.terms })
    this.signing = undefined
    this.end = {
      kind: 'agreed',
      bundle: signing.agreed,
      round: this.round,
      beforeSigning: { alternatives: signing.alternatives, ...(signed ? { signed } : {}) },
    }
    return { ok: true, reply: { kind: 'ended' }, warnings: [] }
  }

  /** Their ranking of what is on offer: the person's labels (every bundle once), else by their true utility. */
  private rankingOf(
    given: readonly string[] | undefined,
    labels: readonly string[],
  ): { ok: true; order: number[] } | { ok: false; refusal: RehearsalRefusal } {
    if (given === undefined || given.length === 0) {
      const values = this.onOffer.map((bundle) => trueUtility(this.setup.truth, bundle.levels))
      return {
        ok: true,
        order: values.map((_, k) => k).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b),
      }
    }
    const order = given.map((label) => labels.indexOf(label))
    const whole =
      order.length === labels.length && new Set(order).size === order.length && order.every((k) => k >= 0)
    if (!whole)
      return {
        ok: false,
        refusal: {
          code: 'unknown-label',
          message: `rank every bundle on offer once (${labels.join(', ')}), best first`,
          problems: [],
        },
      }
    return { ok: true, order }
  }

  /** Parley's method opens the next round. */
  private parleyOffers(warnings: PathProblem[]): Applied {
    if (!this.strategy) throw new Error('Parley plays before it has a strategy')
    this.round++
    const bundles = this.strategy.offer(this.round)
    if (bundles.length === 0) {
      this.end = { kind: 'no-offer', round: this.round }
      this.onOffer = []
      return { ok: true, reply: { kind: 'ended' }, warnings }
    }
    const labels = bundles.length > 1 ? bundles.map((_, k) => LABELS[k] as string) : []
    // `parleyMethod` labels its bundles A, B, C whatever their number; a single one keeps the label too.
    const named = bundles.map((levels, k) => this.bundle(levels, labels[k] ?? 'A'))
    this.journal.add('offer-sent', {
      bundles: named.map((bundle) => ({ label: bundle.label as string, terms: bundle.terms })),
    })
    this.onOffer = named
    return { ok: true, reply: { kind: 'offered', bundles: named }, warnings }
  }
}

function readOfferOrThrow(space: Space, terms: Terms) {
  const read = readOffer(space, terms)
  if (!read.ok) throw new Error('a bundle the rehearsal made does not read back')
  return read.offer
}

/** A bundle's figures as the person may see them during a rehearsal, in points. */
export interface RehearsalFigures {
  us: number
  /** U_them under the current estimate of the scratch journal (what `parley status` would show), and which it is. */
  estimate: { them: number; label: string }
  /** Their true U_them: only in role reversal (the person plays them, and knows) or once the rehearsal ended. */
  them?: number
}

export function rehearsalFigures(rehearsal: Rehearsal, levels: ArrayLike<number>): RehearsalFigures {
  const { space, truth, role } = rehearsal.setup
  const estimate = currentEstimate(space, rehearsal.state, rehearsal.posterior)
  return {
    us: ourUtility(space, levels),
    estimate: { them: estimate.themOfLevels(levels), label: estimate.label },
    ...(role === 'them' || rehearsal.end ? { them: trueUtility(truth, levels) } : {}),
  }
}

/**
 * The coach's words for the rehearsal's current stage: `parley coach` on the scratch journal, with
 * the posterior the rehearsal already holds. In role reversal it is what the coach tells our side.
 */
export function rehearsalCoach(rehearsal: Rehearsal): CoachReport {
  return coach(
    rehearsal.setup.space,
    rehearsal.events,
    {},
    { state: rehearsal.state, posterior: rehearsal.posterior },
  )
}

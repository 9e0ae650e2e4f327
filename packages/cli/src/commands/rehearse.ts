/**
 * `parley rehearse PLAN`: a rehearsal at the terminal (core's `startRehearsal`/`stepRehearsal`).
 * One command a line, typed at a prompt on a terminal or piped (`parley rehearse plan.yaml <
 * moves.txt`), so a rehearsal can be scripted and tested. Every move goes to a scratch journal
 * kept in memory, written to `--journal FILE` at the end when asked (never over an existing file,
 * never to the plan's own journal); the plan's journal is not read or written. At the end (an
 * agreement, a walk-away, the deadline, `quit` or the end of the input) the rehearsal's debrief.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import {
  count,
  formatDecimal,
  formatLevel,
  formatPoints,
  formatShare,
  listAnd,
  nothingLeftInWords,
  OUTCOME_TEXT,
  type PathProblem,
  type Problem,
  type Rehearsal,
  type RehearsalBundle,
  type RehearsalMove,
  type RehearsalOptions,
  type RehearsalReply,
  type RehearsalRole,
  rehearsalCoach,
  rehearsalDebrief,
  rehearsalFigures,
  type SimulationSettings,
  startRehearsal,
  stepRehearsal,
  type Terms,
  tableSourceWords,
} from '@parley/core'
import { writeFilesAtomically } from '../atomic-write'
import { type CommandContext, invalidInput, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { journalPathFor } from '../journal-file'
import type { Output } from '../output'
import { loadPlan } from '../plan-file'
import { formatTerms, readTermWords, splitWords } from '../terms'
import { readGenerator } from './simulate'

export interface RehearseOptions {
  generator?: string
  seed?: number
  as?: RehearsalRole
  rounds?: number
  journal?: string
  set?: Partial<SimulationSettings>
}

/** What a typed line asks for: a move, something to show, or the end. */
type Command =
  | { kind: 'move'; move: RehearsalMove }
  | { kind: 'show'; what: 'coach' | 'status' | 'help' }
  | { kind: 'quit' }
  | { kind: 'bad'; message: string }

export async function rehearseCommand(
  context: CommandContext,
  file: string,
  options: RehearseOptions,
): Promise<number> {
  const { out } = context
  const loaded = await loadPlan(file)
  if (!loaded.ok) return planRefused(context, false, loaded.errors)
  const generator = await readGenerator(loaded.space, options.generator ?? 'perturbed')
  if (!generator.ok) return invalidInput(context, false, generator.errors)
  if (options.journal !== undefined) {
    const refused = scratchRefusal(context, file, options.journal)
    if (refused) return invalidInput(context, false, [refused])
  }
  const settings: Partial<SimulationSettings> = {
    ...options.set,
    ...(options.rounds !== undefined ? { deadline: options.rounds } : {}),
  }
  const rehearsalOptions: RehearsalOptions = {
    generator: generator.source,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.as ? { as: options.as } : {}),
    settings,
  }
  let rehearsal = startRehearsal(loaded.space, rehearsalOptions)
  const input = out.streams.stdin
  const interactive = input?.isTTY === true && out.isTTY
  printOpening(out, file, rehearsal)

  let refusedLines = 0
  let interrupted = false
  if (input) {
    const lines = createInterface({
      input,
      ...(interactive ? { output: out.streams.stdout, prompt: 'rehearse> ' } : {}),
      terminal: interactive,
    })
    // Ctrl-C at the prompt stops the rehearsal as quit does, with the debrief, and says so in the exit code.
    lines.on('SIGINT', () => {
      interrupted = true
      lines.close()
    })
    if (interactive) lines.prompt()
    for await (const line of lines) {
      if (!interactive && line.trim() !== '') out.print(out.colour.dim(`> ${line.trim()}`))
      const command = readCommand(rehearsal, line)
      if (command === undefined) {
        // An empty line: nothing to do.
      } else if (command.kind === 'quit') break
      else if (command.kind === 'bad') {
        refusedLines++
        out.error(`${out.errColour.red('error')} ${command.message} (type help for the commands)`)
      } else if (command.kind === 'show') show(out, rehearsal, command.what)
      else {
        const step = stepRehearsal(rehearsal, command.move)
        if (!step.ok) {
          refusedLines++
          out.error(`${out.errColour.red('error')} ${step.refusal.message}`)
          for (const problem of step.refusal.problems) out.error(`  ${problemLine(problem)}`)
        } else {
          rehearsal = step.rehearsal
          for (const warning of step.warnings)
            out.error(`${out.errColour.yellow('warning')} ${problemLine(warning)} (recorded all the same)`)
          printReply(out, rehearsal, step.reply)
          if (rehearsal.end) break
        }
      }
      if (interactive) lines.prompt()
    }
    lines.close()
  }
  printDebrief(out, rehearsal)
  if (options.journal !== undefined) {
    await writeFilesAtomically(
      [
        {
          path: options.journal,
          text: rehearsal.events.map((event) => `${JSON.stringify(event)}\n`).join(''),
        },
      ],
      { overwrite: false },
    )
    out.print(
      out.colour.dim(`Scratch journal written to ${options.journal} (${rehearsal.events.length} events).`),
    )
  }
  if (interrupted) return EXIT.interrupted
  // A script whose lines were refused should know; a person at the terminal saw each message.
  return refusedLines > 0 && !interactive ? EXIT.invalid : EXIT.ok
}

/** The scratch journal is never the plan's own journal, nor any file that exists. */
function scratchRefusal(context: CommandContext, plan: string, journal: string): Problem | undefined {
  const target = resolve(context.cwd, journal)
  const message =
    target === resolve(context.cwd, journalPathFor(plan))
      ? `--journal ${journal} is the plan's own journal: a rehearsal never writes there; name a scratch file`
      : existsSync(target)
        ? `--journal ${journal} already exists: a scratch journal is written to a new file`
        : undefined
  return message ? { code: 'real_journal', severity: 'error', message, path: '' } : undefined
}

function problemLine(problem: PathProblem): string {
  const path = problem.at.join('.')
  return path ? `${path}: ${problem.message}` : problem.message
}

const OUR_HELP = `Moves (one a line; TERMS are ISSUE=LEVEL words, for example price=120000 support=premium):
  ask                            ask what matters most to them
  meso [TARGET]                  offer the MESO set Parley computes now (parley meso), or at TARGET points for us
  offer TERMS                    offer one bundle: the named issues moved from the bundle on the table
                                 (every issue while nothing is on the table)
  concede --give TERMS [--get TERMS]   move the bundle on the table; --get is what you ask in return
  accept                         accept their counter
  walk                           walk away
Also: coach (the coach's words for this stage), status, help, quit.`

const THEIR_HELP = `You play them (role reversal); Parley's method plays our side. Moves, one a line:
  priorities ISSUE ISSUE ...     answer "what matters most to you?" (most important first; skip: say nothing)
  skip                           answer nothing
  accept [LABEL]                 accept a bundle Parley offers (its label when it offers several)
  counter [--rank B,A,C] TERMS   rank what Parley offers (best first; default: by your true utility) and
                                 counter with your favourite moved by TERMS (ISSUE=LEVEL words)
  walk                           walk away
  sign [N]                       once agreed, before signing: sign the agreement as it is, or alternative N
                                 of those Parley offers beside it
Also: coach (what the coach tells Parley's side), status, help, quit.`

/** A typed line read as a command; undefined for an empty line. */
function readCommand(rehearsal: Rehearsal, line: string): Command | undefined {
  const words = splitWords(line.trim())
  if (words === undefined) return { kind: 'bad', message: 'a quote is left open' }
  const [verb, ...rest] = words
  if (verb === undefined) return undefined
  const { space, role } = rehearsal.setup
  const terms = (list: readonly string[]): { ok: true; terms: Terms } | { ok: false; command: Command } => {
    const read = readTermWords(space, list)
    return read.ok ? read : { ok: false, command: { kind: 'bad', message: read.message } }
  }
  switch (verb) {
    case 'help':
    case 'coach':
    case 'status':
      return { kind: 'show', what: verb }
    case 'quit':
    case 'exit':
      return { kind: 'quit' }
    case 'walk':
      return { kind: 'move', move: { kind: 'walk' } }
  }
  if (role === 'us') {
    switch (verb) {
      case 'ask':
        return { kind: 'move', move: { kind: 'ask' } }
      case 'accept':
        return { kind: 'move', move: { kind: 'accept' } }
      case 'meso': {
        if (rest.length === 0) return { kind: 'move', move: { kind: 'meso' } }
        const target = Number(rest[0])
        if (rest.length > 1 || !Number.isFinite(target) || target < 0 || target > 100)
          return {
            kind: 'bad',
            message: `meso takes one target in points (0 to 100), not '${rest.join(' ')}'`,
          }
        return { kind: 'move', move: { kind: 'meso', target } }
      }
      case 'offer': {
        if (rest.length === 0) return { kind: 'bad', message: 'offer what? offer ISSUE=LEVEL ...' }
        const read = terms(rest)
        return read.ok ? { kind: 'move', move: { kind: 'offer', terms: read.terms } } : read.command
      }
      case 'concede': {
        const give: string[] = []
        const get: string[] = []
        let into: string[] | undefined
        for (const word of rest) {
          if (word === '--give') into = give
          else if (word === '--get') into = get
          else if (into) into.push(word)
          else return { kind: 'bad', message: 'concede --give ISSUE=LEVEL ... [--get ISSUE=LEVEL ...]' }
        }
        if (give.length === 0) return { kind: 'bad', message: 'concede needs --give ISSUE=LEVEL ...' }
        const given = terms(give)
        if (!given.ok) return given.command
        const gotten = terms(get)
        if (!gotten.ok) return gotten.command
        return { kind: 'move', move: { kind: 'concede', give: given.terms, get: gotten.terms } }
      }
    }
  } else {
    switch (verb) {
      case 'priorities':
        return { kind: 'move', move: { kind: 'priorities', ranking: rest } }
      case 'skip':
        return { kind: 'move', move: { kind: 'priorities', ranking: [] } }
      case 'accept':
        if (rest.length > 1) return { kind: 'bad', message: 'accept takes one label at most' }
        return { kind: 'move', move: { kind: 'accept', ...(rest[0] ? { label: rest[0] } : {}) } }
      case 'sign': {
        if (rest.length === 0) return { kind: 'move', move: { kind: 'sign' } }
        const alternative = Number(rest[0])
        if (rest.length > 1 || !Number.isInteger(alternative) || alternative < 1)
          return {
            kind: 'bad',
            message: `sign takes the number of an alternative (1, 2, ...) or nothing, not '${rest.join(' ')}'`,
          }
        return { kind: 'move', move: { kind: 'sign', alternative } }
      }
      case 'counter': {
        let order: string[] | undefined
        const words: string[] = []
        for (let k = 0; k < rest.length; k++) {
          if (rest[k] === '--rank') {
            order = (rest[k + 1] ?? '').split(',').filter((label) => label !== '')
            k++
          } else words.push(rest[k] as string)
        }
        const read = terms(words)
        if (!read.ok) return read.command
        return { kind: 'move', move: { kind: 'counter', terms: read.terms, ...(order ? { order } : {}) } }
      }
    }
  }
  return { kind: 'bad', message: `unknown command '${verb}'` }
}

function issueName(rehearsal: Rehearsal, id: string): string {
  const { space } = rehearsal.setup
  const issue = space.byId.get(id)
  return issue ? (space.plan.issues[issue.index]?.name ?? id) : id
}

function printOpening(out: Output, file: string, rehearsal: Rehearsal): void {
  const c = out.colour
  const { setup } = rehearsal
  const { plan } = setup.space
  out.print(
    c.bold(
      `Rehearsal of ${plan.title} (${file}): you play ${setup.role === 'us' ? plan.parties.us.name : `${plan.parties.them.name} (role reversal)`}`,
    ),
  )
  out.print(
    c.dim(
      `Simulated ${setup.role === 'us' ? 'counterpart' : "our side: Parley's method"}; their truth drawn by ${setup.generator}, seed ${setup.seed}; ${rehearsal.deadline} rounds. Scratch journal only: the plan's journal is never read or written.`,
    ),
  )
  if (setup.role === 'them') {
    printTruth(out, rehearsal)
    out.print()
    out.print(`Parley asks: ${c.bold('"What matters most to you?"')} (priorities ISSUE ISSUE ..., or skip)`)
  } else out.print('Type help for the moves; coach for the words to use.')
}

/** Role reversal: what they really value, which the person playing them knows. */
function printTruth(out: Output, rehearsal: Rehearsal): void {
  const { space, truth } = rehearsal.setup
  out.print(out.colour.bold(`What you (${space.plan.parties.them.name}) really value:`))
  for (const issue of space.issues) {
    const scores = issue.levels
      .map((level, k) => `${formatLevel(level)} ${formatPoints(truth.scores[issue.index]?.[k] ?? 0)}`)
      .join(', ')
    out.print(
      `  ${issueName(rehearsal, issue.id)} (${issue.id}): weight ${formatShare(truth.weights[issue.index] ?? 0)}; ${scores}`,
    )
  }
  out.print(`  Your alternative (BATNA) is worth ${formatPoints(truth.batna)} to you.`)
}

function figures(rehearsal: Rehearsal, bundle: RehearsalBundle): string {
  const seen = rehearsalFigures(rehearsal, bundle.levels)
  if (rehearsal.setup.role === 'them') return `your U ${formatPoints(seen.them ?? 0)}`
  return `U_us ${formatPoints(seen.us)} · U_them ${formatPoints(seen.estimate.them)}, ${seen.estimate.label}`
}

function printBundles(out: Output, rehearsal: Rehearsal, bundles: readonly RehearsalBundle[]): void {
  for (const bundle of bundles)
    out.print(
      `  ${bundle.label ? `${bundle.label}: ` : ''}${formatTerms(bundle.terms)}  ${out.colour.dim(`(${figures(rehearsal, bundle)})`)}`,
    )
}

function printReply(out: Output, rehearsal: Rehearsal, reply: RehearsalReply): void {
  const c = out.colour
  const round = `round ${rehearsal.round} of ${rehearsal.deadline}`
  const last = rehearsal.exchanges.at(-1)
  switch (reply.kind) {
    case 'stated':
      out.print(
        `They say what matters most to them: ${listAnd(reply.ranking.map((id) => issueName(rehearsal, id)))}.`,
      )
      return
    case 'offered':
      out.print(`Parley offers (${round}):`)
      printBundles(out, rehearsal, reply.bundles)
      out.print(c.dim('accept [LABEL], counter [--rank ...] ISSUE=LEVEL ..., or walk'))
      return
    case 'agreed':
      out.print(
        c.green(
          rehearsal.setup.role === 'us'
            ? `They agree (${round})${reply.bundle.label ? ` to ${reply.bundle.label}` : ''}: ${formatTerms(reply.bundle.terms)}`
            : `Parley accepts your counter (${round}): ${formatTerms(reply.bundle.terms)}`,
        ),
      )
      return
    case 'countered': {
      const ranked =
        reply.order.length > 1 ? `They rank ${reply.order.join(', ')} and counter` : 'They counter'
      out.print(`${ranked} (${round}):`)
      printBundles(out, rehearsal, [reply.counter])
      if (rehearsal.round >= rehearsal.deadline)
        out.print(c.yellow('That was the last round: accept their counter or walk away.'))
      return
    }
    case 'before-signing':
      out.print(
        `${c.green(
          `${last?.move.kind === 'counter' ? 'Parley accepts your counter' : 'Agreed'} (${round}): ${formatTerms(reply.agreed.terms)}`,
        )}  ${c.dim(`(${figures(rehearsal, reply.agreed)})`)}`,
      )
      out.print(
        `Before signing, Parley offers beside it (each at least as good for us; you keep the agreement if you prefer it):`,
      )
      reply.alternatives.forEach((bundle, k) => {
        out.print(
          `  ${k + 1}. ${formatTerms(bundle.terms)}  ${out.colour.dim(`(${figures(rehearsal, bundle)})`)}`,
        )
      })
      out.print(
        c.dim(
          `sign (the agreement as it is) or sign ${reply.alternatives.length === 1 ? '1' : `N (1 to ${reply.alternatives.length})`}`,
        ),
      )
      return
    case 'left':
      out.print(c.yellow(`They walk away (${round}): nothing on the table beats their alternative for them.`))
      return
    case 'ended':
      if (rehearsal.end?.kind === 'agreed') {
        const signed = rehearsal.end.beforeSigning?.signed
        if (signed) out.print(c.green(`Signed instead of the agreement: ${formatTerms(signed.terms)}`))
        else if (rehearsal.end.beforeSigning) out.print(c.green('Signed as agreed.'))
        else out.print(c.green(`Agreed: ${formatTerms(rehearsal.end.bundle.terms)}`))
      } else if (rehearsal.end?.kind === 'walked') out.print(c.yellow('You walk away.'))
      else if (rehearsal.end?.kind === 'deadline')
        out.print(c.yellow('The deadline passed without agreement.'))
      else if (rehearsal.end?.kind === 'no-offer') out.print(c.yellow('Parley has nothing left to offer.'))
      else if (last) out.print('Done.')
  }
}

function show(out: Output, rehearsal: Rehearsal, what: 'coach' | 'status' | 'help'): void {
  if (what === 'help') out.print(rehearsal.setup.role === 'us' ? OUR_HELP : THEIR_HELP)
  else if (what === 'coach') printCoach(out, rehearsal)
  else printStatus(out, rehearsal)
}

function printCoach(out: Output, rehearsal: Rehearsal): void {
  const c = out.colour
  const report = rehearsalCoach(rehearsal)
  out.print(c.bold(`Coach (${report.stage}${rehearsal.setup.role === 'them' ? ", for Parley's side" : ''})`))
  if (report.script.length > 0) {
    out.print('  Words to use:')
    for (const line of report.script) out.print(`    “${line}”`)
  }
  out.print('  For you only:')
  for (const line of report.advice) out.print(`    • ${line}`)
}

function printStatus(out: Output, rehearsal: Rehearsal): void {
  const { state, setup } = rehearsal
  out.print(`Round ${rehearsal.round} of ${rehearsal.deadline}; stage ${state.stage}.`)
  if (setup.role === 'them') {
    printTruth(out, rehearsal)
    if (rehearsal.onOffer.length > 0) {
      out.print('On offer from Parley:')
      printBundles(out, rehearsal, rehearsal.onOffer)
    }
    return
  }
  const table = state.table
  if (table) {
    out.print(`On the table (${tableSourceWords(table.source)}):`)
    printBundles(out, rehearsal, [{ terms: table.terms, levels: Int32Array.from(table.offer.levelIndex) }])
  } else out.print('Nothing on the table yet.')
  if (state.counter) out.print('Their counter is open: accept, or make your next move.')
}

function printDebrief(out: Output, rehearsal: Rehearsal): void {
  const c = out.colour
  const debrief = rehearsalDebrief(rehearsal)
  const them = rehearsal.setup.space.plan.parties.them.name
  out.print()
  out.print(c.bold('Debrief (against the true frontier the simulator knows)'))
  out.print(`  Outcome: ${OUTCOME_TEXT[debrief.outcome]} after ${count(debrief.rounds, 'round')}.`)
  if (debrief.agreement)
    out.print(
      `  Agreement: ${formatTerms(debrief.agreement.terms)}: U_us ${formatPoints(debrief.agreement.us)}, U_them ${formatPoints(debrief.agreement.them)} (true).`,
    )
  out.print(
    `  Alternatives: ours ${formatPoints(debrief.batna.us)}, ${them}'s ${formatPoints(debrief.batna.them)} (true).`,
  )
  if (debrief.nash)
    out.print(
      `  Nash point of the true frontier: ${formatTerms(debrief.nash.terms)}: U_us ${formatPoints(debrief.nash.us)}, U_them ${formatPoints(debrief.nash.them)}${debrief.nashShare !== undefined ? `; the agreement reached ${formatShare(debrief.nashShare)} of its Nash product` : ''}.`,
    )
  for (const shortfall of debrief.againstPlan) out.print(c.yellow(`  Against our plan: ${shortfall}.`))
  if (debrief.nearest)
    out.print(`  Distance to the true frontier: ${formatPoints(debrief.nearest.distance)} points.`)
  const left = debrief.left
  if (left.bundle)
    out.print(
      `  Value left on the table: ${formatPoints(left.us)} points for us, ${formatPoints(left.them)} for them${debrief.agreement ? ' — a bundle better for both' : ' — what a deal at the Nash point would have given over both alternatives'}: ${formatTerms(left.bundle.terms)}.`,
    )
  else if (debrief.agreement) out.print(`  Value left on the table: ${nothingLeftInWords(debrief)}.`)
  const before = debrief.beforeSigning
  if (before && before.alternatives.length > 0) {
    const byYou = before.chosenBy === 'them'
    out.print(
      `  Before signing, Parley ${byYou ? 'offered' : 'would offer'} beside the agreement (each at least as good for us; U_them true): ${before.alternatives.map((option) => `${formatTerms(option.terms)} (U_us ${formatPoints(option.us)}, U_them ${formatPoints(option.them)})`).join('; ')}.`,
    )
    const gains = (signed: NonNullable<typeof before.signed>) =>
      `${formatPoints(signed.us - (debrief.agreement?.us ?? 0))} more for us, ${formatPoints(signed.them - (debrief.agreement?.them ?? 0))} more for them`
    out.print(
      before.signed
        ? `  ${byYou ? 'You signed' : `${them} would sign`} ${formatTerms(before.signed.terms)} instead: ${gains(before.signed)}.`
        : byYou
          ? '  You kept the agreement.'
          : `  ${them} would keep the agreement: none of them is better for them.`,
    )
  }
  const { learned } = debrief
  out.print(
    `  What Parley learned of their weights: error ${formatDecimal(learned.priorError, 2)} under the plan's estimate, ${formatDecimal(learned.learnedError, 2)} after ${count(learned.moves, 'move')} (L1 distance of weight shares to the truth, 0 to 2).`,
  )
  out.print(
    out.table(
      ['issue', 'true', 'plan', 'learned'],
      learned.issues.map((issue) => [
        issue.id,
        formatShare(issue.truth),
        formatShare(issue.plan),
        formatShare(issue.learned),
      ]),
      ['left', 'right', 'right', 'right'],
    ),
  )
}

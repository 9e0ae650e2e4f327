/**
 * The verbs that record a move without writing JSON: `offer`, `reply`, `concede`, `heard`,
 * `propose-contingency`, `accept-contingency`, `agree`, `note`, `retract`. Each writes the event
 * `journal add` would; flags left out are asked for on a terminal.
 */
import type { Command } from 'commander'
import {
  acceptContingencyCommand,
  agreeCommand,
  concedeCommand,
  heardCommand,
  noteCommand,
  offerCommand,
  proposeContingencyCommand,
  replyCommand,
  retractCommand,
} from '../commands/moves'
import { integerIn, positiveNumber, probability, utilityPoints } from '../options'
import { SERVER_FLAG, SERVER_HELP, type Verb } from './verb'

const TERMS = 'ISSUE=LEVEL...'

/** The options every move verb has, and the shared part of its help. */
function moveCommand(program: Command, name: string, description: string, examples: readonly string[]) {
  return program
    .command(name)
    .description(description)
    .argument(
      '<plan>',
      'plan file, or with --server a negotiation (its id or the start of it, its title, or a part of one title)',
    )
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option(SERVER_FLAG, SERVER_HELP)
    .option('--json', 'machine-readable output on stdout: the event written')
    .addHelpText(
      'after',
      `\nExamples:\n${examples.map((example) => `  ${example}`).join('\n')}\n\nThe event is checked as \`parley journal add\` checks it: nothing is written when it does not fit (exit 1).\nOn a terminal, what the flags leave out is asked for; with stdin piped, a missing flag is bad usage (exit 2).\nCtrl-C at a question writes nothing and exits 130.`,
    )
}

const withNote = (command: Command) => command.option('--note <text>', 'a private note kept with the move')

export const offerVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(
      program,
      'offer',
      'record an offer we sent: the MESO set computed now, one bundle, a file, or the alternatives before signing',
      [
        'parley offer acme.yaml --meso',
        'parley offer acme.yaml --meso --count 2 --target 75',
        'parley offer acme.yaml --bundle price=240000 rollout=60 billing=milestone support=premium credits=10 term=24 uplift=3',
        'parley meso acme.yaml --json > set.json && parley offer acme.yaml --from set.json',
        'parley offer acme.yaml --joint-gain',
        'parley offer acme.yaml --alternatives',
      ],
    ),
  )
    .option('--meso', 'offer the MESO set `parley meso` shows for the same options')
    .option(
      '--alternatives',
      'after an agreement: offer the alternatives `parley status` lists under "Before you sign" (the deal room lets them sign one)',
    )
    .option('--bundle <terms...>', `a single bundle: ${TERMS}, every issue`)
    .option(
      '--joint-gain',
      'the bundle better for both than the table that `parley status` shows (joint gain in sight)',
    )
    .option('--from <file>', '`parley meso --json` output (or an offer-sent event) in a file')
    .option('--count <n>', 'with --meso: number of bundles, 2 or 3', integerIn(2, 3))
    .option('--target <points>', 'with --meso: U_us every bundle aims at', utilityPoints)
    .option('--tolerance <points>', 'with --meso: largest distance from the target', positiveNumber)
    .action(async (plan: string, options) => exit(await offerCommand(context, plan, options)))
}

export const replyVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(
      program,
      'reply',
      'record their answer to our latest offer: a choice, a ranking, or a rejection',
      [
        'parley reply acme.yaml --chose B',
        'parley reply acme.yaml --ranked B,C,A',
        'parley reply acme.yaml --rejected --counter price=200000 --reason "over budget"',
        'parley reply acme.yaml --rejected --counter price=200000 --on B',
      ],
    ),
  )
    .option('--chose <label>', 'they chose this bundle')
    .option('--ranked <labels>', 'they ranked the bundles, best first: B,C,A')
    .option('--rejected', 'they rejected the offer')
    .option('--counter <terms...>', `with --rejected: their counter, ${TERMS}`)
    .option(
      '--on <label>',
      'with --counter: the bundle of our latest offer it changes (its other terms stand); needed while a set of several awaits their answer (otherwise the counter changes the bundle on the table)',
    )
    .option('--reason <text>', 'with --rejected: their reason')
    .action(async (plan: string, options) => exit(await replyCommand(context, plan, options)))
}

export const concedeVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(program, 'concede', 'record a concession: what we give and what we get in return', [
      'parley concede acme.yaml --give price=230000 --get term=36',
      'parley concede acme.yaml --give rollout=45 --trigger "if the pilot passes"',
    ]),
  )
    .option('--give <terms...>', `levels we move to: ${TERMS}`)
    .option('--get <terms...>', `levels they move to in return (none: a gift, and flagged as one): ${TERMS}`)
    .option('--trigger <text>', 'what the concession hinges on')
    .action(async (plan: string, options) => exit(await concedeCommand(context, plan, options)))
}

export const heardVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(program, 'heard', 'record an interest they stated, with the priorities it reveals', [
      'parley heard acme.yaml "launch date first" --ranking rollout,price',
      'parley heard acme.yaml "go-live matters twice as much as price" --more rollout:price:2',
    ]),
  )
    .argument('[text]', 'what they said, in their words')
    .option('--ranking <issues>', 'their priorities, most important first: rollout,price')
    .option(
      '--more <issue:over:factor>',
      'ISSUE matters FACTOR times as much as OVER (repeat for more)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (plan: string, text: string | undefined, options) =>
      exit(await heardCommand(context, plan, text, options)),
    )
}

export const proposeContingencyVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(
      program,
      'propose-contingency',
      'record a contingent term proposed: if a measure comes out so, an issue moves',
      [
        'parley propose-contingency acme.yaml --if "uptime < 99.5" --then credits=15 --within "each month" --source "status page" --reporting "monthly report"',
        'parley propose-contingency acme.yaml --if "adoption >= 80" --then uplift=5 --exchange price=230000',
        'parley propose-contingency acme.yaml --if "adoption >= 80" --then uplift=5 --chance-us 0.3 --chance-them 70%',
      ],
    ),
  )
    .option('--if <condition>', 'METRIC OP THRESHOLD, with OP one of < <= = >= >')
    .option('--then <term>', 'the consequence: ISSUE=LEVEL')
    .option('--within <period>', 'when the condition is judged')
    .option('--source <text>', 'how the metric is measured')
    .option('--reporting <text>', 'how it is reported')
    .option('--text <text>', 'the wording both sides see')
    .option('--exchange <terms...>', `what it is traded for, applied to the table: ${TERMS}`)
    .option('--id <id>', 'a name for the contingency, to accept it by')
    .option(
      '--chance-us <p>',
      'our probability that the condition occurs (0.2 or 20%); with --chance-them, status values the bet',
      probability,
    )
    .option(
      '--chance-them <p>',
      'their probability that it occurs, as we estimate it (private: never shown to them)',
      probability,
    )
    .action(async (plan: string, options) => exit(await proposeContingencyCommand(context, plan, options)))
}

export const acceptContingencyVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(program, 'accept-contingency', 'record that a proposed contingency was accepted', [
      'parley accept-contingency acme.yaml --last',
      'parley accept-contingency acme.yaml uptime-credits',
      'parley accept-contingency acme.yaml 01JC3',
    ]),
  )
    .argument('[id]', "the contingency's id, or a prefix of the id of the event that proposed it")
    .option('--last', 'the latest proposed contingency not yet accepted')
    .action(async (plan: string, id: string | undefined, options) =>
      exit(await acceptContingencyCommand(context, plan, id, options)),
    )
}

export const agreeVerb: Verb = (program, { context, exit }) => {
  withNote(
    moveCommand(program, 'agree', 'record the agreement: its terms, measures and governance', [
      'parley agree acme.yaml --table --fairness "the market rate for the term, with credits if we miss"',
      'parley agree acme.yaml --bundle price=240000 rollout=60 billing=milestone support=premium credits=10 term=24 uplift=3 --measures measures.yaml',
      'parley agree acme.yaml --alternative 1',
    ]),
  )
    .option('--table', 'the bundle on the table')
    .option(
      '--alternative <n>',
      'the alternative they signed instead: its number under "Before you sign" in `parley status`',
      integerIn(1, 9),
    )
    .option('--bundle <terms...>', `the agreed bundle: ${TERMS}, every issue`)
    .option('--measures <file>', 'a JSON or YAML list of measures: metric, threshold, reporting, remedy')
    .option('--fairness <text>', 'the fairness story both sides can tell')
    .option('--change-control <text>', 'how the terms change later')
    .option('--exit <text>', 'how either side leaves')
    .option('--review-cadence <text>', 'governance: when the deal is reviewed')
    .option('--data-access <text>', 'governance: who sees which data')
    .option('--escalation <text>', 'governance: who settles disputes')
    .addHelpText(
      'after',
      "Contingencies they accepted are carried into the agreement with their measurement. Recording again (the\nalternative they chose before signing, or a correction) keeps the recorded agreement's measures, governance,\nchange control, exit and fairness story unless a flag gives them anew; the latest agreement counts. On a\nterminal with no terms given, once an agreement is recorded, it asks which of the alternatives they signed.",
    )
    .action(async (plan: string, options) => exit(await agreeCommand(context, plan, options)))
}

export const noteVerb: Verb = (program, { context, exit }) => {
  moveCommand(program, 'note', 'record a note (private)', [
    'parley note acme.yaml "their CFO joins the next call"',
  ])
    .argument('[text]', 'the note')
    .action(async (plan: string, text: string | undefined, options) =>
      exit(await noteCommand(context, plan, text, options)),
    )
}

export const retractVerb: Verb = (program, { context, exit }) => {
  moveCommand(program, 'retract', 'retract a move recorded by mistake (it stays in the journal, marked)', [
    'parley retract acme.yaml --last --reason "typed the wrong label"',
    'parley retract acme.yaml 4 --reason "recorded twice"',
    'parley retract acme.yaml 01JC3 --reason "not what they said"',
  ])
    .argument('[move]', 'the move: its id or a prefix of it, or its number in `parley journal list`')
    .option('--last', 'the latest move not yet retracted')
    .option('--reason <text>', 'why')
    .action(async (plan: string, move: string | undefined, options) =>
      exit(await retractCommand(context, plan, move, options)),
    )
}

/** The move verbs, each with the name of the command it declares. */
export const MOVE_VERB_DECLARATIONS: readonly (readonly [name: string, verb: Verb])[] = [
  ['offer', offerVerb],
  ['reply', replyVerb],
  ['concede', concedeVerb],
  ['heard', heardVerb],
  ['propose-contingency', proposeContingencyVerb],
  ['accept-contingency', acceptContingencyVerb],
  ['agree', agreeVerb],
  ['note', noteVerb],
  ['retract', retractVerb],
]

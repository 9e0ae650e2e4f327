/** `parley rehearse`: play one side at the terminal against a simulated other side, then a debrief against the truth. */
import { REHEARSAL_ROLES, type RehearsalRole, SIMULATE_DEFAULTS, SIMULATION_DEFAULTS } from '@parley/core'
import { InvalidArgumentError } from 'commander'
import { type RehearseOptions, rehearseCommand } from '../commands/rehearse'
import { integerIn } from '../options'
import { setting } from './simulate'
import type { Verb } from './verb'

function role(value: string): RehearsalRole {
  if (!(REHEARSAL_ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be ${REHEARSAL_ROLES.join(' or ')}, not '${value}'`)
  return value as RehearsalRole
}

const HELP = `
You play our side (or, with --as them, theirs: role reversal, where you see their true preferences and
Parley's method — the strategy parley simulate measures — plays ours). The other side is the simulator's
counterpart: hidden true preferences drawn by the generator, logit choice noise, a Boulware concession
curve to its BATNA by the deadline (parley simulate --help lists the model and its settings).
One command a line, at the prompt or piped; type help inside for the moves:
  ours:   ask · meso [TARGET] · offer ISSUE=LEVEL ... · concede --give ISSUE=LEVEL ... [--get ...] · accept · walk
  theirs: priorities ISSUE ... · skip · accept [LABEL] · counter [--rank B,A,C] ISSUE=LEVEL ... · walk
  both:   coach · status · help · quit
Moves go to a scratch journal (in memory; --journal FILE writes it as JSON Lines at the end, to a new
file that is not the plan's journal). The plan's own journal is never read or written.
At the end, a debrief against the true frontier: the agreement's U_us and true U_them, the Nash point,
the distance to the frontier, the value left on the table for each side, and what Parley learned of
their weights against the truth.
Examples:
  parley rehearse acme.yaml
  parley rehearse acme.yaml --generator reordered --seed 7 --rounds 5
  printf 'ask\\nmeso\\naccept\\n' | parley rehearse acme.yaml --journal /tmp/rehearsal.jsonl
  parley rehearse acme.yaml --as them
Exit codes: 0 done, 1 invalid plan, truth file or flag value (or, with piped input, a line refused), 2 bad usage,\n130 stopped with Ctrl-C (after the debrief).`

export const rehearseVerb: Verb = (program, { context, exit }) => {
  program
    .command('rehearse')
    .description(
      'plays one side against a simulated other side, move by move, then debriefs against the truth',
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option(
      '--generator <name|file>',
      `their hidden truth: prior, perturbed, reordered or a truth file (default ${SIMULATE_DEFAULTS.generator})`,
    )
    .option(
      '--seed <s>',
      `the rehearsal's seed (default ${SIMULATE_DEFAULTS.seed})`,
      integerIn(0, 4_294_967_295),
    )
    .option('--as <side>', 'the side you play: us or them (role reversal) (default us)', role)
    .option(
      '--rounds <r>',
      `rounds before the talks end (default ${SIMULATION_DEFAULTS.deadline})`,
      integerIn(1, 100),
    )
    .option('--journal <file>', 'write the scratch journal there at the end (a new file; default: none kept)')
    .option(
      '--set <name=value>',
      'a setting of the simulator (repeatable; see parley simulate --help)',
      setting,
    )
    .addHelpText('after', HELP)
    .action(async (plan: string, options: RehearseOptions) => {
      exit(await rehearseCommand(context, plan, options))
    })
}

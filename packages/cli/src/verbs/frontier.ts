/** `parley frontier`: the Pareto frontier, the bargaining points and the zone of agreement. */
import { type FrontierOptions, frontierCommand } from '../commands/frontier'
import { epsilonPoints } from '../options'
import type { Verb } from './verb'

export const frontierVerb: Verb = (program, { context, exit }) => {
  program
    .command('frontier')
    .description(
      'the exact Pareto frontier, the Nash, Kalai–Smorodinsky and max-joint points, and the zone of agreement',
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option('--rule', 'count only bundles that meet the decision rule (applies to every figure)')
    .option(
      '--epsilon <points>',
      'return a frontier within this many utility points of the true one (for very large plans)',
      epsilonPoints,
    )
    .option('--plot <file.svg>', 'also draw the frontier, bargaining points, reservation and BATNAs as SVG')
    .option(
      '--learned',
      "value their side by the current estimate (what the journal taught us) instead of the plan's estimate",
    )
    .option('--journal <file>', 'journal file for --learned (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nEach frontier point carries the bundle that reaches it: among bundles with the same pair (within 1e-9),\nthe one whose level indices are lexicographically smallest in plan order.\nExit codes: 0 done, 1 invalid plan or flag, 2 bad usage, 3 frontier too large for exact mode (use --epsilon).',
    )
    .action(async (plan: string, options: FrontierOptions) => {
      exit(await frontierCommand(context, plan, options))
    })
}

/** `parley export`: a plan written out for other tools; `--as genius` writes GENIUS XML. */
import { Option } from 'commander'
import type { ExportOptions } from '../commands/export'
import { EXPORT_FORMATS } from '../research-files'
import type { Verb } from './verb'

export const exportVerb: Verb = (program, { context, exit }) => {
  program
    .command('export')
    .description(
      'write a plan for other tools: --as genius gives a GENIUS domain and two profiles (internal only)',
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .addOption(new Option('--as <format>', 'what to write').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('-o, --output <dir>', 'the folder to write into (made if missing)')
    .option('--force', 'overwrite files of an earlier export')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      [
        '',
        '--as genius writes DIR/domain.xml, DIR/profile-us.xml (ours) and DIR/profile-them.xml (our',
        "estimate of them). They hold both sides' weights and our reservation: internal only. Every level",
        "becomes an item, its score the item's evaluation; weights are written normalised. GENIUS divides",
        "each issue's evaluations by the issue's highest, so when every issue has a level scoring 100 (or",
        "scores 0 throughout) GENIUS's utility is exactly U / 100; otherwise it is a fixed multiple of it,",
        'which the command reports. The decision rule and limits are not exported.',
        '',
        'Exit codes: 0 written, 1 the plan is invalid or a file can not be written (nothing is written), 2 bad usage.',
        'Example: parley export examples/sales-saas-renewal.yaml --as genius -o genius/acme',
      ].join('\n'),
    )
    .action(async (plan: string, options: ExportOptions) => {
      // Loaded when it runs: the research code and its XML parser stay out of every other start.
      const { exportCommand } = await import('../commands/export')
      exit(await exportCommand(context, plan, options))
    })
}

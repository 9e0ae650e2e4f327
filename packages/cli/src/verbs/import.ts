/** `parley import`: a plan from a GENIUS or GeniusWeb domain and two profiles, ours first. */
import type { Command } from 'commander'
import type { ImportOptions } from '../commands/import'
import { EXIT } from '../exit-codes'
import { importedPlanFormat } from '../research-files'
import type { Verb } from './verb'

export const importVerb: Verb = (program, { context, exit }) => {
  program
    .command('import')
    .description(
      'make a plan from a GENIUS domain and two profiles (XML), or GeniusWeb JSON; the first profile is ours',
    )
    .argument('<domain>', 'the domain: GENIUS XML or GeniusWeb JSON')
    .argument('<profile-us>', 'our profile (utility space) on that domain')
    .argument('<profile-them>', 'their profile: our estimate of them')
    .requiredOption('-o, --output <plan>', 'the plan to write: .yaml or .yml for YAML, .json for JSON')
    .option('--force', 'overwrite the plan if it exists')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      [
        '',
        "Utilities follow the source's semantics, so a bundle's U is 100 × the profile's utility: GENIUS",
        "divides each issue's evaluations by its highest and normalises the weights; GeniusWeb weighs value",
        'utilities as written. Reservation values (or a GeniusWeb reservation bid) become our reservation',
        'and both BATNAs. Issue names and option labels are kept exactly; ids are made from the names.',
        '',
        'Exit codes: 0 written, 1 a file is wrong (nothing is written), 2 bad usage.',
        'Examples:',
        '  parley import Car/adg.xml Car/adg_deal.xml Car/adg_deal2.xml -o car.yaml',
        '  parley import party.json party1.json party2.json -o party.json --json',
      ].join('\n'),
    )
    .action(async (domain: string, us: string, them: string, options: ImportOptions, command: Command) => {
      if (!importedPlanFormat(options.output)) {
        command.error(
          `error: the plan's format follows its name: -o must end in .yaml, .yml or .json ('${options.output}' does not)`,
          { exitCode: EXIT.usage, code: 'parley.usage' },
        )
      }
      // Loaded when it runs: the research code and its XML parser stay out of every other start.
      const { importCommand } = await import('../commands/import')
      exit(await importCommand(context, { domain, us, them }, options))
    })
}

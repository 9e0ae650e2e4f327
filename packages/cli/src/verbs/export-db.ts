/** `parley export-db`: the whole server database as one JSON file (a backup, or a move to PostgreSQL). */
import { loadServerCommands } from '../server-commands-loader'
import { dataOption } from './data-option'
import type { Verb } from './verb'

export const exportDbVerb: Verb = (program, { context, exit }) => {
  program
    .command('export-db')
    .description(
      'write every workspace, account, negotiation and journal to one JSON file (backup, or a move to PostgreSQL)',
    )
    .argument('<file>', "the file to write ('-' for standard output)")
    .addOption(dataOption())
    .action(async (file: string, options: { data?: string }) => {
      exit(await (await loadServerCommands()).exportDbCommand(context, file, options))
    })
}

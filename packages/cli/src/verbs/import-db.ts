/** `parley import-db`: a file written by `parley export-db`, loaded into an empty database. */
import { loadServerCommands } from '../server-commands-loader'
import { dataOption } from './data-option'
import type { Verb } from './verb'

export const importDbVerb: Verb = (program, { context, exit }) => {
  program
    .command('import-db')
    .description(
      'load a file written by export-db into an empty database (SQLite, or PostgreSQL with DATABASE_URL)',
    )
    .argument('<file>', 'the export file')
    .addOption(dataOption())
    .action(async (file: string, options: { data?: string }) => {
      exit(await (await loadServerCommands()).importDbCommand(context, file, options))
    })
}

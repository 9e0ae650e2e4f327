/** `parley serve`: the team server. */
import { integerIn } from '../options'
import { loadServerCommands } from '../server-commands-loader'
import { dataOption } from './data-option'
import type { Verb } from './verb'

export const serveVerb: Verb = (program, { context, exit }) => {
  program
    .command('serve')
    .description(
      'run the team server: the HTTP API (and the web app) on the embedded SQLite database, or PostgreSQL',
    )
    .option(
      '--port <port>',
      'port to listen on (default: PORT, else 8080; 0 picks a free one)',
      integerIn(0, 65535),
    )
    .option('--host <host>', 'address to listen on (default: HOST, else 127.0.0.1)')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\nDATABASE_URL=postgres://user:password@host:5432/db uses PostgreSQL instead (for teams; several instances may share it).\nPARLEY_PUBLIC_URL names the address people reach it at (invitation links, the CSRF origin check);\nPARLEY_TRUST_PROXY=1 reads client addresses from X-Forwarded-For behind your own proxy.\nOn first start it prints a one-time setup token for the first owner.',
    )
    .action(async (options: { port?: number; host?: string; data?: string }) => {
      exit(await (await loadServerCommands()).serveCommand(context, options))
    })
}

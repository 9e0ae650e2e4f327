/** `parley user add` and `parley user password`: accounts on this machine's server database. */
import { loadServerCommands } from '../server-commands-loader'
import { dataOption } from './data-option'
import type { Verb } from './verb'

export const userVerb: Verb = (program, { context, exit }) => {
  const user = program.command('user').description("manage accounts on this machine's server database")
  user
    .command('add')
    .description('create an account with its own workspace (the first one is the first owner)')
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--name <name>', 'their name')
    .option('--workspace <name>', 'name of their workspace (default: "NAME\'s workspace")')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\nThe password is asked for twice on a terminal, or read from the first line of standard input.',
    )
    .action(async (options: { email: string; name: string; workspace?: string; data?: string }) => {
      exit(await (await loadServerCommands()).userAddCommand(context, options))
    })
  user
    .command('password')
    .description('set a new password for an account and end its sessions (for someone locked out)')
    .requiredOption('--email <email>', 'the account')
    .addOption(dataOption())
    .action(async (options: { email: string; data?: string }) => {
      exit(await (await loadServerCommands()).userPasswordCommand(context, options))
    })
}

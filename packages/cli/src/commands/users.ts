/**
 * `parley user add` and `parley user password`: account administration from the machine the server
 * runs on (the database is at hand), for the first owner and for someone locked out, including an
 * account a workspace owner may not reset because it belongs to workspaces they do not own. The
 * password is read from the terminal without echo, or from the first line of standard input in
 * scripts, and must pass the server's own password policy.
 */
import { DEFAULT_SCRYPT, hashPassword, PASSWORD_MIN_LENGTH, passwordProblem } from '@parley/server'
import { describeLocation, SETUP_TOKEN_SETTING } from '@parley/store'
import type { CommandContext } from '../command-context'
import { EXIT } from '../exit-codes'
import { openDatabase } from './database'

export interface UserAddOptions {
  email: string
  name: string
  workspace?: string
  data?: string
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export async function userAddCommand(context: CommandContext, options: UserAddOptions): Promise<number> {
  const { out } = context
  const email = options.email.trim().toLowerCase()
  if (!EMAIL.test(email)) {
    out.error(
      `parley user add: --email must be an email address (name@example.com), not ${JSON.stringify(options.email)}`,
    )
    return EXIT.invalid
  }
  const name = options.name.trim()
  if (name === '' || name.length > 200) {
    out.error('parley user add: --name must be 1 to 200 characters')
    return EXIT.invalid
  }
  const password = await readPassword(context, { email, name })
  if (password === undefined) return EXIT.invalid
  const opened = await openDatabase(context, options.data)
  if (!opened.ok) return EXIT.invalid
  const { store, location } = opened
  try {
    const first = (await store.countUsers()) === 0
    const created = await store.createUser(
      { email, name, passwordHash: await hashPassword(password, DEFAULT_SCRYPT) },
      { userId: null },
    )
    if (!created.ok) {
      out.error(`parley user add: an account with ${email} exists already (${describeLocation(location)})`)
      return EXIT.invalid
    }
    const workspace = await store.createWorkspace(
      { name: options.workspace?.trim() || `${name}'s workspace`, ownerId: created.value.id },
      { userId: null },
    )
    // The setup token printed at start has done its job once an account exists.
    if (first) await store.setSetting(SETUP_TOKEN_SETTING, null)
    out.print(
      `Created ${email}${first ? ', the first owner,' : ''} with the workspace "${workspace.name}" (${describeLocation(location)}). Sign in at the server's address.`,
    )
    return EXIT.ok
  } finally {
    await store.close()
  }
}

export async function userPasswordCommand(
  context: CommandContext,
  options: { email: string; data?: string },
): Promise<number> {
  const { out } = context
  const opened = await openDatabase(context, options.data)
  if (!opened.ok) return EXIT.invalid
  const { store } = opened
  try {
    // The account first: the policy counts its email and name as known to an attacker.
    const user = await store.findUserByEmail(options.email.trim())
    if (!user) {
      out.error(`parley user password: no account with ${options.email}`)
      return EXIT.invalid
    }
    const password = await readPassword(context, user)
    if (password === undefined) return EXIT.invalid
    const change = await store.changePassword(
      {
        userId: user.id,
        passwordHash: await hashPassword(password, DEFAULT_SCRYPT),
        via: 'machine',
        now: new Date().toISOString(),
      },
      { userId: null },
    )
    if (!change) {
      out.error(`parley user password: no account with ${options.email}`)
      return EXIT.invalid
    }
    out.print(
      `New password set for ${user.email}: ${count(change.sessionsEnded, 'session')} ended and ${count(change.tokensRevoked, 'API token')} revoked; every workspace of the account has it in its audit log.`,
    )
    return EXIT.ok
  } finally {
    await store.close()
  }
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

/**
 * A new password for this person: typed twice without echo on a terminal, else the first line of
 * standard input; refused with the policy's reason when it is too short or too easy to guess.
 */
async function readPassword(
  context: CommandContext,
  owner: { email: string; name: string },
): Promise<string | undefined> {
  const { out } = context
  let password: string
  if (process.stdin.isTTY) {
    password = await readHidden(`Password (at least ${PASSWORD_MIN_LENGTH} characters, hard to guess): `)
    const again = await readHidden('Again: ')
    if (again !== password) {
      out.error('parley: the two passwords differ; nothing was changed')
      return undefined
    }
  } else {
    password = (await readStdin()).split(/\r?\n/)[0] ?? ''
  }
  const problem = passwordProblem(password, owner)
  if (problem) {
    out.error(
      `parley: the password ${problem.message} (type it when asked, or pipe it on standard input); nothing was changed`,
    )
    return undefined
  }
  return password
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk: string) => {
      text += chunk
      if (text.length > 64 * 1024) process.stdin.destroy()
    })
    process.stdin.on('end', () => resolve(text))
    process.stdin.on('close', () => resolve(text))
    process.stdin.on('error', reject)
  })
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin
    process.stderr.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    let value = ''
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stderr.write('\n')
          resolve(value)
          return
        }
        if (char === '\u0003') {
          stdin.setRawMode(false)
          process.stderr.write('\n')
          process.exit(EXIT.interrupted)
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}

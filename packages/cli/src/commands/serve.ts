/**
 * `parley serve`: the team server on the embedded SQLite database (or PostgreSQL when DATABASE_URL
 * is set). On a server without accounts it prints a one-time setup token for the first owner. It
 * warns at start when other machines can reach it and PARLEY_PUBLIC_URL is not set (see
 * public-address.ts).
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { newSecret, PASSWORD_MIN_LENGTH, secretHash, startServer } from '@parley/server'
import { describeLocation, SETUP_TOKEN_SETTING } from '@parley/store'
import type { CommandContext } from '../command-context'
import { computeSettings } from '../compute-settings'
import { EXIT } from '../exit-codes'
import { publicAddress } from '../public-address'
import { openDatabase } from './database'

export interface ServeOptions {
  port?: number
  host?: string
  data?: string
}

export async function serveCommand(context: CommandContext, options: ServeOptions): Promise<number> {
  const { out, env } = context
  const port = options.port ?? portFromEnv(env.PORT)
  if (port === undefined) {
    out.error(`parley serve: PORT must be a port number (0-65535), not ${JSON.stringify(env.PORT)}`)
    return EXIT.invalid
  }
  const host = options.host ?? env.HOST ?? '127.0.0.1'
  const address = publicAddress(env.PARLEY_PUBLIC_URL, host)
  if (!address.ok) {
    out.error(`parley serve: ${address.message}`)
    return EXIT.invalid
  }
  const compute = computeSettings(env)
  if (!compute.ok) {
    out.error(`parley serve: ${compute.message}`)
    return EXIT.invalid
  }
  const opened = await openDatabase(context, options.data)
  if (!opened.ok) return EXIT.invalid
  const { store, location } = opened
  let setupToken: string | undefined
  if ((await store.countUsers()) === 0) {
    // A new token at every start until the first owner exists: only the latest printed one works.
    setupToken = newSecret('setup')
    await store.setSetting(SETUP_TOKEN_SETTING, secretHash(setupToken))
  }
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer({
      store,
      host,
      port,
      options: {
        ...(address.publicUrl ? { publicUrl: address.publicUrl } : {}),
        trustProxy: env.PARLEY_TRUST_PROXY === '1' || env.PARLEY_TRUST_PROXY === 'true',
        webRoot: env.PARLEY_WEB_ROOT ?? webRoot(),
        serveSourceMaps: env.PARLEY_SERVE_SOURCE_MAPS === '1' || env.PARLEY_SERVE_SOURCE_MAPS === 'true',
        compute: compute.compute,
      },
    })
  } catch (error) {
    await store.close()
    const code = (error as NodeJS.ErrnoException).code
    out.error(
      code === 'EADDRINUSE'
        ? `parley serve: port ${port} on ${host} is in use; stop what runs there or choose another with PORT=8081 or --port 8081`
        : `parley serve: can not listen on ${host}:${port} (${code ?? String(error)})`,
    )
    return EXIT.invalid
  }
  const c = out.colour
  out.print(`${c.bold('Parley')} is running at ${c.cyan(server.url)}`)
  out.print(`Data: ${describeLocation(location)}`)
  out.print(`API: ${server.url}/api (OpenAPI document at ${server.url}/api/openapi.json)`)
  if (!webRoot() && !env.PARLEY_WEB_ROOT)
    out.print(c.yellow('The web app is not built: run `npm run build` to serve it at /.'))
  for (const warning of address.warnings) out.error(c.yellow(`Warning: ${warning}`))
  if (setupToken) {
    out.print()
    out.print(c.bold('First start: there is no account yet.'))
    out.print(
      'Create the first owner with this one-time setup token (a new one is printed at each start until then):',
    )
    out.print(`  ${setupToken}`)
    out.print('Either on this machine:')
    out.print(`  parley user add --email you@example.com --name "Your Name"`)
    out.print('or over HTTP:')
    out.print(
      `  curl -X POST ${server.url}/api/setup -H 'Content-Type: application/json' -d '{"token":"${setupToken}","email":"you@example.com","name":"Your Name","password":"at least ${PASSWORD_MIN_LENGTH} characters, not a common one"}'`,
    )
  }
  out.print(c.dim('Stop with Ctrl+C.'))
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      out.print('Stopping: finishing requests in flight and closing the database.')
      void server.close().then(resolve, resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  return EXIT.ok
}

/**
 * The built web app: beside the command's bundle in the repository (packages/cli/dist →
 * packages/web/dist), or from the sources when run unbundled (packages/cli/src/commands).
 */
function webRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of ['../../web/dist', '../../../web/dist']) {
    const folder = resolve(here, candidate)
    if (existsSync(join(folder, 'index.html'))) return folder
  }
  return undefined
}

function portFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 8080
  const port = Number(value)
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined
}

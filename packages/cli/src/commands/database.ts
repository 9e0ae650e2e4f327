/**
 * The database behind `parley serve`, opened the same way by every command that needs it, and
 * `parley export-db` / `parley import-db`: every workspace to one JSON file and back, into an
 * empty database of either backend (how a team moves from SQLite to PostgreSQL).
 */
import { readFile, writeFile } from 'node:fs/promises'
import {
  describeLocation,
  locateStore,
  openStore,
  readDatabaseExport,
  type Store,
  type StoreLocation,
  StoreOpenError,
} from '@parley/store'
import type { CommandContext } from '../command-context'
import { EXIT } from '../exit-codes'

export type OpenedDatabase = { ok: true; store: Store; location: StoreLocation } | { ok: false }

/** `--data DIR` overrides PARLEY_DATA; DATABASE_URL, when set, wins over both (PostgreSQL). */
export async function openDatabase(context: CommandContext, data?: string): Promise<OpenedDatabase> {
  const env = data !== undefined ? { ...context.env, PARLEY_DATA: data } : context.env
  const location = locateStore(env, context.cwd)
  try {
    return { ok: true, store: await openStore(location), location }
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error
    // The message names the location (never with a password) and the reason.
    context.out.error(`parley: ${error.message}`)
    return { ok: false }
  }
}

export async function exportDbCommand(
  context: CommandContext,
  file: string,
  options: { data?: string },
): Promise<number> {
  const opened = await openDatabase(context, options.data)
  if (!opened.ok) return EXIT.invalid
  try {
    const dump = await opened.store.exportAll()
    const text = `${JSON.stringify(dump, null, 2)}\n`
    if (file === '-') context.out.print(text.trimEnd())
    else {
      try {
        await writeFile(file, text, { mode: 0o600 })
      } catch (error) {
        context.out.error(
          `${file}: can not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        )
        return EXIT.invalid
      }
      context.out.error(
        `Exported ${dump.workspaces.length} workspace(s), ${dump.users.length} user(s), ${dump.negotiations.length} negotiation(s) and ${dump.events.length} journal event(s) from ${describeLocation(opened.location)} to ${file}.`,
      )
    }
    return EXIT.ok
  } finally {
    await opened.store.close()
  }
}

export async function importDbCommand(
  context: CommandContext,
  file: string,
  options: { data?: string },
): Promise<number> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    context.out.error(`${file}: can not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    return EXIT.invalid
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    context.out.error(`${file}: is not JSON (${error instanceof Error ? error.message : String(error)})`)
    return EXIT.invalid
  }
  const read = readDatabaseExport(value)
  if (!read.ok) {
    for (const problem of read.problems.slice(0, 20))
      context.out.error(`${file} ${problem.path}: ${problem.message}`)
    if (read.problems.length > 20) context.out.error(`... and ${read.problems.length - 20} more problems`)
    context.out.error(`${file}: not a Parley database export; nothing was imported`)
    return EXIT.invalid
  }
  const opened = await openDatabase(context, options.data)
  if (!opened.ok) return EXIT.invalid
  try {
    const imported = await opened.store.importAll(read.dump)
    if (!imported.ok) {
      context.out.error(
        `parley import-db: ${describeLocation(opened.location)} already holds data; import only into an empty database (nothing was imported)`,
      )
      return EXIT.invalid
    }
    const counts = imported.value
    context.out.error(
      `Imported ${counts.workspaces} workspace(s), ${counts.users} user(s), ${counts.negotiations} negotiation(s), ${counts.events} journal event(s) and ${counts.tradeables} tradeable(s) into ${describeLocation(opened.location)}.`,
    )
    return EXIT.ok
  } finally {
    await opened.store.close()
  }
}

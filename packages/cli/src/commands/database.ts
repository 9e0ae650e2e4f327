/**
 * The database behind `parley serve`, opened the same way by every command that needs it, and
 * `parley export-db` / `parley import-db`: every workspace to one JSON file and back, into an
 * empty database of either backend (how a team moves from SQLite to PostgreSQL). An export holds
 * password and token hashes, so it is written owner-only (0600), also over an existing file; an
 * import is checked whole (import-check.ts) before anything is written.
 */
import { randomBytes } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
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
import { checkExportContents, formatImportProblem } from '../import-check'

/** Most problems an import lists before counting the rest. */
const LISTED_PROBLEMS = 20

/** Owner-only: an export holds every password and token hash. */
export const EXPORT_FILE_MODE = 0o600

/**
 * Writes the text to a new owner-only file beside the target, then renames it over the target: an
 * existing file (perhaps world-readable) is replaced, never rewritten in place, so nobody who
 * could read the old one, or holds it open, reads the new one; an interrupted export leaves the
 * old file whole.
 */
async function writeOwnerOnly(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx', EXPORT_FILE_MODE)
  try {
    // The mode given to open is narrowed by the umask, never widened; say it outright all the same.
    await handle.chmod(EXPORT_FILE_MODE)
    await handle.writeFile(text)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temporary, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

export type OpenedDatabase = { ok: true; store: Store; location: StoreLocation } | { ok: false }

/** `--data DIR` overrides PARLEY_DATA; DATABASE_URL, when set, wins over both (PostgreSQL). */
export async function openDatabase(context: CommandContext, data?: string): Promise<OpenedDatabase> {
  const env = data !== undefined ? { ...context.env, PARLEY_DATA: data } : context.env
  const location = locateStore(env, context.cwd)
  try {
    return { ok: true, store: await openStore(location, { env }), location }
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
        await writeOwnerOnly(file, text)
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
    listProblems(
      context,
      file,
      read.problems.map(({ path, message }) => `${path}: ${message}`),
    )
    context.out.error(`${file}: not a Parley database export; nothing was imported`)
    return EXIT.invalid
  }
  const problems = checkExportContents(read.dump)
  if (problems.length > 0) {
    listProblems(context, file, problems.map(formatImportProblem))
    context.out.error(
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in rows the server could not store or serve as they are; correct them in the database the export came from and export again (or in the file); nothing was imported`,
    )
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
      `Imported ${counts.workspaces} workspace(s), ${counts.users} user(s), ${counts.negotiations} negotiation(s), ${counts.events} journal event(s), ${counts.tradeables} tradeable(s) and ${counts.shareLinks} share link(s) into ${describeLocation(opened.location)}.`,
    )
    return EXIT.ok
  } finally {
    await opened.store.close()
  }
}

function listProblems(context: CommandContext, file: string, lines: readonly string[]): void {
  for (const line of lines.slice(0, LISTED_PROBLEMS)) context.out.error(`${file} ${line}`)
  if (lines.length > LISTED_PROBLEMS)
    context.out.error(
      `... and ${lines.length - LISTED_PROBLEMS} more problem${lines.length - LISTED_PROBLEMS === 1 ? '' : 's'}`,
    )
}

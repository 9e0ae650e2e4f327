/**
 * Writes whole files or nothing: each text goes to a temporary file beside its target, is flushed
 * to disk, and only then is put in place, so a reader never sees half a file and a failure (a full
 * disk, a name taken meanwhile) leaves no new file behind. Without `overwrite` a target that
 * exists is never replaced, even one created after the caller looked.
 */
import { randomBytes } from 'node:crypto'
import { link, open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface FileToWrite {
  path: string
  /** The whole content: text (written as UTF-8) or bytes. */
  text: string | Uint8Array
}

/** A target that exists, when overwriting was not allowed. */
export class TargetExists extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`)
  }
}

function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Puts a finished temporary file at its target without replacing one: a hard link fails when the
 * target exists, with no gap between looking and writing. Where links are not available, it looks
 * first and renames.
 */
async function placeNew(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new TargetExists(target)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error
  }
  const existing = await stat(target).then(
    () => true,
    () => false,
  )
  if (existing) throw new TargetExists(target)
  await rename(temporary, target)
}

export async function writeFilesAtomically(
  files: readonly FileToWrite[],
  options: { overwrite: boolean },
): Promise<void> {
  const temporaries: string[] = []
  const placed: string[] = []
  try {
    for (const file of files) {
      const temporary = temporaryBeside(file.path)
      const handle = await open(temporary, 'wx')
      temporaries.push(temporary)
      try {
        await handle.writeFile(file.text)
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    for (const [k, file] of files.entries()) {
      const temporary = temporaries[k] ?? ''
      if (options.overwrite) await rename(temporary, file.path)
      else await placeNew(temporary, file.path)
      placed.push(file.path)
    }
  } catch (error) {
    // New files only: with overwrite an old file has already been replaced and can not come back.
    if (!options.overwrite) for (const path of placed) await rm(path, { force: true })
    throw error
  } finally {
    for (const temporary of temporaries) await rm(temporary, { force: true })
  }
}

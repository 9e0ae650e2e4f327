/**
 * `parley export PLAN --as genius -o DIR`: the plan as a GENIUS domain and two profiles (ours, and
 * our estimate of theirs) in DIR, for research tools. The files hold both sides' weights, so they
 * are internal only, and the command says so every time. Nothing is written unless all three
 * files can be, and each appears whole.
 */
import { mkdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Problem } from '@parley/core'
import { exportGenius, GENIUS_FILE_NAMES } from '@parley/core/research'
import { TargetExists, writeFilesAtomically } from '../atomic-write'
import { type CommandContext, invalidInput, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { problemJson } from '../output'
import { loadPlan } from '../plan-file'
import type { ExportFormat } from '../research-files'

export interface ExportOptions {
  as: ExportFormat
  output: string
  force?: boolean
  json?: boolean
}

const INTERNAL_ONLY =
  'These files hold our weights and reservation and our estimate of theirs: internal only, never send them to the other side.'

function unwritable(directory: string, message: string): Problem {
  return { code: 'unwritable', severity: 'error', message, path: '', file: directory }
}

export async function exportCommand(
  context: CommandContext,
  file: string,
  options: ExportOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await loadPlan(resolve(context.cwd, file))
  if (!loaded.ok)
    return planRefused(
      context,
      json,
      loaded.errors.map((problem) => ({ ...problem, file })),
    )
  const result = exportGenius(loaded.plan)
  if (!result.ok)
    return invalidInput(
      context,
      json,
      result.errors.map((problem) => ({ ...problem, file })),
    )
  const warnings = result.warnings.map((problem) => ({ ...problem, file }))

  const directory = resolve(context.cwd, options.output)
  const kind = await stat(directory).then(
    (info) => (info.isDirectory() ? 'folder' : 'file'),
    () => 'none',
  )
  if (kind === 'file')
    return invalidInput(context, json, [unwritable(options.output, 'is a file, not a folder')])
  const targets = {
    domain: join(directory, GENIUS_FILE_NAMES.domain),
    us: join(directory, GENIUS_FILE_NAMES.us),
    them: join(directory, GENIUS_FILE_NAMES.them),
  }
  try {
    // The folder is made only now, when everything to go in it is ready.
    if (kind === 'none') await mkdir(directory, { recursive: true })
    await writeFilesAtomically(
      [
        { path: targets.domain, text: result.files.domain },
        { path: targets.us, text: result.files.us },
        { path: targets.them, text: result.files.them },
      ],
      { overwrite: options.force === true },
    )
  } catch (error) {
    if (error instanceof TargetExists) {
      const name = join(options.output, error.path.slice(directory.length + 1))
      return invalidInput(context, json, [unwritable(name, 'already exists; pass --force to overwrite it')])
    }
    const code = (error as NodeJS.ErrnoException).code
    return invalidInput(context, json, [
      unwritable(options.output, `can not be written (${code ?? 'unknown error'})`),
    ])
  }

  const shown = {
    domain: join(options.output, GENIUS_FILE_NAMES.domain),
    us: join(options.output, GENIUS_FILE_NAMES.us),
    them: join(options.output, GENIUS_FILE_NAMES.them),
  }
  if (json) {
    context.out.json({
      as: options.as,
      files: shown,
      scale: result.scale,
      internalOnly: true,
      warnings: warnings.map(problemJson),
    })
    return EXIT.ok
  }
  const { out } = context
  out.error(`${out.errColour.yellow('warning')} ${INTERNAL_ONLY}`)
  if (warnings.length > 0) out.problems(warnings)
  out.print(`Wrote the GENIUS domain and profiles of ${loaded.plan.title}:`)
  out.print(`  ${shown.domain}  the domain: ${loaded.plan.issues.length} issues, every level an item`)
  out.print(`  ${shown.us}  ours (${loaded.plan.parties.us.name})`)
  out.print(`  ${shown.them}  theirs as we estimate them (${loaded.plan.parties.them.name})`)
  out.print(
    result.scale.us === 1 && result.scale.them === 1
      ? "GENIUS's utility of every bundle is U / 100 for each side."
      : `GENIUS's utility of a bundle is ${result.scale.us} × U / 100 for us and ${result.scale.them} × U / 100 for them (see the warning).`,
  )
  return EXIT.ok
}

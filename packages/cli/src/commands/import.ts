/**
 * `parley import DOMAIN PROFILE_US PROFILE_THEM -o PLAN`: a plan from a GENIUS domain and two
 * profiles (XML), or their GeniusWeb JSON counterparts; the first profile is ours. Core reads and
 * checks everything; the plan is written only when all three files are sound, and atomically.
 */
import { resolve } from 'node:path'
import { compileSpace, type Problem } from '@parley/core'
import {
  importedPlanText,
  importResearch,
  RESEARCH_FORMAT_NAMES,
  RESEARCH_LIMITS,
  type ResearchFile,
} from '@parley/core/research'
import { TargetExists, writeFilesAtomically } from '../atomic-write'
import type { CommandContext } from '../command-context'
import { EXIT } from '../exit-codes'
import { count, problemJson } from '../output'
import { readTextFile } from '../plan-file'
import { importedPlanFormat } from '../research-files'

export interface ImportFiles {
  domain: string
  us: string
  them: string
}

export interface ImportOptions {
  output: string
  force?: boolean
  json?: boolean
}

function refused(
  context: CommandContext,
  json: boolean,
  errors: readonly Problem[],
  warnings: readonly Problem[] = [],
) {
  if (json) context.out.json({ errors: errors.map(problemJson), warnings: warnings.map(problemJson) })
  else context.out.problems([...errors, ...warnings])
  return EXIT.invalid
}

async function readResearchFile(context: CommandContext, file: string): Promise<ResearchFile | Problem[]> {
  const read = await readTextFile(resolve(context.cwd, file), RESEARCH_LIMITS.fileBytes)
  if (!read.ok) return read.errors.map((problem) => ({ ...problem, file }))
  return { text: read.text, file }
}

export async function importCommand(
  context: CommandContext,
  files: ImportFiles,
  options: ImportOptions,
): Promise<number> {
  const json = options.json === true
  const format = importedPlanFormat(options.output)
  if (!format) throw new Error('import: the verb checks the output file name before the command runs')
  const read = await Promise.all(
    [files.domain, files.us, files.them].map((file) => readResearchFile(context, file)),
  )
  const unread = read.flatMap((file) => (Array.isArray(file) ? file : []))
  const [domain, us, them] = read
  if (
    unread.length > 0 ||
    !domain ||
    !us ||
    !them ||
    Array.isArray(domain) ||
    Array.isArray(us) ||
    Array.isArray(them)
  )
    return refused(context, json, unread)

  const result = importResearch({ domain, us, them })
  if (!result.ok) return refused(context, json, result.errors, result.warnings)
  const text = importedPlanText(result.plan, format, options.output)
  if (!text.ok) return refused(context, json, text.errors, result.warnings)

  try {
    await writeFilesAtomically([{ path: resolve(context.cwd, options.output), text: text.text }], {
      overwrite: options.force === true,
    })
  } catch (error) {
    const message =
      error instanceof TargetExists
        ? 'already exists; pass --force to overwrite it'
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'can not be written: the folder does not exist'
          : `can not be written (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`
    return refused(context, json, [
      { code: 'unwritable', severity: 'error', message, path: '', file: options.output },
    ])
  }

  const { plan } = result
  const outcomes = compileSpace(plan).outcomes
  if (json) {
    context.out.json({
      file: options.output,
      format: result.format,
      title: plan.title,
      parties: { us: plan.parties.us.name, them: plan.parties.them.name },
      issues: plan.issues.length,
      outcomes,
      warnings: result.warnings.map(problemJson),
    })
    return EXIT.ok
  }
  if (result.warnings.length > 0) context.out.problems(result.warnings)
  const { out } = context
  out.print(
    `Wrote ${options.output}: ${plan.issues.length} issue${plan.issues.length === 1 ? '' : 's'}, ${count(outcomes)} possible bundles, from ${RESEARCH_FORMAT_NAMES[result.format]} (${files.domain}; ours ${plan.parties.us.name}, theirs ${plan.parties.them.name}).`,
  )
  out.print(
    result.format === 'genius'
      ? "Utilities follow GENIUS: each issue's evaluations are divided by the issue's highest and the weights normalised, so U = 100 × the profile's utility."
      : "Utilities follow GeniusWeb: scores are 100 × the value utilities, so U = 100 × the profile's utility.",
  )
  out.print(
    `The plan holds both sides' weights and reservations: private. Next: \`parley check ${options.output}\`.`,
  )
  return EXIT.ok
}

/**
 * `parley init --context C [-o FILE]`: a valid, commented starter plan for a context, with `<...>`
 * placeholders where only the user knows the answer and applicability left for them to answer;
 * JSON when FILE ends in .json, else YAML.
 */
import { writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Context, sourceFormatOf, starterPlan, starterPlanYaml } from '@parley/core'
import { type CommandContext, invalidInput } from '../command-context'
import { EXIT } from '../exit-codes'

export interface InitOptions {
  context: Context
  output?: string
  force?: boolean
  json?: boolean
}

/**
 * The published schema, relative to where the plan is written, when the plan is written inside
 * this checkout of Parley (a path into somebody's local checkout means nothing in another repository).
 */
function schemaReference(planDirectory: string): string | undefined {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
  if (relative(root, planDirectory).startsWith('..')) return undefined
  return relative(planDirectory, resolve(root, 'schema/plan.v1.json')).split('\\').join('/')
}

export async function initCommand(context: CommandContext, options: InitOptions): Promise<number> {
  const target = options.output ? resolve(context.cwd, options.output) : undefined
  const schemaRef = schemaReference(target ? dirname(target) : context.cwd)
  // The format follows the file's name, as for `parley import`: a .json file gets JSON (without the
  // comments, which JSON can not hold); anything else the commented YAML.
  const json = target !== undefined && sourceFormatOf(target) === 'json'
  const text = json
    ? `${JSON.stringify({ ...(schemaRef ? { $schema: schemaRef } : {}), ...starterPlan(options.context) }, null, 2)}\n`
    : starterPlanYaml(options.context, schemaRef ? { schemaRef } : {})
  if (!target || !options.output) {
    if (options.json) context.out.json({ context: options.context, file: null, text })
    else context.out.streams.stdout.write(text)
    return EXIT.ok
  }
  try {
    await writeFile(target, text, { flag: options.force ? 'w' : 'wx' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'EEXIST'
        ? 'already exists; pass --force to overwrite it'
        : code === 'ENOENT'
          ? 'can not be written: the folder does not exist'
          : `can not be written (${code ?? 'unknown error'})`
    return invalidInput(context, options.json === true, [
      { code: 'unwritable', severity: 'error', message, path: '', file: options.output },
    ])
  }
  if (options.json) context.out.json({ context: options.context, file: options.output, text })
  else {
    context.out.print(`Wrote ${options.output}: a ${options.context} starter plan.`)
    context.out.print(
      `Next: replace every <...> and answer applicability. \`parley check ${options.output}\` lists each placeholder left; \`parley lint ${options.output}\` refuses the plan until none is.`,
    )
  }
  return EXIT.ok
}

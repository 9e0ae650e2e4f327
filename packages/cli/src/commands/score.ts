/** `parley score PLAN --offer OFFER` (or `--bundle ISSUE=LEVEL ...`): both utilities of one bundle, the decision rule, and the margins. */
import {
  formatPath,
  type OfferScore,
  placeProblem,
  readOffer,
  readSource,
  scoreOffer,
  sourceFormatOf,
} from '@parley/core'
import { type CommandContext, invalidInput, planRefused, usageError } from '../command-context'
import { EXIT } from '../exit-codes'
import { pts, signed } from '../output'
import { loadPlan, readTextFile } from '../plan-file'
import { readTermWords } from '../terms'

export interface ScoreOptions {
  offer?: string
  /** `ISSUE=LEVEL` words, as the verbs take a bundle. */
  bundle?: string[]
  json?: boolean
}

/** Reads `--offer`: inline JSON when it starts with `{`, otherwise a JSON or YAML file. */
export async function readOfferArgument(argument: string) {
  const inline = argument.trimStart().startsWith('{')
  if (inline) return { ok: true as const, file: '--offer', source: readSource(argument, 'json', '--offer') }
  const read = await readTextFile(argument)
  if (!read.ok) return { ok: false as const, errors: read.errors }
  return {
    ok: true as const,
    file: argument,
    source: readSource(read.text, sourceFormatOf(argument) ?? 'json', argument),
  }
}

export async function scoreCommand(
  context: CommandContext,
  file: string,
  options: ScoreOptions,
): Promise<number> {
  const json = options.json === true
  if ((options.offer === undefined) === (options.bundle === undefined)) {
    return usageError(
      context,
      json,
      'score',
      'give the offer with --offer JSON|FILE or --bundle ISSUE=LEVEL ..., one of them',
    )
  }
  const loaded = await loadPlan(file)
  if (!loaded.ok) return planRefused(context, json, loaded.errors)
  if (options.bundle !== undefined) {
    const words = readTermWords(loaded.space, options.bundle)
    if (!words.ok)
      return invalidInput(context, json, [
        { code: 'bad_terms', severity: 'error', message: words.message, path: '', file: '--bundle' },
      ])
    const offer = readOffer(loaded.space, words.terms)
    if (!offer.ok)
      return invalidInput(
        context,
        json,
        offer.errors.map((problem) => ({
          code: problem.code,
          severity: problem.severity,
          message: problem.message,
          path: formatPath(problem.at),
          file: '--bundle',
        })),
      )
    return printed(context, json, scoreOffer(loaded.space, offer.offer))
  }
  const argument = await readOfferArgument(options.offer ?? '')
  if (!argument.ok) return invalidInput(context, json, argument.errors)
  if (argument.source.errors.length > 0) return invalidInput(context, json, argument.source.errors)
  const offer = readOffer(loaded.space, argument.source.value)
  if (!offer.ok) {
    return invalidInput(
      context,
      json,
      offer.errors.map((problem) => placeProblem(problem, argument.source, argument.file)),
    )
  }
  return printed(context, json, scoreOffer(loaded.space, offer.offer))
}

function printed(context: CommandContext, json: boolean, score: OfferScore): number {
  if (json) context.out.json(score)
  else printScore(context, score)
  return EXIT.ok
}

function printScore({ out }: CommandContext, score: OfferScore): void {
  const c = out.colour
  const mark = (ok: boolean) => (ok ? c.green('✓') : c.red('✗'))
  out.print(`U_us   ${c.bold(pts(score.utility.us))}`)
  out.print(`U_them ${c.bold(pts(score.utility.them))}  (our estimate of them)`)
  out.print()
  if (score.ruleChecks.length === 0)
    out.print(`Decision rule: ${c.dim('no machine-checkable rule in the plan')}`)
  else {
    out.print(`Decision rule: ${score.meetsDecisionRule ? c.green('met') : c.red('not met')}`)
    for (const check of score.ruleChecks) out.print(`  ${mark(check.met)} ${check.text}`)
  }
  if (score.limitChecks.length > 0) {
    out.print(`Our limits (private): ${score.breaksLimits ? c.red('broken') : c.green('kept')}`)
    for (const check of score.limitChecks) out.print(`  ${mark(check.met)} ${check.text}`)
  }
  out.print()
  const margin = (value: number | null, label: string) =>
    out.print(
      `${label} ${value === null ? c.dim('not in the plan') : value >= 0 ? c.green(signed(value)) : c.red(signed(value))}`,
    )
  margin(score.margin.reservation, 'Margin over our reservation:  ')
  margin(score.margin.batnaUs, 'Margin over our BATNA:        ')
  margin(score.margin.batnaThem, 'Their margin over their BATNA:')
}

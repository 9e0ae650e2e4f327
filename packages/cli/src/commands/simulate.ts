/**
 * `parley simulate PLAN`: plays Parley's method and two baselines against the same seeded,
 * simulated counterparts whose true preferences only the simulator knows, and prints how each
 * did (core's `simulate`). With `--workers W` above 1 the counterparts are split among worker
 * threads (piscina, loaded only then); the numbers are the same for any W.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  type CounterpartOutcome,
  GENERATOR_NAMES,
  type GeneratorName,
  type Plan,
  type Problem,
  placeProblem,
  readSource,
  readTruthDocument,
  type SimulationOptions,
  type SimulationReport,
  type SimulationSettings,
  type SimulationTask,
  type Space,
  simulate,
  sourceFormatOf,
  summarizeSimulation,
  type TruthSource,
} from '@parley/core'
import { type CommandContext, invalidInput, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { loadPlan, readTextFile } from '../plan-file'
import { progressBar } from '../progress'

export interface SimulateCommandOptions {
  counterparts?: number
  generator?: string
  rounds?: number
  answers?: 'rank' | 'pick'
  seed?: number
  workers?: number
  set?: Partial<SimulationSettings>
  json?: boolean
}

export async function simulateCommand(
  context: CommandContext,
  file: string,
  options: SimulateCommandOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await loadPlan(file)
  if (!loaded.ok) return planRefused(context, json, loaded.errors)
  const generator = await readGenerator(loaded.space, options.generator ?? 'perturbed')
  if (!generator.ok) return invalidInput(context, json, generator.errors)
  const simulation: SimulationOptions = {
    generator: generator.source,
    ...(options.counterparts !== undefined ? { counterparts: options.counterparts } : {}),
    ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
    ...(options.answers !== undefined ? { answers: options.answers } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.set ? { settings: options.set } : {}),
  }
  const progress = progressBar(context.out, 'simulating', 'counterparts')
  let report: SimulationReport
  try {
    report =
      (options.workers ?? 1) > 1
        ? await simulateOnWorkers(loaded.plan, simulation, options.workers ?? 1, progress.onProgress)
        : simulate(loaded.space, simulation, progress.onProgress)
  } finally {
    progress.stop()
  }
  if (json) {
    context.out.json({
      plan: file,
      generator: report.generator,
      counterparts: report.counterparts,
      seed: report.seed,
      strategies: report.strategies.map((strategy) => ({
        name: strategy.name,
        agreementRate: strategy.agreementRate,
        meanRounds: strategy.meanRounds,
        meanUs: strategy.meanUs,
        meanThem: strategy.meanThem,
        meanJoint: strategy.meanJoint,
        nashShare: strategy.nashShare,
        frontierDistance: strategy.frontierDistance,
        posteriorError: strategy.posteriorError,
      })),
    })
  } else printReport(context, file, report)
  return EXIT.ok
}

type GeneratorRead = { ok: true; source: TruthSource } | { ok: false; errors: Problem[] }

/** A generator's name, or a truth file read and checked against the plan. */
export async function readGenerator(space: Space, value: string): Promise<GeneratorRead> {
  if ((GENERATOR_NAMES as readonly string[]).includes(value))
    return { ok: true, source: value as GeneratorName }
  const format = sourceFormatOf(value)
  if (!format)
    return {
      ok: false,
      errors: [
        {
          code: 'unknown_generator',
          severity: 'error',
          message: `--generator must be ${GENERATOR_NAMES.join(', ')} or a truth file (.yaml, .yml or .json), not '${value}'`,
          path: '',
        },
      ],
    }
  const read = await readTextFile(value)
  if (!read.ok) return { ok: false, errors: read.errors }
  const source = readSource(read.text, format, value)
  if (source.errors.length > 0) return { ok: false, errors: source.errors }
  const truth = readTruthDocument(space, source.value)
  if (!truth.ok)
    return { ok: false, errors: truth.errors.map((problem) => placeProblem(problem, source, value)) }
  return { ok: true, source: { name: value, truth: truth.truth } }
}

/** Where the worker bundle is: beside the command's bundle, or built from source (packages/cli/dist). */
function workerFile(): string {
  const candidates = ['./simulate-worker.cjs', '../../dist/simulate-worker.cjs'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  )
  const found = candidates.find((candidate) => existsSync(candidate))
  if (!found)
    throw new Error(
      `the simulation worker is not built (looked for ${candidates.join(' and ')}); run \`npm run build\` at the repository root`,
    )
  return found
}

async function simulateOnWorkers(
  plan: Plan,
  options: SimulationOptions,
  workers: number,
  onProgress: (done: number, total: number) => void,
): Promise<SimulationReport> {
  const { Piscina } = await import('piscina')
  const total = options.counterparts ?? 200
  const pool = new Piscina<SimulationTask, CounterpartOutcome[]>({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
  })
  // Small tasks keep the threads evenly busy; each worker prepares the plan once and keeps it.
  const size = Math.max(1, Math.ceil(total / (workers * 8)))
  const tasks: number[][] = []
  for (let start = 0; start < total; start += size)
    tasks.push(Array.from({ length: Math.min(size, total - start) }, (_, k) => start + k))
  let done = 0
  try {
    const outcomes = await Promise.all(
      tasks.map(async (indexes) => {
        const result = await pool.run({ plan, options, indexes })
        done += indexes.length
        onProgress(done, total)
        return result
      }),
    )
    return summarizeSimulation(options, outcomes.flat())
  } finally {
    await pool.destroy()
  }
}

function figure(value: number | null, digits = 1): string {
  return value === null ? '—' : value.toFixed(digits)
}

function printReport({ out }: CommandContext, file: string, report: SimulationReport): void {
  const c = out.colour
  const answers = report.answers === 'rank' ? 'ranked' : 'picked from'
  out.print(
    c.bold(
      `${file}: ${report.counterparts} simulated counterparts (generator ${report.generator}, seed ${report.seed}, deadline ${report.settings.deadline} rounds)`,
    ),
  )
  const rows = report.strategies.map((strategy) => {
    const errors = strategy.posteriorError
    const first = errors?.[0]
    const last = errors?.at(-1)
    return [
      strategy.name,
      `${(strategy.agreementRate * 100).toFixed(1)}%`,
      figure(strategy.meanRounds),
      figure(strategy.meanUs),
      figure(strategy.meanThem),
      figure(strategy.meanJoint),
      strategy.nashShare === null ? '—' : `${(strategy.nashShare * 100).toFixed(1)}%`,
      figure(strategy.frontierDistance, 2),
      errors ? errors.map((error) => error.toFixed(3)).join(' → ') : '—',
      first !== undefined && last !== undefined && first > 0
        ? `${(((last - first) / first) * 100).toFixed(1)}%`
        : '—',
    ]
  })
  out.print(
    out.table(
      [
        'strategy',
        'agreements',
        'rounds',
        'U_us',
        'U_them (true)',
        'joint',
        'Nash share',
        'to frontier',
        'posterior error',
        'vs prior',
      ],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'],
    ),
  )
  out.print(
    c.dim(
      `Utilities in points; U_them, the Nash share (disagreement point: both true BATNAs) and the distance to the frontier use the counterpart's TRUE preferences and are averaged over agreements only. Posterior error: mean L1 distance between Parley's posterior mean weight shares and the true ones, before and after each of ${report.rounds} MESO sets ${answers} by the counterpart.`,
    ),
  )
}

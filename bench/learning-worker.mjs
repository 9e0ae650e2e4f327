// A worker thread of the simulate bench's learning table (BENCH_TABLE=learning): runs the learning
// run alone (`simulateLearning`) for one plan at one confidence, generator and answer kind, and
// posts back the mean posterior error after each answer [e0, e1, e2, e3]; with `oracle`, the
// oracle's bound's beside it (core's `oracleLearning`).
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

const core = await import(pathToFileURL(workerData.bundle).href)

/** The plan with every issue's `them.confidence` set to one level. */
function atConfidence(plan, confidence) {
  return { ...plan, issues: plan.issues.map((issue) => ({ ...issue, them: { ...issue.them, confidence } })) }
}

function load(file) {
  const text = readFileSync(file, 'utf8')
  return file.endsWith('.json') ? JSON.parse(text) : core.parsePlanText(text, { format: 'yaml' }).plan
}

const plans = new Map()
parentPort.on('message', (job) => {
  if (!plans.has(job.file)) plans.set(job.file, load(job.file))
  const space = core.compileSpace(atConfidence(plans.get(job.file), job.confidence))
  const indexes = Array.from({ length: job.counterparts }, (_, i) => i)
  const options = { generator: job.generator, answers: job.answers, counterparts: job.counterparts }
  const meanOf = (runs) =>
    Array.from(
      { length: runs[0]?.length ?? 0 },
      (_, k) => runs.reduce((sum, run) => sum + run[k], 0) / runs.length,
    )
  if (job.oracle) {
    // The oracle's bound beside Parley's run (BENCH_TABLE=oracle): the same counterparts and answers.
    const runs = core.oracleLearning(
      space,
      options,
      indexes,
      core.ORACLE_SAMPLES,
      job.oraclePrior === 'mixture' ? core.GENERATOR_NAMES : undefined,
    )
    parentPort.postMessage({
      ...job,
      mean: meanOf(runs.map((run) => run.parley)),
      oracle: meanOf(runs.map((run) => run.oracle)),
    })
    return
  }
  parentPort.postMessage({ ...job, mean: meanOf(core.simulateLearning(space, options, indexes)) })
})

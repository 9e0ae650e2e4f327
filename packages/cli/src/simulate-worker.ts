/**
 * The entry point of `parley simulate`'s worker threads (bundled on its own as
 * packages/cli/dist/simulate-worker.cjs and loaded by piscina): plays the counterparts it is given.
 */
import { type CounterpartOutcome, runSimulationTask, type SimulationTask } from '@parley/core'

export default function simulateTask(task: SimulationTask): CounterpartOutcome[] {
  return runSimulationTask(task)
}

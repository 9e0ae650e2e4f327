/**
 * The compute worker's entry point (bundled on its own as packages/server/dist/compute-worker.cjs,
 * loaded by the pool in worker threads). It says when it starts each task, so the pool can give
 * the task its deadline from then rather than from when it was queued behind others.
 */
import { parentPort } from 'node:worker_threads'
import type { ViewAnswer, ViewRequest } from './requests'
import { computeView } from './views'

export interface ComputeTask {
  /** The pool's number for the task, sent back when it starts. */
  task: number
  request: ViewRequest
}

/** The message a worker sends when it starts a task. */
export interface TaskStarted {
  started: number
}

export default function runTask({ task, request }: ComputeTask): ViewAnswer {
  parentPort?.postMessage({ started: task } satisfies TaskStarted)
  return computeView(request)
}

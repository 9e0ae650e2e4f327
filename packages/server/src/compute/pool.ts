/**
 * The compute pool: views are computed in worker threads (piscina), never on the thread that
 * answers requests, so a worst-case view can not stop `/api/health` or anyone's reads. Each task
 * gets a deadline from when it starts (a worker that runs past it is terminated and replaced), a
 * heap limit, and a work budget (checked inside core, see `withWorkBudget`). Waiting is bounded
 * too: a workspace has at most `perWorkspace` views in flight, the server at most `queue` waiting
 * for a thread, and a view that waits longer than `queueMs` is answered "busy".
 *
 * Identical requests in flight at the same time share one computation.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { ViewAnswer, ViewRequest } from './requests'
import type { ComputeTask, TaskStarted } from './worker'

export interface ComputeOptions {
  /** Worker threads computing views. */
  threads: number
  /** Views one workspace may have computing or waiting at once (429 above). */
  perWorkspace: number
  /** Views that may wait for a free thread across the server (503 above). */
  queue: number
  /** How long one view may compute, in ms, from when a thread starts it (422 after). */
  deadlineMs: number
  /** How long a view may wait for a free thread, in ms (503 after). */
  queueMs: number
  /** Steps of work one view may take (core's work budget; 3 to 5 ns each on a 2-core machine). */
  workBudget: number
  /** Heap of each worker thread, in MiB (422 when a view needs more). */
  memoryMb: number
  /** The worker bundle; by default the one `npm install` builds (packages/server/dist/compute-worker.cjs). */
  workerFile?: string
}

export const DEFAULT_COMPUTE: ComputeOptions = {
  // One core stays free for answering requests.
  threads: Math.max(1, availableParallelism() - 1),
  perWorkspace: 2,
  queue: 32,
  deadlineMs: 5_000,
  queueMs: 10_000,
  // About two seconds of the costliest work on a 2-core machine, well inside the deadline.
  workBudget: 5e8,
  memoryMb: 512,
}

export type ComputeRefusal =
  | { ok: false; reason: 'deadline'; limitMs: number }
  | { ok: false; reason: 'memory'; limitMb: number }
  | { ok: false; reason: 'workspace_busy'; limit: number }
  | { ok: false; reason: 'server_busy' }

export type ComputeOutcome = { ok: true; answer: ViewAnswer } | ComputeRefusal

export interface ComputePool {
  /** Computes a view for a workspace; `key` names the answer (identical keys in flight share one run). */
  view(workspaceId: string, key: string, request: Omit<ViewRequest, 'workBudget'>): Promise<ComputeOutcome>
  /** Ends the worker threads (answers in flight are refused as the server being busy). */
  close(): Promise<void>
  readonly options: ComputeOptions
}

/**
 * Where the worker bundle is: the server runs from source (tests; this file is
 * packages/server/src/compute/pool.ts) or bundled into packages/cli/dist/parley-server.cjs
 * (`parley serve`); the build writes the worker to packages/server/dist in both cases.
 */
export function defaultWorkerFile(): string {
  const candidates = ['../../dist/compute-worker.cjs', '../../server/dist/compute-worker.cjs'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  )
  const found = candidates.find((file) => existsSync(file))
  if (!found)
    throw new Error(
      `the compute worker is not built (looked for ${candidates.join(' and ')}); run \`npm install\` or \`npm run build\` at the repository root`,
    )
  return found
}

export function createComputePool(options: ComputeOptions): ComputePool {
  const filename = options.workerFile ?? defaultWorkerFile()
  let piscina: Piscina<ComputeTask, ViewAnswer> | undefined
  const starts = new Map<number, () => void>()
  const inFlight = new Map<string, Promise<ComputeOutcome>>()
  const perWorkspace = new Map<string, number>()
  let nextTask = 0

  // Threads start with the first view, so a server (or a test) that computes none starts none.
  const threads = () => {
    if (piscina) return piscina
    piscina = new Piscina<ComputeTask, ViewAnswer>({
      filename,
      minThreads: options.threads,
      maxThreads: options.threads,
      maxQueue: options.queue,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    })
    piscina.on('message', (message: TaskStarted) => starts.get(message.started)?.())
    return piscina
  }

  async function compute(request: Omit<ViewRequest, 'workBudget'>): Promise<ComputeOutcome> {
    const pool = threads()
    const task = ++nextTask
    const controller = new AbortController()
    let running = false
    let timer = setTimeout(() => controller.abort(), options.queueMs)
    starts.set(task, () => {
      clearTimeout(timer)
      running = true
      timer = setTimeout(() => controller.abort(), options.deadlineMs)
    })
    try {
      const answer = await pool.run(
        { task, request: { ...request, workBudget: options.workBudget } },
        { signal: controller.signal },
      )
      return { ok: true, answer }
    } catch (error) {
      if (controller.signal.aborted)
        return running
          ? { ok: false, reason: 'deadline', limitMs: options.deadlineMs }
          : { ok: false, reason: 'server_busy' }
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        return { ok: false, reason: 'memory', limitMb: options.memoryMb }
      // Closing the pool refuses what is queued; neither is the view's fault.
      if (
        /queue is at limit|pool is closed|Terminating worker thread/i.test(String((error as Error).message))
      )
        return { ok: false, reason: 'server_busy' }
      throw error
    } finally {
      clearTimeout(timer)
      starts.delete(task)
    }
  }

  return {
    options,
    view(workspaceId, key, request) {
      const shared = inFlight.get(key)
      if (shared) return shared
      const count = perWorkspace.get(workspaceId) ?? 0
      if (count >= options.perWorkspace)
        return Promise.resolve({ ok: false, reason: 'workspace_busy', limit: options.perWorkspace })
      perWorkspace.set(workspaceId, count + 1)
      const outcome = compute(request).finally(() => {
        inFlight.delete(key)
        const left = (perWorkspace.get(workspaceId) ?? 1) - 1
        if (left > 0) perWorkspace.set(workspaceId, left)
        else perWorkspace.delete(workspaceId)
      })
      inFlight.set(key, outcome)
      return outcome
    },
    async close() {
      const pool = piscina
      piscina = undefined
      if (pool) await pool.destroy()
    },
  }
}

/**
 * Learning a whole journal off the page's thread. The browser learns one more move in a few tens of
 * milliseconds, but the whole journal again — on opening without the server's learner state, or
 * after an edit to what learning reads (their weights, scores, confidence) — takes 50–250 ms: long
 * enough to freeze typing. A worker (learner-worker.ts) learns it with core's own `negotiation` and
 * sends the learner's state back, which the page resumes with the same figures to the bit (core's
 * property test). One request at a time: while one is learned, only the latest asked for waits —
 * typing asks for many, and only the last plan matters.
 */
import type { JournalEvent, LearnerState, Plan, Space } from '@parley/core'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface LearningRequest {
  id: number
  plan: Plan
  events: readonly JournalEvent[]
}

export type LearningAnswer = { id: number; state: LearnerState } | { id: number; error: string }

/** What the page needs of a worker. */
export interface LearningPort {
  postMessage(request: LearningRequest): void
  onmessage: ((message: MessageEvent<LearningAnswer>) => void) | null
  onerror: ((event: Event) => void) | null
  terminate(): void
}

/** A learner's state and the space it was learned on (by identity: the page's compiled space). */
export interface LearnedElsewhere {
  space: Space
  events: readonly JournalEvent[]
  state: LearnerState
}

interface Wanted {
  space: Space
  plan: Plan
  events: readonly JournalEvent[]
}

export class BackgroundLearning {
  private port: LearningPort | undefined
  private broken = false
  private inFlight: (Wanted & { id: number }) | undefined
  private waiting: Wanted | undefined
  private nextId = 1

  constructor(
    private readonly connect: (() => LearningPort) | undefined,
    private readonly onLearned: (learned: LearnedElsewhere) => void,
    /** The worker could not start or failed: the page learns for itself from now on. */
    private readonly onBroken: () => void,
  ) {}

  get available(): boolean {
    return this.connect !== undefined && !this.broken
  }

  /** Learns these moves on this plan elsewhere; a request for what is being learned already is not sent twice. */
  request(space: Space, plan: Plan, events: readonly JournalEvent[]): void {
    if (!this.available) return
    const same = (wanted: Wanted | undefined) => wanted?.space === space && wanted.events === events
    if (same(this.inFlight) || same(this.waiting)) return
    this.waiting = { space, plan, events }
    if (!this.inFlight) this.sendNext()
  }

  /** Stops the worker; a later request starts another. */
  close(): void {
    this.port?.terminate()
    this.port = undefined
    this.inFlight = undefined
    this.waiting = undefined
  }

  private sendNext(): void {
    const wanted = this.waiting
    this.waiting = undefined
    if (!wanted || !this.connect) return
    const port = this.port ?? this.open(this.connect)
    if (!port) return
    const id = this.nextId++
    this.inFlight = { ...wanted, id }
    port.postMessage({ id, plan: wanted.plan, events: wanted.events })
  }

  private open(connect: () => LearningPort): LearningPort | undefined {
    try {
      const port = connect()
      port.onmessage = (message) => this.answered(message.data)
      port.onerror = () => this.fail()
      this.port = port
      return port
    } catch {
      this.fail()
      return undefined
    }
  }

  private answered(answer: LearningAnswer): void {
    const done = this.inFlight
    if (!done || answer.id !== done.id) return
    this.inFlight = undefined
    // A bug in core is the page's to show: it learns for itself, and throws there.
    if ('error' in answer) {
      this.fail()
      return
    }
    this.onLearned({ space: done.space, events: done.events, state: answer.state })
    this.sendNext()
  }

  private fail(): void {
    this.broken = true
    this.close()
    this.onBroken()
  }
}

function connectWorker(): LearningPort {
  return new Worker(new URL('./learner-worker.ts', import.meta.url), {
    type: 'module',
    name: 'parley-learner',
  }) as unknown as LearningPort
}

export interface BackgroundLearningHandle {
  /** False where there are no workers (tests in Node) or the worker failed: learn on the page. */
  available: boolean
  /** The latest state learned elsewhere. */
  learned: LearnedElsewhere | undefined
  request(space: Space, plan: Plan, events: readonly JournalEvent[]): void
}

export function useBackgroundLearning(
  connect: (() => LearningPort) | undefined = typeof Worker === 'undefined' ? undefined : connectWorker,
): BackgroundLearningHandle {
  const [learned, setLearned] = useState<LearnedElsewhere>()
  const [available, setAvailable] = useState(connect !== undefined)
  const background = useRef<BackgroundLearning>(undefined)
  const instance = useCallback(() => {
    background.current ??= new BackgroundLearning(connect, setLearned, () => setAvailable(false))
    return background.current
  }, [connect])
  useEffect(() => () => background.current?.close(), [])
  const request = useCallback(
    (space: Space, plan: Plan, events: readonly JournalEvent[]) => instance().request(space, plan, events),
    [instance],
  )
  return { available, learned, request }
}

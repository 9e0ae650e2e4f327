/**
 * Views computed in worker threads, through the real application and the real worker bundle: a
 * view past its deadline, over its work budget or its memory answers 422 with what to change; a
 * busy workspace or server answers 429/503 with Retry-After; identical requests share one
 * computation; and after any of these the next view is computed as usual.
 */
import { readFileSync } from 'node:fs'
import { largestPlanYaml } from '@parley/core/testing'
import { testBackends } from '@parley/store/testing'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServerOverrides } from '../options'
import { type Harness, harness, type Team, team } from '../testing/harness'

const EXAMPLE = readFileSync(new URL('../../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const LARGEST = largestPlanYaml()
const [sqlite] = await testBackends()

describe.runIf(sqlite)('views in the compute pool', () => {
  let h: Harness | undefined
  afterEach(async () => {
    await h?.drop()
    h = undefined
  })

  async function start(options: ServerOverrides): Promise<{ h: Harness; t: Team }> {
    h = await harness(sqlite!, options)
    return { h, t: await team(h) }
  }

  async function negotiation(h: Harness, t: Team, yaml: string, workspaceId = t.workspaceId) {
    const token = workspaceId === t.workspaceId ? t.editor.token : t.outsider.token
    const created = await h.call('POST', `/api/workspaces/${workspaceId}/negotiations`, {
      as: { token },
      raw: { text: yaml, type: 'application/yaml' },
    })
    expect(created.status).toBe(201)
    return { path: `/api/workspaces/${workspaceId}/negotiations/${created.body.id}`, token }
  }

  /**
   * A view of the largest plan left running (`slow`, until its deadline), given time to take its
   * thread, and a small plan of the outsider's workspace (`theirs`) to ask for a view meanwhile.
   */
  async function busyWithLargest(h: Harness, t: Team) {
    const big = await negotiation(h, t, LARGEST)
    const theirs = await negotiation(h, t, EXAMPLE, t.outsider.workspaceId)
    const slow = h.call('GET', `${big.path}/meso`, { as: { token: big.token } })
    await new Promise((resolve) => setTimeout(resolve, 100))
    return { big, theirs, slow }
  }

  it('answers 422 at the deadline when a view runs long, and computes the next one in a fresh thread', async () => {
    // A budget no view reaches: the deadline is what stops it.
    const { h, t } = await start({ compute: { threads: 1, deadlineMs: 1_000, workBudget: 1e15 } })
    const big = await negotiation(h, t, LARGEST)
    const started = performance.now()
    const slow = await h.call('GET', `${big.path}/meso`, { as: { token: big.token } })
    const took = performance.now() - started
    expect(slow.status).toBe(422)
    expect(slow.body.error.code).toBe('over_deadline')
    expect(slow.body.error.message).toMatch(/longer than 1 s.*fewer levels.*parley meso/)
    expect(took).toBeGreaterThanOrEqual(1_000)
    expect(took).toBeLessThan(6_000)
    const small = await negotiation(h, t, EXAMPLE)
    const status = await h.call('GET', `${small.path}/status`, { as: { token: small.token } })
    expect(status.status).toBe(200)
    expect(status.body.version).toBe(1)
  })

  it('answers 422 with what to change when a view needs more work than the budget, before doing it', async () => {
    // Each refusal computes until the budget is spent (about 1.3 s here when idle): a deadline far
    // beyond that keeps a loaded machine from answering over_deadline first, which the test above covers.
    const { h, t } = await start({ compute: { threads: 1, deadlineMs: 60_000 } })
    const big = await negotiation(h, t, LARGEST)
    const started = performance.now()
    const exact = await h.call('GET', `${big.path}/frontier`, { as: { token: big.token } })
    expect(exact.status).toBe(422)
    expect(exact.body.error.code).toBe('over_budget')
    expect(exact.body.error.message).toMatch(
      /the exact frontier of this plan \(64 issues with up to 1000 levels/,
    )
    // Below the smallest meaningful bound: refused by the schema, saying what to do.
    const tiny = await h.call('GET', `${big.path}/frontier?epsilon=1e-300`, { as: { token: big.token } })
    expect(tiny.status).toBe(400)
    expect(tiny.body.error.message).toMatch(/query parameter epsilon: must be at least 0.000001/)
    // The smallest allowed bound on the largest plan: refused by the budget, step by step.
    const fine = await h.call('GET', `${big.path}/frontier?epsilon=0.000001`, { as: { token: big.token } })
    expect(fine.status).toBe(422)
    expect(fine.body.error.code).toBe('over_budget')
    expect(fine.body.error.message).toMatch(/a frontier within 0.000001 points/)
    // The views that choose a MESO set; status and debrief of an empty journal are cheap.
    for (const view of ['meso', 'coach', 'lint']) {
      const reply = await h.call('GET', `${big.path}/${view}`, { as: { token: big.token } })
      expect(reply.status, view).toBe(422)
      expect(reply.body.error.code, view).toBe('over_budget')
      expect(reply.body.error.message, view).toMatch(/64 issues with up to 1000 levels.*fewer levels/)
    }
    // Refused by counting, not by the clock (generous for a shared machine).
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  it('suggests an epsilon that fits, and the frontier asked with it is computed', async () => {
    // A 20 x 1,000 plan: its exact frontier (about 1.8e8 steps) is over this budget, epsilon 1 is not.
    const { h, t } = await start({ compute: { threads: 1, workBudget: 1e8 } })
    const mid = await negotiation(h, t, largestPlanYaml(20, 1000))
    const exact = await h.call('GET', `${mid.path}/frontier`, { as: { token: mid.token } })
    expect(exact.status).toBe(422)
    const epsilon = exact.body.suggestedEpsilon
    expect(typeof epsilon).toBe('number')
    expect(exact.body.error.message).toContain(`?epsilon=${epsilon}`)
    const coarse = await h.call('GET', `${mid.path}/frontier?epsilon=${epsilon}`, {
      as: { token: mid.token },
    })
    expect(coarse.status).toBe(200)
    expect(coarse.body.epsilon).toBe(epsilon)
  })

  it('caps the views one workspace computes at once (429), while other workspaces go on', async () => {
    const { h, t } = await start({
      compute: { threads: 2, perWorkspace: 1, deadlineMs: 1_500, workBudget: 1e15 },
    })
    const { big, theirs, slow } = await busyWithLargest(h, t)
    const second = await h.call('GET', `${big.path}/status`, { as: { token: big.token } })
    expect(second.status).toBe(429)
    expect(second.body.error.code).toBe('busy')
    expect(second.headers.get('retry-after')).toBe('1')
    const other = await h.call('GET', `${theirs.path}/status`, { as: { token: theirs.token } })
    expect(other.status).toBe(200)
    expect((await slow).status).toBe(422)
    // The slot is free again.
    const after = await h.call('GET', `${big.path}/frontier?epsilon=5`, { as: { token: big.token } })
    expect(after.status).not.toBe(429)
  })

  it('computes identical requests in flight once: the second shares the first rather than being refused', async () => {
    const { h, t } = await start({
      compute: { threads: 1, perWorkspace: 1, deadlineMs: 1_000, workBudget: 1e15 },
    })
    const big = await negotiation(h, t, LARGEST)
    // `69.5` and `69.50` are one query.
    const [first, second] = await Promise.all([
      h.call('GET', `${big.path}/meso?target=69.5`, { as: { token: big.token } }),
      h.call('GET', `${big.path}/meso?target=69.50`, { as: { token: big.token } }),
    ])
    expect(first.status).toBe(422)
    expect(second.status).toBe(422)
    expect(second.body).toEqual(first.body)
  })

  it('says the server is busy (503) when a view waits too long for a thread', async () => {
    // The wait allowed (1.5 s) ends well before the slow view's deadline (3 s), and is long enough
    // for the fresh thread that replaces the one stopped at the deadline to start on a busy machine
    // (at 0.3 s the view after it was once answered 503 too, with two browser tests running).
    const { h, t } = await start({
      compute: { threads: 1, deadlineMs: 3_000, queueMs: 1_500, workBudget: 1e15 },
    })
    const { theirs, slow } = await busyWithLargest(h, t)
    const waiting = await h.call('GET', `${theirs.path}/coach`, { as: { token: theirs.token } })
    expect(waiting.status).toBe(503)
    expect(waiting.body.error.code).toBe('busy')
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0)
    await slow
    const later = await h.call('GET', `${theirs.path}/coach`, { as: { token: theirs.token } })
    expect(later.status).toBe(200)
  })

  it('answers 422 when a view needs more memory than a thread may have', async () => {
    // A heap too small for the worker to do anything: every view runs out.
    const { h, t } = await start({ compute: { threads: 1, memoryMb: 4 } })
    const small = await negotiation(h, t, EXAMPLE)
    const reply = await h.call('GET', `${small.path}/lint`, { as: { token: small.token } })
    expect(reply.status).toBe(422)
    expect(reply.body.error.code).toBe('over_memory')
    expect(reply.body.error.message).toMatch(/more than 4 MiB of memory/)
  })
})

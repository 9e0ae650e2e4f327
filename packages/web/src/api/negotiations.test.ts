import { afterEach, describe, expect, it, vi } from 'vitest'
import { getLearned } from './negotiations'

const at = { workspaceId: 'w1', negotiationId: 'n1' }

/** A response whose body says whether the reader let go of it. */
function answer(status: number): { response: Response; cancelled: () => boolean } {
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"error":{"code":"plan_is_draft"}}'))
    },
    cancel() {
      cancelled = true
    },
  })
  return { response: new Response(body, { status }), cancelled: () => cancelled }
}

describe('getLearned', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lets go of a refusal at once, so the request does not stay open until its timeout', async () => {
    const refused = answer(409)
    const fetch = vi.fn(async () => refused.response)
    vi.stubGlobal('fetch', fetch)
    await expect(getLearned(at)).resolves.toBeUndefined()
    expect(fetch).toHaveBeenCalledWith('/api/workspaces/w1/negotiations/n1/learned', expect.anything())
    expect(refused.cancelled()).toBe(true)
  })

  it('gives nothing for 204 (nothing of theirs learned yet) and for a body that is not a learner state', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }))
    await expect(getLearned(at)).resolves.toBeUndefined()
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array([1, 2, 3]), { status: 200 }))
    await expect(getLearned(at)).resolves.toBeUndefined()
  })
})

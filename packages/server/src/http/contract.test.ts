import { describe, expect, it } from 'vitest'

describe('the API contract for clients', () => {
  it('exports types only, so a client bundles no server code', async () => {
    expect(Object.keys(await import('./contract'))).toEqual([])
  })
})

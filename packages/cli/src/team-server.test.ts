import { describe, expect, it } from 'vitest'
import { pickNegotiation, type Summary } from './team-server'

const summary = (id: string, title: string): Summary => ({ id, workspaceId: 'w1', title })
const ALL = [
  summary('n1', 'Offer to Sofia Marchetti, Senior Backend Engineer'),
  summary('n2', 'Acme renewal 2027'),
  summary('n3', 'Acme renewal 2026'),
  summary('n4', 'Senior'),
]

describe('pickNegotiation', () => {
  it('finds by id, then by full title in any case, then by the one title containing the name', () => {
    expect(pickNegotiation(ALL, 'n2')).toMatchObject({ ok: true, summary: { id: 'n2' } })
    expect(pickNegotiation(ALL, 'acme RENEWAL 2026')).toMatchObject({ ok: true, summary: { id: 'n3' } })
    expect(pickNegotiation(ALL, 'sofia')).toMatchObject({ ok: true, summary: { id: 'n1' } })
    // A full title wins over the titles that contain it.
    expect(pickNegotiation(ALL, 'senior')).toMatchObject({ ok: true, summary: { id: 'n4' } })
  })

  it('finds by the start of an id, four characters or more, as a short commit id names a commit', () => {
    const ids = [
      summary('09d54ff1-e7ed-4103-80c0-cc0fa843f38b', 'Northgate imaging pilot'),
      summary('09d5aa00-0000-4000-8000-000000000000', 'Acme renewal 2027'),
    ]
    expect(pickNegotiation(ids, '09d54ff1')).toMatchObject({
      ok: true,
      summary: { title: 'Northgate imaging pilot' },
    })
    expect(pickNegotiation(ids, '09D54')).toMatchObject({
      ok: true,
      summary: { title: 'Northgate imaging pilot' },
    })
    // Shorter than four characters: not an id's start (and no title contains it).
    expect(pickNegotiation(ids, '09d')).toMatchObject({ ok: false, code: 'not_found' })
    expect(pickNegotiation(ids, '09d5')).toEqual({
      ok: false,
      code: 'ambiguous_negotiation',
      message:
        "2 negotiations have ids starting with '09d5': name one by its id or full title: 'Northgate imaging pilot' (09d54ff1-e7ed-4103-80c0-cc0fa843f38b), 'Acme renewal 2027' (09d5aa00-0000-4000-8000-000000000000)",
    })
  })

  it('names the candidates with their ids rather than guess between them', () => {
    const picked = pickNegotiation(ALL, 'acme')
    expect(picked).toEqual({
      ok: false,
      code: 'ambiguous_negotiation',
      message:
        "2 negotiations have titles containing 'acme': name one by its id or full title: 'Acme renewal 2027' (n2), 'Acme renewal 2026' (n3)",
    })
  })

  it('says what the caller can see when nothing matches', () => {
    const picked = pickNegotiation(ALL.slice(0, 2), 'globex')
    expect(picked).toEqual({
      ok: false,
      code: 'not_found',
      message:
        "no negotiation you can see has the id or title 'globex', an id starting with it or a title containing it; you can see 'Offer to Sofia Marchetti, Senior Backend Engineer' (n1), 'Acme renewal 2027' (n2)",
    })
    expect(pickNegotiation([], 'globex')).toMatchObject({
      ok: false,
      message: "no negotiation you can see has the id or title 'globex': you can see none on this server",
    })
  })
})

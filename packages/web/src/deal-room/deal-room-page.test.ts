/**
 * The rendered deal room holds nothing of ours: for many leaky negotiations (distinctive private
 * values, internal evidence, a journal at any point, half of them closed), the page the other side
 * sees, rendered from the counterparty view the server sends, has no private value in its text or
 * its attributes (labels, titles), and shows the bundles on the table by their issues' names;
 * once agreed, with the alternatives offered before signing, nothing private either.
 */
import {
  alternativesBeforeSigning,
  compileSpace,
  counterpartyView,
  inferPriorities,
  replay,
} from '@parley/core'
import { acmePlan, closableLeakyNegotiationArb, event, leaks } from '@parley/core/testing'
import { runs } from '@parley/core/testing/runs'
import fc from 'fast-check'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Room } from './deal-room-page'

/** What a reader and a screen reader get: the text, and the words of labels and titles. */
function readable(html: string): string {
  const attributes = [...html.matchAll(/(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1])
  const text = html.replace(/<[^>]*>/g, ' ')
  return [text, ...attributes]
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
}

describe('the rendered deal room', () => {
  it('shows the other side nothing private, whatever the plan and the journal', () => {
    let signed = 0
    fc.assert(
      fc.property(closableLeakyNegotiationArb(), ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        // Once agreed, the alternatives the team would offer beside the agreement before signing.
        const alternatives = state.agreed
          ? alternativesBeforeSigning(space, state, inferPriorities(space, state.observations))
          : []
        const view = counterpartyView(space, state, undefined, alternatives)
        const offer = [...events].reverse().find((event) => event.type === 'offer-sent')
        const signing = alternatives.length > 0 ? '01JH0000000000000000000099' : null
        const room = {
          view,
          offerId: offer?.id ?? null,
          alternativesId: signing,
          closed: view.agreement !== null && signing === null,
        }
        const html = renderToStaticMarkup(
          createElement(Room, { token: 'pdr_test', room, reload: async () => undefined }),
        )
        expect(html).toContain(plan.parties.them.name.replace(/&/g, '&amp;'))
        // The offer on the table until the terms are agreed; then the agreed terms stand alone.
        if (!view.agreement)
          for (const bundle of view.bundles) expect(html).toContain(`Option ${bundle.label}`)
        else expect(html).not.toContain('What is on the table')
        if (signing) {
          signed++
          expect(html).toContain('Sign the agreement as it is')
          for (const k of alternatives.keys()) expect(html).toContain(`Sign alternative ${k + 1} instead`)
        }
        // A range's step is the difference of two levels they see; the matcher, which knows the
        // view's numbers and not their differences, would take a step of 100 for a rounded 99.51.
        const text = readable(html).replace(/, in steps of [\d,.]+/g, '')
        expect(leaks(plan, [text])).toEqual([])
      }),
      { numRuns: runs(60) },
    )
    // Some rooms asked for a signature beside alternatives: the property covered them.
    expect(signed).toBeGreaterThan(0)
  })
})

describe('signing in the deal room', () => {
  it('shows each alternative by where it differs from the agreed terms, beside a signature for each', () => {
    const plan = acmePlan()
    const space = compileSpace(plan)
    const agreedTerms = { price: 130000, rollout: 45, support: 'premium' }
    const events = [
      event('offer-sent', { bundles: [{ label: 'A', terms: agreedTerms }] }),
      event('agreed', { terms: agreedTerms }),
    ]
    const state = replay(space, events)
    const alternatives = [{ terms: { ...agreedTerms, support: 'enterprise' } }, { terms: agreedTerms }]
    const view = counterpartyView(space, state, undefined, alternatives)
    const room = {
      view,
      offerId: events[0]?.id ?? null,
      alternativesId: '01JH0000000000000000000099',
      closed: false,
    }
    const html = renderToStaticMarkup(
      createElement(Room, { token: 'pdr_test', room, reload: async () => undefined }),
    )
    const support = space.byId.get('support')
    const name = support?.name ?? 'support'
    const inSentence = /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name
    expect(readable(html)).toContain(`The agreed terms, but with ${inSentence} enterprise`)
    expect(readable(html)).toContain('The agreed terms as they are.')
    expect(html).toContain('Sign alternative 1 instead')
    expect(html).toContain('Sign alternative 2 instead')
    expect(html).toContain('Sign the agreement as it is')
    // Agreed: neither the offer that led to it nor the form that answers offers.
    expect(html).not.toContain('What is on the table')
    expect(html).not.toContain('Your answer')
  })
})

/**
 * The rendered deal room holds nothing of ours: for many leaky negotiations (distinctive private
 * values, internal evidence, a journal at any point, half of them closed), the page the other side
 * sees, rendered from the counterparty view the server sends, has no private value in its text or
 * its attributes (labels, titles), and shows the bundles on the table by their issues' names.
 */
import { compileSpace, counterpartyView, replay } from '@parley/core'
import { closableLeakyNegotiationArb, leaks } from '@parley/core/testing'
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
    fc.assert(
      fc.property(closableLeakyNegotiationArb(), ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const view = counterpartyView(space, state)
        const offer = [...events].reverse().find((event) => event.type === 'offer-sent')
        const room = { view, offerId: offer?.id ?? null, closed: view.agreement !== null }
        const html = renderToStaticMarkup(
          createElement(Room, { token: 'pdr_test', room, reload: async () => undefined }),
        )
        expect(html).toContain(plan.parties.them.name.replace(/&/g, '&amp;'))
        for (const bundle of view.bundles) expect(html).toContain(`Option ${bundle.label}`)
        // A range's step is the difference of two levels they see; the matcher, which knows the
        // view's numbers and not their differences, would take a step of 100 for a rounded 99.51.
        const text = readable(html).replace(/, in steps of [\d,.]+/g, '')
        expect(leaks(plan, [text])).toEqual([])
      }),
      { numRuns: runs(60) },
    )
  })
})

/** The suggested next move, from where the negotiation stands and the method's rules of play. */
import { listAnd } from '../language/english'
import type { Terms } from '../model/plan'
import { formatPoints } from '../scoring/figures'
import type { Space } from '../scoring/space'
import type { ConcessionLine } from './concessions'
import type { JointGain } from './joint-gain'
import { changesInWords } from './positions'
import { pendingAlternatives } from './post-settlement'
import type { RealityTest } from './reality'
import type { NegotiationState } from './replay'
import { giveawayInWords } from './trade-advice'

export interface NextMove {
  /** What to do, in one sentence. */
  text: string
  /** The command that helps, when there is one. */
  command?: string
}

export function nextMove(
  space: Space,
  state: NegotiationState,
  log: readonly ConcessionLine[],
  reality: RealityTest,
  /** How many post-settlement alternatives `status` shows (once an agreement is recorded). */
  alternatives = 0,
  /** A bundle better for both than the table under the current estimate (status's joint gain). */
  joint: JointGain | null = null,
): NextMove {
  const { plan } = space
  // The latest move: a note or a retraction recorded since does not change what comes next.
  const last = state.applied.findLast((event) => event.type !== 'note' && event.type !== 'retract')
  switch (state.stage) {
    case 'prepare':
      return {
        text: `finish the preparation: ${[!plan.batna?.us && 'our BATNA', plan.reservation === undefined && 'our reservation point'].filter(Boolean).join(' and ')}, written down before any call`,
        command: 'parley check PLAN',
      }
    case 'setup':
      return plan.decisionRule
        ? {
            text: 'open by confirming the decision rule and the issues in scope with them, then ask discovery questions',
            command: 'parley coach PLAN',
          }
        : {
            text: 'agree a decision rule with them first (how offers will be judged), and confirm which issues are in scope',
          }
    case 'first-move':
      if (state.offers.length === 0) {
        return state.interests.length === 0
          ? {
              text: 'ask discovery questions and record what they say matters (interest-stated) before any anchor or offer',
            }
          : {
              text: 'offer two or three bundles that are worth the same to us and meet the rule in different ways',
              command: 'parley meso PLAN',
            }
      }
      return {
        text: 'ask which bundle works best for them and why, and record their choice, ranking or counter',
      }
    case 'midgame': {
      // What the last concession asks of us applies while it is our latest move: once anything
      // else has happened (their counter, our contingency), that comes first.
      const lastLine = last?.type === 'concession' ? log.at(-1) : undefined
      if (lastLine?.flags.includes('one_way_run')) {
        return {
          text: 'stop conceding one way: the next move must pair any give with an explicit ask ("if we move on X, can you match us on Y?")',
        }
      }
      if (lastLine?.gift)
        return {
          text: 'the last concession was a gift: attach an ask to the next one, or ask for something back now',
        }
      // A get that moves nothing our way (it names where they already stand) leaves the give a gift in all but name.
      if (
        lastLine &&
        lastLine.giveCostUs > 1e-9 &&
        lastLine.getValueUs <= 1e-9 &&
        Object.keys(lastLine.get).length > 0
      )
        return {
          text: 'the last concession got nothing back: what it asked for is where they already stand, so ask for something that moves our way now, or attach a real ask to the next give',
        }
      if (reality.warning) return { text: reality.warning }
      if (last?.type === 'offer-rejected') {
        const counter = reality.items.find((item) => item.label === 'their counter')
        if (counter?.advice && counter.giveaway !== undefined)
          return {
            text: `${counter.advice}, rather than accept their counter: as it stands it gives away ${giveawayInWords(counter.giveaway, counter.givenBack)}`,
          }
        // Acceptable as it stands, but not the best both sides can do: create the value before taking it.
        if (counter?.verdict === 'accept' && joint && state.table)
          return {
            text: `their counter passes the reality test (it meets the rule and our limits), ${betterForBoth(space, state.table.terms, joint)}`,
            command: 'parley offer PLAN --joint-gain',
          }
        return counter
          ? { text: `reality-test their counter: ${counter.verdict} (${counter.reason})` }
          : {
              text: 'ask what would make it work for them, then send a new set built on what we learned',
              command: 'parley meso PLAN',
            }
      }
      if (last?.type === 'bundle-chosen' || last?.type === 'bundles-ranked') {
        const table = reality.items.find((item) => item.label === 'on the table')
        // Choosing the one bundle we offered is a yes to it: what is left is to write it down.
        if (state.offers.at(-1)?.bundles.length === 1 && table?.verdict === 'accept')
          return {
            text: 'they took the bundle we offered: record the agreement, with measurable terms, governance and an exit',
            command: 'parley agree PLAN --table',
          }
        if (
          table?.verdict === 'accept' &&
          plan.aspiration !== undefined &&
          table.utility.us >= plan.aspiration
        ) {
          return {
            text: 'the bundle they prefer meets our aspiration: move to close with measurable terms, governance and an exit',
          }
        }
        return {
          text: 'build the next set around what their choice revealed (it uses what we learned), or trade on the bundle they chose',
          command: 'parley meso PLAN',
        }
      }
      // Our concession is a proposal: the bundle it left on the table waits for their answer, unless
      // a bundle better for both is in sight, which is worth proposing before they answer.
      if (lastLine && state.table?.source === 'concession') {
        if (joint)
          return {
            text: `the bundle our concession left on the table is not the best both sides can do: before they answer, propose ${jointChanges(space, state.table.terms, joint)}`,
            command: 'parley offer PLAN --joint-gain',
          }
        // A bundle we could not sign (past our limits, off the rule, under our reservation or BATNA)
        // is not one to ask them to accept.
        const onTable = reality.items.find((item) => item.label === 'on the table')
        if (onTable && onTable.verdict !== 'accept')
          return {
            text: `the bundle our concession left on the table ${onTable.reason}: we cannot sign it as it stands, so before they answer, say which term we cannot keep and what would bring it back, or propose a bundle we can sign`,
          }
        return {
          text: 'ask whether they accept the bundle our concession left on the table, and record their answer: the agreement if they take it, their counter if they do not',
        }
      }
      // Our offer, sent and not yet answered: their answer is what comes next.
      if (last?.type === 'offer-sent')
        return (state.offers.at(-1)?.bundles.length ?? 0) > 1
          ? {
              text: 'ask which bundle works best for them and why, and record their choice, ranking or counter',
            }
          : {
              text: 'ask whether they accept our offer, and record their answer: that they took it, or their counter',
            }
      // Our contingency, proposed and not yet answered: their answer is what comes next.
      const proposed = last?.type === 'contingency-proposed' ? state.contingencies.at(-1) : undefined
      if (proposed && !proposed.accepted)
        return {
          text: 'ask whether they accept the contingency (the condition, how it is measured and reported, and what moves if it happens), and record it when they do',
          command: `parley accept-contingency PLAN ${proposed.contingency.id ?? proposed.eventId}`,
        }
      return {
        text:
          last?.type === 'contingency-accepted'
            ? 'the contingency is part of the deal: keep trading on the rest, pairing each give with a get'
            : 'keep trading, never gifting: pair each give with a get, and consider a contingency where your beliefs differ',
      }
    }
    case 'close':
      // Offered and not yet answered: what is left is to record what they sign.
      if (alternatives > 0 && pendingAlternatives(state))
        return {
          text: `wait for their signature: the agreement as it is, or ${alternatives === 1 ? 'the alternative' : `one of the ${alternatives} alternatives`} offered beside it; record the one they sign (the deal room records it when they sign there); then check the agreement has measures, thresholds, reporting, remedies, change control, an exit and a review cadence, and debrief`,
          command: 'parley agree PLAN --alternative N',
        }
      return alternatives > 0
        ? {
            text: `before signing, offer ${alternatives === 1 ? 'the post-settlement alternative' : `the ${alternatives} post-settlement alternatives`} beside the agreement (each at least as good for us; they keep the agreement if they prefer it) and record the one they sign; then check the agreement has measures, thresholds, reporting, remedies, change control, an exit and a review cadence, and debrief`,
            command: 'parley offer PLAN --alternatives',
          }
        : {
            text: 'check the agreement has measures, thresholds, reporting, remedies, change control, an exit and a review cadence; then debrief',
          }
    case 'debrief':
      return { text: 'finish the debrief answers and add what worked to the tradeables library' }
  }
}

/** `but a bundle is better for both: before accepting it, propose …` with the issues it changes. */
function betterForBoth(space: Space, table: Terms, joint: JointGain): string {
  return `but a bundle is better for both: before accepting it, propose ${jointChanges(space, table, joint)}`
}

/** The joint gain as changes to the table, with what each side gains: `uplift 5 % instead of 7 % (+1.2 for us, +0.8 for them …)`. */
function jointChanges(space: Space, table: Terms, joint: JointGain): string {
  const moves = listAnd(changesInWords(space, table, joint.terms))
  return `${moves} (+${formatPoints(joint.gain.us)} for us, +${formatPoints(joint.gain.them)} for them by our current estimate)`
}

/** The procurement playbook: the method's know-how for buyers running tenders, renewals and supplier negotiations, as data. */
import type { Playbook } from './types'

export const PROCUREMENT_PLAYBOOK: Playbook = {
  context: 'procurement',
  title: 'Procurement and vendor management',
  summary:
    "For buyers running a tender, a renewal or a supplier negotiation, often under audit and fairness rules. Publishing the award criteria steers competition towards what you actually value, inviting several equivalent bids per supplier shows where each one's costs really lie, and holdbacks, service credits and off-ramps share performance risk without relying on promises.",
  flow: [
    {
      stage: 'prepare',
      name: 'Needs, should-cost and alternatives',
      goal: 'Define the requirement, model what it should cost, and know your alternative and your approved limits.',
    },
    {
      stage: 'setup',
      name: 'Publish criteria',
      goal: 'Publish the weighted award criteria, the qualifying thresholds and how bids will be scored.',
    },
    {
      stage: 'first-move',
      name: 'Invite equivalent bids',
      goal: 'Ask each bidder for a small set of variants that all meet the criteria in different ways.',
    },
    {
      stage: 'midgame',
      name: 'Evaluate and clarify',
      goal: 'Score bids consistently, clarify what is unclear, and test them against benchmarks and your alternative.',
    },
    {
      stage: 'midgame',
      name: 'Negotiate risk sharing',
      goal: 'Agree holdbacks, credits, change control and exit terms that put each risk with the party best able to manage it.',
    },
    {
      stage: 'close',
      name: 'Award and contract',
      goal: 'Award on the published rule, write measurable service levels and governance, and debrief every bidder.',
    },
    {
      stage: 'debrief',
      name: 'Post-award review',
      goal: 'After the first reporting cycle, check the evaluation against delivered performance and refine the criteria.',
    },
  ],
  moves: [
    {
      id: 'procurement-should-cost',
      stages: ['prepare'],
      title: 'Build a should-cost and evidence pack',
      when: 'Before the tender is drafted.',
      how: 'Break the service into its cost drivers (labour, tooling, transition, margin) and gather benchmarks from peer organisations, public award notices and your own incumbent data.',
      signal: 'Bids cluster far from your model, in either direction.',
      risk: 'An unrealistic model that either frightens good suppliers away or invites underpriced bids that fail in delivery.',
      safeguard:
        'Check the model with a market consultation or peer buyers, and record every source and date.',
    },
    {
      id: 'procurement-strengthen-alternative',
      stages: ['prepare'],
      title: 'Know and strengthen your alternative',
      when: 'Before going to market, and in parallel throughout.',
      how: 'Cost your realistic fallback (extend the incumbent, split the award, bring work in-house, re-tender later) including its risks and timing. Get your limits approved by whoever owns the budget.',
      signal:
        'The evaluation drifts towards accepting whatever arrives because there is no credible fallback.',
      risk: 'A weak alternative that suppliers sense, leaving you with no room to decline a poor bid.',
      safeguard:
        'Negotiate an extension option with the incumbent early, and keep the approved limits in writing.',
    },
    {
      id: 'procurement-publish-criteria',
      stages: ['setup'],
      title: 'Publish the criteria and keep them stable',
      when: 'In the tender documents and at the clarification meeting.',
      how: 'State the weights for each criterion, the thresholds a bid must meet to qualify, how each criterion is scored and how ties are broken. Answer clarification questions to all bidders at once.',
      signal: 'Bidders ask the same question repeatedly, which means a criterion is unclear.',
      risk: 'Criteria that change mid-process invite challenges and destroy trust.',
      safeguard:
        'Lock the criteria before bids arrive; if a change is unavoidable, reissue it to every bidder with time to respond.',
    },
    {
      id: 'procurement-invite-meso',
      stages: ['first-move', 'midgame'],
      title: 'Invite equivalent variants from each bidder',
      when: 'When issuing the request for proposals or the best-and-final round.',
      how: 'Ask each bidder for a small set of variants that all meet the qualifying thresholds but balance price, service level and risk differently. Provide a grid so variants are comparable.',
      signal: 'A bidder prices one variant far above the others, which shows where its costs or worries lie.',
      risk: 'Too many variants overwhelm the evaluation panel.',
      safeguard:
        'Cap the number of variants, fix the grid format and score every variant with the same method.',
    },
    {
      id: 'procurement-score-consistently',
      stages: ['midgame'],
      title: 'Score independently, then moderate',
      when: 'As soon as bids are opened.',
      how: 'Evaluators score alone against the published method, then meet to moderate differences and record the reasons for each final score.',
      signal: "One evaluator's scores differ sharply from the others on the same evidence.",
      risk: 'Bias or a dominant voice deciding the award, and a record that cannot withstand audit.',
      safeguard: 'Written scoring notes, a moderator who does not score, and declarations of interest.',
    },
    {
      id: 'procurement-clarify',
      stages: ['midgame'],
      title: 'Clarify to understand, not to signal',
      when: 'When a bid is ambiguous or surprisingly cheap or expensive.',
      how: 'Ask bidders to explain assumptions, staffing and how service levels will be measured. Probe what would change their price if a requirement were relaxed.',
      signal: 'A bidder cannot explain how it will deliver at its price.',
      risk: "Questions that leak a target price or another bidder's terms.",
      safeguard:
        'Use a prepared question list, keep clarifications equal across bidders and never quote rival bids.',
    },
    {
      id: 'procurement-share-risk',
      stages: ['midgame'],
      title: 'Share performance risk with holdbacks and credits',
      when: 'When reliability matters as much as price.',
      how: 'Hold back part of the fee until the service report confirms performance, set service credits for missed levels, and add change control and step-in rights. Place each risk with the party that controls it.',
      signal: 'A bidder raises its price sharply to cover penalties it fears.',
      risk: 'Penalties so heavy that good suppliers price in fear or walk away.',
      safeguard:
        'Cap credits, allow a cure period for minor misses, and make holdback release automatic once the report confirms the level.',
    },
    {
      id: 'procurement-trade-for-risk',
      stages: ['midgame'],
      title: 'Trade security for performance',
      when: 'When a supplier resists a service level or holdback.',
      how: 'Offer what is cheap for you and valuable to them (a longer notice period, reference rights, faster payment, a volume forecast) in exchange for a higher service level or a tighter response commitment.',
      signal: 'The supplier values revenue certainty or a public reference more than margin.',
      risk: 'Trading away the exit you need if the service fails.',
      safeguard:
        'Keep an off-ramp for repeated breaches whatever notice period is agreed, and log every give and get.',
    },
    {
      id: 'procurement-reality-test',
      stages: ['midgame'],
      title: 'Test bids against your alternative and benchmarks',
      when: 'Before shortlisting and again before the award.',
      how: 'Compare the best variant with your fallback over the whole contract: total cost, transition cost, service level and risk. Check it against peer benchmarks and your should-cost model.',
      signal:
        'The best bid is worth less to you than your fallback, or wins only on a criterion with little real value.',
      risk: 'Awarding because the process has momentum rather than because the bid is good enough.',
      safeguard:
        'Make no-award an explicit, approved outcome of the process, and pause rather than accept a bid below your limits.',
    },
    {
      id: 'procurement-face-saving',
      stages: ['midgame'],
      title: 'Let suppliers move without losing face',
      when: 'When a supplier needs to improve its bid but cannot be seen to buy the contract at a loss.',
      how: 'Offer choices that change the structure rather than the margin alone: a lower transition fee against a longer notice period, a reference right, a phased start. Let them pick among options that all meet the criteria.',
      signal:
        'The account team wants to move but says its finance or delivery side will not accept a plain price cut.',
      risk: 'Structural changes that hide a real price increase.',
      safeguard: 'Score every changed variant on the same published method, over the full contract.',
    },
    {
      id: 'procurement-award-governance',
      stages: ['close'],
      title: 'Award on the rule and write governance',
      when: 'When evaluation is complete and approvals are in place.',
      how: 'Award strictly on the published scoring. Write service definitions, thresholds, reporting, credits, holdback release, change control, review cadence, escalation and termination terms. Record the fairness story: why this bid, on these criteria, at this price.',
      signal: 'Operational details are pushed to after contract signature.',
      risk: 'A contract that the operations team cannot run or enforce.',
      safeguard:
        'Include the contract manager in final negotiations and schedule the first service review before signature.',
    },
    {
      id: 'procurement-debrief-bidders',
      stages: ['debrief'],
      title: 'Debrief every bidder and review the evaluation',
      when: 'After the award, and again after the first reporting cycle.',
      how: "Give each unsuccessful bidder a factual debrief against the published criteria. Internally, compare the winning bid's promises with delivered performance and refine the criteria and templates.",
      signal: "The winner's performance diverges from what the scores predicted.",
      risk: 'Vague debriefs invite challenges and make good suppliers less likely to bid next time.',
      safeguard:
        'Base every debrief on the scoring record, and keep a register of lessons for the next tender.',
    },
  ],
  discovery: [
    {
      id: 'procurement-q-cost-drivers',
      text: 'Which parts of our requirement drive most of your cost, and what would change if we relaxed them?',
      purpose: 'Shows where a small change in the requirement frees a large saving.',
    },
    {
      id: 'procurement-q-surplus',
      text: 'What could you offer that costs you little because you already run it for other clients?',
      purpose:
        'Finds items that are cheap for the supplier and valuable to you (shared desks, tooling, reporting).',
    },
    {
      id: 'procurement-q-worries',
      text: 'Which of our proposed terms worries your delivery team most, and why?',
      purpose:
        'Locates the risks they are pricing in, where a better-designed safeguard could lower the price.',
    },
    {
      id: 'procurement-q-value',
      text: 'Beyond the revenue, what would being our supplier do for you?',
      purpose: 'Reveals the value of a reference, a market entry or a longer relationship as a tradeable.',
    },
    {
      id: 'procurement-q-timing',
      text: 'Does the timing of award, start or payment matter to you, and how?',
      purpose: 'Identifies timing preferences that can be traded at little cost to you.',
    },
    {
      id: 'procurement-q-transition',
      text: 'What would a safe transition from the current provider look like, and what would you need from us?',
      purpose: 'Surfaces transition risks and the support that keeps the transition fee down.',
    },
    {
      id: 'procurement-q-measure',
      text: 'How do you measure and report the service levels you propose, and could we see the underlying data?',
      purpose: 'Tests whether service levels are verifiable enough to carry credits and holdbacks.',
    },
    {
      id: 'procurement-q-change',
      text: 'How would you price changes in scope or volume after award?',
      purpose: 'Exposes future cost risk and the basis for change-control terms.',
    },
    {
      id: 'procurement-q-team',
      text: 'Who exactly would deliver this, and what else are they committed to?',
      purpose: 'Checks delivery capacity behind the bid and the case for key-person terms.',
    },
  ],
  typicalIssues: [
    'Annual service fee (USD/year)',
    'One-off transition fee (USD)',
    'Uptime service level (% per month)',
    'Priority incident response (minutes)',
    'Service desk hours (coverage)',
    'Holdback until the service report (% of annual fee)',
    'Service credit cap (% of monthly fee)',
    'Termination for convenience notice (months)',
    'Price indexation (% per year)',
    'Payment terms (days)',
    'Contract length (years)',
    'Liability cap (multiple of annual fee)',
  ],
  tradeables: [
    'Longer termination notice for the supplier',
    'Reference and case-study rights',
    'Faster payment terms',
    'Volume forecast or minimum commitment',
    "Extension options at the buyer's choice",
    'Phased transition timetable',
    'Early access to sites, systems and data for onboarding',
    "Use of the supplier's shared tooling or monitoring",
    'Lower holdback against higher service credits',
    'Adding adjacent services to the same contract',
    'Supplier-delivered training for in-house staff',
    'Continuous-improvement or innovation budget',
  ],
  phrases: [
    {
      id: 'procurement-open',
      kind: 'open',
      stages: ['prepare', 'setup'],
      direct:
        'Thank you for bidding. Today we want to understand your proposal in detail and test it against the published criteria, covering {issues}. {them}, please tell us where our requirement drives your cost.',
      indirect:
        'Thank you for the work your team has put into this bid. We would like to understand it properly before evaluating it. Could {them} walk us through your thinking on {issues}, and tell us where our requirements make things harder for you?',
    },
    {
      id: 'procurement-rule',
      kind: 'decision-rule',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: 'Every bid from every supplier is scored on the same published basis: {rule}',
      indirect:
        'So that everyone is treated alike, {us} will evaluate all bids on the basis published in the tender. We would be glad to clarify anything in it: {rule}',
    },
    {
      id: 'procurement-discovery',
      kind: 'discovery',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct:
        'On {issues}: which of our requirements cost you most, and what would change if we relaxed them?',
      indirect:
        'Could you help us understand how {issues} look from your side? If any of our requirements add cost without adding much value, we would like to know.',
    },
    {
      id: 'procurement-bundles',
      kind: 'bundles',
      stages: ['first-move'],
      direct:
        'Here are {count} example structures, {labels}, each of which would qualify. Bid against any of them, or send variants of your own that meet the thresholds and balance price, service and risk differently. Every variant is scored on the published criteria.',
      indirect:
        'To make bidding easier, we have sketched {count} example structures, {labels}, each of which would qualify. You are welcome to bid against any of them or to propose your own variants, which helps us see where your strengths lie. Every variant will be scored on the published criteria.',
    },
    {
      id: 'procurement-bundles-counter',
      kind: 'bundles',
      stages: ['midgame'],
      direct:
        'We have set out {count} structures, {labels}, that would each work for us. Please price the structure that suits your delivery model best, or all of them.',
      indirect:
        'To help the conversation, we have outlined {count} structures, {labels}, each acceptable on our side. Would you be willing to tell us which fits your delivery model best, and how you would price it?',
    },
    {
      id: 'procurement-bundle-emphasis',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Structure {label} gives most weight to {emphasis}: {terms}.',
      indirect:
        'Structure {label} leans towards {emphasis}: {terms}. How would that sit with your delivery team?',
    },
    {
      id: 'procurement-bundle',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Structure {label}: {terms}.',
      indirect:
        'Structure {label} would look like this: {terms}. How would that sit with your delivery team?',
    },
    {
      id: 'procurement-recap',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'For the record, the terms on the table now read: {terms}.',
      indirect:
        'So that we are working from the same figures, the terms on the table now read: {terms}. Could you confirm that matches your records?',
    },
    {
      id: 'procurement-recap-proposal',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'For the record, your proposal reads: {proposal}.',
      indirect:
        'So that we are working from the same figures, your proposal reads: {proposal}. Could you confirm that matches your records?',
    },
    {
      id: 'procurement-counter-trade',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct: 'We can accept {granted} if your bid comes with {asked}.',
      indirect: 'If we were able to accept {granted}, would you be in a position to offer {asked} with it?',
    },
    {
      id: 'procurement-counter-held',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct: 'We cannot accept the bid as it stands: our position remains {held}, as in our last offer.',
      indirect:
        'We have reviewed your proposal carefully, and our position remains {held}, as in our last offer. Is there a way to bring your bid closer to it?',
    },
    {
      id: 'procurement-trade',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct: 'We can offer more on {give} if your bid improves on {get}.',
      indirect: 'If we were able to move on {give}, would you be in a position to improve your bid on {get}?',
    },
    {
      id: 'procurement-trade-risk',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct: 'We can move on {give} in exchange for a firmer commitment on {get}.',
      indirect:
        'Could we look at {give} together with {get}, so that both sides carry a fair share of the risk?',
    },
    {
      id: 'procurement-benchmark',
      kind: 'benchmark',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: '{claim}: {low} to {high} {unit}. Bids are reviewed against that reference.',
      indirect:
        'For transparency, here is a reference we are using. {claim}: {low} to {high} {unit}. If your bid differs, we would like to understand why.',
    },
    {
      id: 'procurement-benchmark-rationale',
      kind: 'benchmark',
      stages: ['first-move', 'midgame'],
      direct: 'For {issue}, {source} shows {low} to {high} {unit}. {rationale}',
      indirect:
        'On {issue}, the figures we have from {source} run from {low} to {high} {unit}. This is how we interpret them, and we are open to evidence that points another way. {rationale}',
    },
    {
      id: 'procurement-contingency',
      kind: 'contingency',
      stages: ['midgame'],
      direct:
        'We propose tying this to measured performance: {contingency}. The contract names the data source, and both sides can see it.',
      indirect:
        'Would a term like this give both sides comfort: {contingency}? We would agree together how it is measured and reported.',
    },
    {
      id: 'procurement-face-saving',
      kind: 'face-saving',
      stages: ['midgame'],
      direct:
        'On {issue}, you can choose how to improve: any of the structures that meet the criteria is acceptable, and each will be scored the same way.',
      indirect:
        'On {issue}, would it help if you chose among structures that meet the criteria, so you can present the change in the way that works best for your team?',
    },
    {
      id: 'procurement-pause',
      kind: 'pause',
      stages: ['first-move', 'midgame'],
      direct:
        'That request does not fit the published basis, so we cannot accept it as it stands. Let us pause this point and return to it once {revisit}. The basis, for reference: {rule}',
      indirect:
        'We are not able to fit that within the basis every bidder was given, and we want to treat everyone fairly. Could we set it aside for now and come back to it once {revisit}? The published basis was: {rule}',
    },
    {
      id: 'procurement-fairness-why',
      kind: 'fairness',
      stages: ['close'],
      direct: 'Why this award is fair: {story}',
      indirect:
        'This is how we would explain the award to any bidder or auditor, and we would welcome your view: {story}',
    },
    {
      id: 'procurement-fairness',
      kind: 'fairness',
      stages: ['close'],
      direct: 'The award follows the published basis: {rule}',
      indirect:
        'We believe these terms follow the basis every bidder was given. The published basis was: {rule}',
    },
    {
      id: 'procurement-post-settlement',
      kind: 'post-settlement',
      stages: ['close'],
      direct:
        'Before the award: we would be just as happy with {alternatives}. If {either} suits you better, we will award on those terms instead; if not, the award stands as agreed.',
      indirect:
        'Before the award, one question: we would be just as happy with {alternatives}. Would {either} suit your team better? If not, we will award as agreed.',
    },
    {
      id: 'procurement-close',
      kind: 'close',
      stages: ['close'],
      direct:
        'The award is on these terms: {terms}. The contract will set out service definitions, reporting, credits, holdback release, change control and the review schedule.',
      indirect:
        'We would like to confirm the terms as we understand them, {terms}, and agree together how performance will be reported and reviewed. Could we send a draft for your team to check?',
    },
  ],
  debrief: [
    {
      id: 'procurement-value-created',
      text: 'Where did the process create value beyond a lower price: service levels, risk sharing, transition support?',
    },
    {
      id: 'procurement-bundles-worked',
      text: 'Which variants did bidders submit, and what did their pricing across variants reveal about their costs and fears?',
    },
    {
      id: 'procurement-missed-signals',
      text: "Which signals about suppliers' priorities did we miss: fiscal timing, the value of a reference, delivery concerns?",
    },
    {
      id: 'procurement-safeguards',
      text: 'Which safeguards (holdback, credits, off-ramp, change control) shaped the bids, and which were priced in heavily for little benefit?',
    },
    {
      id: 'procurement-next-time',
      text: 'What will we change in the criteria, the variant grid or the should-cost model for the next tender?',
    },
    {
      id: 'procurement-criteria-held',
      text: 'Did the published criteria select the supplier we would choose with hindsight, and would the award record withstand an audit or challenge?',
    },
  ],
}

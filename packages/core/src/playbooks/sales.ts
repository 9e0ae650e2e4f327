/** The sales playbook: the method's know-how for selling to a business or consumer buyer, as data. */
import type { Playbook } from './types'

export const SALES_PLAYBOOK: Playbook = {
  context: 'sales',
  title: 'Sales (business and consumer)',
  summary:
    "For account teams selling to a buying group: a champion who wants the outcome, a signer who carries the risk and often a sourcing team that needs a saving to report. Price is rarely the only lever: rollout pace, billing, term, support and service levels let you meet the buyer's test in several ways while keeping price tied to what is actually delivered.",
  flow: [
    {
      stage: 'prepare',
      name: 'Account map and limits',
      goal: 'Know who buys, who signs and who can block, and fix your own walk-away and trade sheet before the first call.',
    },
    {
      stage: 'setup',
      name: 'Discovery alignment',
      goal: 'Agree in units and dates how the buyer will judge success, and list every issue that can move.',
    },
    {
      stage: 'first-move',
      name: 'Value framing',
      goal: 'Connect the outcome the buyer wants to evidence, benchmarks and your cost drivers before any price is named.',
    },
    {
      stage: 'first-move',
      name: 'Proposal structuring',
      goal: "Put a small set of equivalent bundles on the table, each passing the buyer's test by a different route.",
    },
    {
      stage: 'midgame',
      name: 'Objection handling',
      goal: 'Answer each objection with a trade, a contingency or a standard rather than an unreturned discount.',
    },
    {
      stage: 'close',
      name: 'Close and handover',
      goal: 'Write measurable terms, service levels, review cadence and escalation, then hand over cleanly to delivery.',
    },
    {
      stage: 'debrief',
      name: 'Win-loss review',
      goal: 'Record what the buyer valued and which bundle they chose, and update your bundles, evidence and trade sheet.',
    },
  ],
  moves: [
    {
      id: 'sales-map-buying-group',
      stages: ['prepare', 'setup'],
      title: 'Map the buying group',
      when: 'Before you propose anything, and again whenever a new name appears.',
      how: 'List the signer, the champion, sourcing, legal and security reviewers. For each, note what they want, how much risk they tolerate and what they must report upward (a saving, a launch date, a capped spend).',
      signal:
        'A stakeholder you have never met starts shaping requirements, or the champion cannot describe how the signer decides.',
      risk: 'You build the deal around the champion and it stalls with a reviewer who was never consulted.',
      safeguard:
        'Ask the champion who else has to be comfortable, and request a short meeting with each person who can say no.',
    },
    {
      id: 'sales-set-limits',
      stages: ['prepare'],
      title: 'Fix your walk-away and trade sheet',
      when: 'Before the first commercial conversation.',
      how: 'Write down your best outcome if this deal does not happen, your reservation and any per-issue limits. Price every tradeable at its real cost to you, and get discount and term authority agreed with your deal desk in advance.',
      signal:
        'You catch yourself wanting the signature at almost any price, or you are improvising authority on the call.',
      risk: 'Concessions made under pressure that finance later refuses, or that fall below your reservation.',
      safeguard:
        'Pre-approved ranges for each lever, and "let me check and come back to you" treated as normal practice.',
    },
    {
      id: 'sales-map-decision-rule',
      stages: ['setup'],
      title: 'Learn how the buyer will decide',
      when: 'In the first substantive call, before any price is discussed.',
      how: 'Ask how the signer will judge that this worked: which measure, what threshold, by when. Write it down in units, read it back and ask the champion whether the economic buyer would put it the same way.',
      signal: 'Answers stay general ("we want value") or different stakeholders give different tests.',
      risk: "You optimise for the champion's test while finance or procurement applies another one at the end.",
      safeguard:
        'Offer a draft rule they can edit, confirm it with each decision maker, and put it in the written recap.',
    },
    {
      id: 'sales-frame-value',
      stages: ['first-move'],
      title: 'Frame value with evidence before price',
      when: 'Once the rule is agreed and before you show any figures.',
      how: "Size what the buyer's current situation costs them and what meeting the rule is worth, using their own data where possible. Cite benchmark ranges with their sources and explain your main cost drivers in plain language.",
      signal: 'The buyer questions your sources or your assumptions.',
      risk: 'Return-on-investment claims that sound like spin and cost you credibility.',
      safeguard:
        'Use conservative ranges, state every assumption, and invite them to replace your figures with theirs.',
    },
    {
      id: 'sales-present-meso',
      stages: ['first-move', 'midgame'],
      title: 'Present equivalent bundles',
      when: 'After discovery, when you know enough to build options that pass their rule.',
      how: 'Show a small set of bundles side by side (for example one led by price, one by speed, one by reliability). Each must pass their rule and be equally acceptable to you. Ask which comes closest and what they would change.',
      signal: 'They start picking the best element of each bundle.',
      risk: 'A long menu causes decision fatigue, and a bundle that is quietly worse for you becomes the one they pick.',
      safeguard:
        'Keep the set small, score every bundle against your limits before the call, and treat each cherry-pick as a trade to rebalance.',
    },
    {
      id: 'sales-tie-price-to-service',
      stages: ['midgame'],
      title: 'Link fees to delivery both sides can check',
      when: 'When the buyer doubts the launch date, adoption or reliability, or wants to pay only as value arrives.',
      how: 'Link fees to observable milestones and service levels: phased rollout by region or team, billing at go-live gates, service credits when a level is missed.',
      signal: 'Arguments start about how a service level or milestone will be measured.',
      risk: 'Ambiguous metrics or uncapped credits turn a good deal into a dispute.',
      safeguard:
        'Define each metric, its data source, reporting and cap, and an exit right only for repeated breaches.',
    },
    {
      id: 'sales-trade-objections',
      stages: ['midgame'],
      title: 'Turn price objections into trades',
      when: 'When sourcing or finance asks for a discount or a further concession.',
      how: 'First ask what the reduction must achieve (a budget fit, a saving to report, parity with a rival quote). Then move on price only against something of value to you: a longer term, faster payment, reference rights, narrower scope or a slower rollout. Log every give and get.',
      signal: 'Asks keep coming without anything offered back.',
      risk: 'The price loses its anchor and the buyer learns that pressure works.',
      safeguard:
        'Keep a concession log, never concede in the same breath as the ask, and test their willingness with a modest swap before anything bigger.',
    },
    {
      id: 'sales-use-contingency',
      stages: ['midgame'],
      title: 'Bridge doubt with a contingent term',
      when: 'When you and the buyer disagree about what will happen (go-live, usage, outcomes) rather than about what is fair.',
      how: 'Write an if-then term: if go-live slips for reasons on your side, a fee steps down or credits apply; if usage grows past a tier, pricing moves with it.',
      signal: 'Nobody can agree which data would show that the condition occurred.',
      risk: 'You commit to a consequence that depends on things you do not control.',
      safeguard:
        'Tie contingencies only to metrics both sides can observe and you can influence, cap the exposure, and define the data source first.',
    },
    {
      id: 'sales-face-saving',
      stages: ['midgame'],
      title: 'Give each approver a story to tell',
      when: 'When a stakeholder goes quiet or keeps raising the same point after the substance is settled.',
      how: 'Shape the package so sourcing can report a reduction against list, the signer can report capped spend and the champion can report the date. Offer a choice between fair variants rather than a single take-or-refuse proposal.',
      signal:
        'The buyer warms to a variant that changes how the deal reads without changing what it is worth.',
      risk: 'Face-saving turns into an extra gift on top of the trades.',
      safeguard:
        'Build every variant from trades worth the same to you, and check it against your limits before offering it.',
    },
    {
      id: 'sales-reality-test',
      stages: ['midgame'],
      title: 'Reality-test against the alternatives',
      when: 'When the buyer cites a rival quote, or you feel pulled towards crossing a limit.',
      how: "Compare the offer on the table with your own walk-away and, like for like, with the buyer's likely alternative: total cost over the term, time to value, risk and support. Ask them to run the comparison against their own rule.",
      signal:
        'The deal under discussion is worth less to you than walking away, or the rival offer only wins on a narrow measure.',
      risk: 'Revealing your floor while making the comparison.',
      safeguard:
        'Compare on their rule and on public standards, never on your reservation, and pause rather than cross it.',
    },
    {
      id: 'sales-close-with-governance',
      stages: ['close'],
      title: 'Close with measurable terms and governance',
      when: 'When the buyer has chosen a bundle and the open points are small.',
      how: 'Define go-live, uptime and incident severity; give each a threshold, a report and a remedy; agree how changes are requested. Add a quarterly business review, a named escalation contact and an exit for repeated breaches. Draft the fairness story in a short paragraph the signer could repeat.',
      signal: 'Someone says a detail can be sorted out after signature.',
      risk: 'Context is lost between sales and delivery, and disputes surface at the first renewal.',
      safeguard:
        'Bring delivery into the closing call, write the review cadence into the contract and send a written handover.',
    },
    {
      id: 'sales-debrief-win-loss',
      stages: ['debrief'],
      title: 'Run a win-loss review',
      when: 'Shortly after signature or loss, while memories are fresh.',
      how: 'Compare the outcome with your aspiration, note which bundle was chosen and why, update the real cost of each tradeable and share the lessons with the deal desk.',
      signal: 'The same objection appears across several deals.',
      risk: 'Hindsight blame that teaches nothing.',
      safeguard:
        'Work from neutral notes, discuss decisions rather than people, and change the offer rather than only the script.',
    },
  ],
  discovery: [
    {
      id: 'sales-q-success',
      text: 'When this is live and working, what will you measure to know it was worth it, and by when?',
      purpose: 'Gives the draft decision rule in units and a time frame.',
    },
    {
      id: 'sales-q-status-quo',
      text: 'What does the current way of working cost you today, in time, money or risk?',
      purpose: 'Sizes the value at stake and the urgency, and supplies figures for value framing.',
    },
    {
      id: 'sales-q-approval',
      text: 'Who else needs to be comfortable before this is signed, and what will each of them look for?',
      purpose: 'Reveals the approval path and reviewers who could block late.',
    },
    {
      id: 'sales-q-budget',
      text: 'Which budget does this come from, when does that budget cycle turn, and how would you like the spend to land across the year?',
      purpose: 'Opens trades on billing schedule, term and start date.',
    },
    {
      id: 'sales-q-timing',
      text: 'What event makes the date matter, and what happens on your side if it slips?',
      purpose: 'Measures the value of speed and points to contingencies worth offering.',
    },
    {
      id: 'sales-q-past',
      text: 'What went wrong the last time you bought something like this?',
      purpose: 'Shows their risk posture and which safeguards will carry weight with approvers.',
    },
    {
      id: 'sales-q-report',
      text: 'What will you need to be able to say about this deal internally once it is signed?',
      purpose: 'Surfaces face-saving needs: a saving to report, a capped spend, a date kept.',
    },
    {
      id: 'sales-q-flex',
      text: 'Across price, rollout, term and support, where do you have room and where are you fixed?',
      purpose: 'Separates their firm constraints from their preferences and locates the tradeables.',
    },
    {
      id: 'sales-q-compare',
      text: 'How will you compare the options in front of you, and what would make the comparison fair?',
      purpose: 'Hints at their alternative and lets you make the comparison like for like.',
    },
  ],
  typicalIssues: [
    'Annual subscription fee (USD/year)',
    'Rollout to go-live (days after signature)',
    'Billing schedule (schedule)',
    'Payment terms (days)',
    'Contract term (months)',
    'Renewal price cap (% per year)',
    'Support tier (tier)',
    'Service credit cap (% of monthly fee)',
    'Uptime commitment (% per month)',
    'Seats or volume (seats)',
    'Implementation services (USD one-off)',
    'Exit on repeated service breaches (breaches per quarter)',
  ],
  tradeables: [
    'Billing schedule and payment terms',
    'Phased or regional rollout',
    'Support tier upgrade',
    'Training and enablement sessions',
    'Case-study and reference rights',
    'Co-marketing or a joint webinar',
    'Price protection at renewal',
    'Longer term in exchange for an exit on service breaches',
    'Pilot or proof-of-value gate',
    'Named customer success manager',
    'Early access to roadmap features',
    'Volume commitment across future years',
  ],
  phrases: [
    {
      id: 'sales-open',
      kind: 'open',
      stages: ['prepare', 'setup'],
      direct:
        'Thanks for the time. Before any proposal, I suggest we agree how {them} will judge success, then go through what can move: {issues}.',
      indirect:
        'Thank you for making the time. Would it help if we started with how {them} will judge success, and then looked together at {issues}? We would rather understand your situation properly than rush to a proposal.',
    },
    {
      id: 'sales-rule',
      kind: 'decision-rule',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct:
        'Here is the test I heard, and every option we bring will pass it. Please correct anything that is off: {rule}',
      indirect:
        'May I check that I have understood how {them} will decide, and would your colleagues put it the same way? As I heard it: {rule}',
    },
    {
      id: 'sales-discovery',
      kind: 'discovery',
      stages: ['prepare', 'setup', 'first-move'],
      direct: 'On {issues}: where do you have room, where are you fixed, and what sits behind each?',
      indirect:
        'Could you walk us through {issues}? It would help to hear which of these your team feels strongly about and which have some give.',
    },
    {
      id: 'sales-bundles',
      kind: 'bundles',
      stages: ['first-move', 'midgame'],
      direct:
        'Here are {count} options, {labels}. Each meets the test we agreed by a different route. Tell me which comes closest and what you would change.',
      indirect:
        'We have prepared {count} options, {labels}, and each respects the test we agreed. Could we look at them together, and could you tell us which feels closest to what you need?',
    },
    {
      id: 'sales-bundle',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Option {label} is built around {emphasis}: {terms}.',
      indirect:
        'Option {label} leans towards {emphasis}: {terms}. Would that shape suit the way your team plans to roll out?',
    },
    {
      id: 'sales-bundle-plain',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Option {label}: {terms}.',
      indirect: 'Option {label} would look like this: {terms}. How would that sit with your team?',
    },
    {
      id: 'sales-recap',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'To recap where we are: {terms}.',
      indirect:
        'Just so we are looking at the same thing, what is on the table now reads: {terms}. Does that match your notes?',
    },
    {
      id: 'sales-recap-proposal',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'To recap your proposal: {proposal}.',
      indirect:
        'Just so we are looking at the same thing, your proposal reads: {proposal}. Does that match your notes?',
    },
    {
      id: 'sales-counter-trade',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct:
        'We cannot take your proposal as it stands, but we can agree to {granted} if we settle on {asked} with it.',
      indirect:
        'Thank you for the proposal. Would it work for your side if we agreed to {granted} and settled on {asked} at the same time?',
    },
    {
      id: 'sales-counter-held',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct:
        'We cannot take your proposal as it stands. What we can do is still {held}, as in our last offer.',
      indirect:
        'We have looked hard at your proposal, and the most we can do is still {held}, as in our last offer. Could we go through it together again?',
    },
    {
      id: 'sales-trade',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct:
        'We can look at {give}, provided {get} moves our way as part of the same change. Shall I work up both together?',
      indirect:
        'Would it work for your side if we found some room on {give} and, in return, you were able to help us on {get}?',
    },
    {
      id: 'sales-trade-price',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct:
        'A change on {give} is possible when it comes with movement on {get}. On its own, it would not hold up on our side.',
      indirect:
        'We would like to help on {give}. Could we look at {get} at the same time, so that both teams can explain the change internally?',
    },
    {
      id: 'sales-benchmark',
      kind: 'benchmark',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: '{claim}: {low} to {high} {unit}. That is the reference we are pricing against.',
      indirect:
        'It may help to share the reference we use. {claim}: {low} to {high} {unit}. Does that fit what you have seen in the market?',
    },
    {
      id: 'sales-benchmark-rationale',
      kind: 'benchmark',
      stages: ['first-move', 'midgame'],
      direct: 'For {issue}, {source} gives {low} to {high} {unit}. {rationale}',
      indirect:
        'On {issue}, the range we rely on comes from {source}: {low} to {high} {unit}. Here is how we read it, and we would welcome your view. {rationale}',
    },
    {
      id: 'sales-contingency',
      kind: 'contingency',
      stages: ['midgame'],
      direct:
        'So that neither side carries this risk alone, we will put it in writing: {contingency}. We measure it from data both of us can see.',
      indirect:
        'Would it reassure your team if the agreement said this: {contingency}? We would choose the data source together.',
    },
    {
      id: 'sales-face-saving',
      kind: 'face-saving',
      stages: ['midgame'],
      direct:
        'On {issue}, you choose the variant that works best for your internal review. Every variant meets the standard we agreed.',
      indirect:
        'We do not want anyone to be in a difficult spot internally over {issue}. Would it be easier if you chose between variants that all meet the standard, rather than us settling it across the table?',
    },
    {
      id: 'sales-pause',
      kind: 'pause',
      stages: ['first-move', 'midgame'],
      direct:
        'That request falls outside what we agreed, and I would rather park it than force it. Can we come back to it once {revisit}? For reference, the test was: {rule}',
      indirect:
        'I do not think we can make that fit, and I would not want to promise something we cannot deliver. Would it be all right to take a break and return to it once {revisit}? The test we agreed was: {rule}',
    },
    {
      id: 'sales-fairness-why',
      kind: 'fairness',
      stages: ['close'],
      direct: 'Why this is fair to both sides: {story}',
      indirect:
        'This is how we would explain to anyone on either side why these terms are fair, and we would like to know whether you see it the same way: {story}',
    },
    {
      id: 'sales-fairness',
      kind: 'fairness',
      stages: ['close'],
      direct: 'These terms meet the test we agreed at the start: {rule}',
      indirect:
        'As far as we can see, these terms meet the test we agreed at the start. As we heard it: {rule}',
    },
    {
      id: 'sales-post-settlement',
      kind: 'post-settlement',
      stages: ['close'],
      direct:
        'Before we sign: we would be just as happy with {alternatives}. If {either} suits you better, we will sign it instead; if not, we sign what we agreed.',
      indirect:
        'Before we sign, one question: we would be just as happy with {alternatives}. Would {either} suit you better? If not, we will go ahead with what we agreed.',
    },
    {
      id: 'sales-close',
      kind: 'close',
      stages: ['close'],
      direct:
        'To confirm what we are signing: {terms}. Next we write the definitions, service levels, review dates and escalation path, so nothing is left for later.',
      indirect:
        'Shall I write up what we have agreed, {terms}, with how we will measure it and when we will review it, and send it round so everyone can check it?',
    },
  ],
  debrief: [
    {
      id: 'sales-value-created',
      text: 'What value did we add beyond price, and which trade did most of the work?',
    },
    {
      id: 'sales-bundles-worked',
      text: 'Which bundle did the buyer lean towards first, what did they change, and what did that tell us about their priorities?',
    },
    {
      id: 'sales-missed-signals',
      text: 'Which signals about their priorities did we miss or read late: a stakeholder, a date, a budget constraint?',
    },
    {
      id: 'sales-safeguards',
      text: 'Which safeguards (milestones, credits, exit terms) carried weight with their approvers, and which did we trade away too cheaply?',
    },
    {
      id: 'sales-next-time',
      text: 'What will we change in our bundles, evidence pack or approval ranges before the next deal of this kind?',
    },
    {
      id: 'sales-price-integrity',
      text: 'Did every move on price buy something in return, and could we defend the agreed price to the next customer of this size?',
    },
  ],
}

/** The partnership playbook: the method's know-how for business development, alliances and data or IP sharing deals, as data. */
import type { Playbook } from './types'

export const PARTNERSHIP_PLAYBOOK: Playbook = {
  context: 'partnership',
  title: 'Partnerships and business development',
  summary:
    'For alliances, co-development, distribution and data-sharing deals, where each side brings something the other cannot easily build and both will work together for years. Value comes from swapping assets that are cheap for the giver and valuable to the receiver; the hard parts are the scope of IP and data, who controls what, how either side can verify the other, and how to stop cleanly.',
  flow: [
    {
      stage: 'prepare',
      name: 'Asset and risk inventory',
      goal: 'List what each side brings, what each fears losing, who can veto, and where you would stop.',
    },
    {
      stage: 'setup',
      name: 'Shared purpose and guardrails',
      goal: 'Agree the joint outcome and the protections each side must be able to prove, and make them the decision rule.',
    },
    {
      stage: 'first-move',
      name: 'Structure options',
      goal: 'Offer a small set of deal structures that vary scope, field of use, economics and control, all within the guardrails.',
    },
    {
      stage: 'midgame',
      name: 'IP, data and governance design',
      goal: 'Settle field of use, ownership of improvements, audit rights, steering and suspension in verifiable terms.',
    },
    {
      stage: 'midgame',
      name: 'Pilot and gates',
      goal: 'Narrow the first phase to a pilot with agreed metrics and a dated gate for expansion.',
    },
    {
      stage: 'close',
      name: 'Term sheet and operating model',
      goal: 'Sign measurable terms together with a steering charter, escalation path, suspension rules and an orderly exit.',
    },
    {
      stage: 'debrief',
      name: 'Partnership health review',
      goal: 'After the first steering cycle, check the value delivered, the state of trust and what to adjust.',
    },
  ],
  moves: [
    {
      id: 'partnership-inventory-assets',
      stages: ['prepare'],
      title: 'Inventory the assets on both sides',
      when: 'Before the first meeting, and whenever the scope changes.',
      how: 'For each asset (reach, data, brand, technology, expertise, credibility) note what it costs its owner to share and what it is worth to the other side. Mark the pairs where both sides give from surplus.',
      signal: 'You cannot name anything they bring except money.',
      risk: 'Overvaluing your own asset and undervaluing theirs, which makes every later trade feel lopsided.',
      safeguard: 'Test your valuation with a neutral colleague and against comparable published deals.',
    },
    {
      id: 'partnership-map-vetoes',
      stages: ['prepare', 'setup'],
      title: 'Find the real veto holders',
      when: "Early, before the sponsor makes promises on their organisation's behalf.",
      how: 'Identify who can stop the deal (legal, privacy, brand, a committee or a board), when they meet, and what exposure each carries personally. Note past incidents that shape their caution.',
      signal: 'The sponsor is enthusiastic but vague about who approves and when.',
      risk: 'A deal agreed with the sponsor is rejected by a control function that was never engaged.',
      safeguard:
        'Ask to meet the control functions early and separately, and design terms around what they must be able to show.',
    },
    {
      id: 'partnership-agree-guardrails',
      stages: ['setup'],
      title: 'Turn guardrails into the decision rule',
      when: 'At the first working session, before any structure is proposed.',
      how: 'Write the joint goal and the protections each side needs as one shared test: what the partnership must achieve, and the controls it must never break. Include your own must-haves as shared conditions, not as demands.',
      signal: 'They decline to state a rule, or the draft protects only one side.',
      risk: 'A one-sided rule that makes every later option look like a concession from you.',
      safeguard:
        'Offer a draft for them to edit, and make sure it includes what makes the partnership worth doing for you.',
    },
    {
      id: 'partnership-swap-assets',
      stages: ['first-move'],
      title: 'Trade from surplus',
      when: 'When shaping the first structures.',
      how: 'Pair items each side already holds in abundance: your audience against their product depth, their credibility against your content, their data against your analysis, credit or early access. Put the pairing in the same clause so the balance is visible.',
      signal: "One side keeps valuing its asset at market price and the other's at cost.",
      risk: 'Giving away something you later need to sell to others.',
      safeguard:
        'Bound every grant by field, territory and time, and keep rights you may want to license elsewhere.',
    },
    {
      id: 'partnership-present-structures',
      stages: ['first-move', 'midgame'],
      title: 'Offer equivalent structures',
      when: 'Once the guardrails are agreed.',
      how: 'Present a small set of structures worth the same to you: for example narrow and deep, broad and light, or staged with a gate. Each respects the guardrails. Ask which they could take to their approvers and what they would change.',
      signal: 'Their choice shows which of scope, control or economics matters most to them.',
      risk: 'Structures that look equal to you but one quietly shifts risk onto you.',
      safeguard: 'Score each structure against your limits before presenting, including exit costs.',
    },
    {
      id: 'partnership-field-of-use',
      stages: ['midgame'],
      title: 'Bound IP and data by field of use',
      when: 'When ownership or usage rights become the sticking point.',
      how: 'Split rights by field, territory and period rather than arguing over ownership in general. Agree who owns improvements, whether there is a licence back inside the field, and which uses are excluded outright.',
      signal: 'Talk of "all uses" or "perpetual" rights from either side.',
      risk: 'Scope creep that turns a pilot into a permanent transfer.',
      safeguard:
        'Write explicit definitions, a list of excluded uses and a review gate before any widening of the field.',
    },
    {
      id: 'partnership-verify-not-trust',
      stages: ['midgame'],
      title: 'Offer verification instead of assurances',
      when: 'When the other side needs to be sure you will keep a promise on privacy, brand or quality.',
      how: 'Give them ways to check for themselves: access logs, audit rights, sample reviews, pre-clearance of public material. Prefer controls you already run, which cost you little to open up.',
      signal: 'Their control functions relax once they can see the evidence themselves.',
      risk: 'An open-ended audit burden or access to commercially sensitive material.',
      safeguard: 'Scope each right: what can be inspected, how often, by whom, and who bears the cost.',
    },
    {
      id: 'partnership-pilot-gates',
      stages: ['midgame'],
      title: 'Start narrow with a dated gate',
      when: 'When trust is not yet earned or the value is uncertain for either side.',
      how: 'Agree a pilot with a limited scope, the metrics both sides will read, and a dated review at which expansion, change or an orderly stop is decided against those metrics.',
      signal: 'Either side wants to pre-agree the expansion terms in full.',
      risk: 'A pilot too short or too small to prove anything, or one that drifts on without a decision.',
      safeguard:
        'Size the pilot so the metrics can move, and write the gate date and the decision criteria into the agreement.',
    },
    {
      id: 'partnership-contingent-economics',
      stages: ['midgame'],
      title: 'Make the economics contingent',
      when: 'When you disagree about how much revenue, adoption or impact the partnership will produce.',
      how: 'Let the split follow results: revenue share tiers, milestone payments, or a share that steps up once a measured threshold is passed.',
      signal: 'Debate shifts from the size of the share to how revenue is defined and reported.',
      risk: 'Definitions of revenue or attribution that one side can game.',
      safeguard:
        'Define the revenue base and attribution rules precisely, with reporting cadence and audit rights.',
    },
    {
      id: 'partnership-face-saving',
      stages: ['midgame'],
      title: 'Protect how each side can describe the deal',
      when: 'When a board, regulator or the press will judge the partnership by how it is described.',
      how: 'Agree early on the public and internal framing (a research collaboration, a pilot, a joint programme) and let them choose between variants that all meet the guardrails.',
      signal: 'A sponsor worries aloud about how the deal will look.',
      risk: 'Framing that hides real obligations and backfires later.',
      safeguard: 'Keep the framing accurate, and agree approval rights over announcements in writing.',
    },
    {
      id: 'partnership-close-operating-model',
      stages: ['close'],
      title: 'Close with an operating model, not just a contract',
      when: 'When the structure is agreed and only drafting remains.',
      how: 'Write the steering charter (members, cadence, decisions it owns), the metrics and their reporting, escalation steps, suspension triggers and the exit: data return or deletion, which licences survive, wind-down support. Draft a short fairness story both sponsors can repeat.',
      signal: 'Governance is left for the first steering meeting to decide.',
      risk: 'The partnership stalls when the deal team hands over to people who were not in the room.',
      safeguard:
        'Name the owners on each side, schedule the first steering meeting before signature and include them in the closing session.',
    },
    {
      id: 'partnership-debrief-health',
      stages: ['debrief'],
      title: 'Review the partnership after the first cycle',
      when: 'After the first steering meeting or pilot milestone, and at each gate.',
      how: 'Compare delivered value with the case for the partnership, check whether metrics arrive on time and concerns are raised early, and decide what to adjust before the next gate.',
      signal: 'Reports arrive late, or issues reach the sponsors before the working team.',
      risk: 'Quiet disengagement that surfaces only at renewal.',
      safeguard:
        'Ask both sponsors the same questions, record answers neutrally and feed them into the gate decision.',
    },
  ],
  discovery: [
    {
      id: 'partnership-q-purpose',
      text: 'What would this partnership let you do in the coming year that you could not do alone?',
      purpose: 'Reveals their core interest and how much the partnership is worth to them.',
    },
    {
      id: 'partnership-q-regret',
      text: 'What would make this partnership look like a mistake a year from now?',
      purpose: 'Surfaces the fears that should become guardrails and safeguards.',
    },
    {
      id: 'partnership-q-proof',
      text: 'What would your committee or board need to see for themselves, rather than be told, to be comfortable?',
      purpose: 'Identifies the verification rights that will unlock approval.',
    },
    {
      id: 'partnership-q-surplus',
      text: 'What do you hold that is easy for you to share but hard for others to obtain?',
      purpose: 'Locates assets that are cheap for them to give and valuable to you.',
    },
    {
      id: 'partnership-q-ownership',
      text: 'How do you think about ownership of what we build together, and of improvements made afterwards?',
      purpose: 'Shows their stance on IP and where field-of-use limits could bridge the gap.',
    },
    {
      id: 'partnership-q-approval',
      text: 'Who signs, who can stop this, and when do they next meet?',
      purpose: 'Maps the approval path and the calendar you must plan around.',
    },
    {
      id: 'partnership-q-metrics',
      text: 'Which measures would tell both of us that the first phase worked?',
      purpose: 'Supplies the metrics for pilot gates and contingent economics.',
    },
    {
      id: 'partnership-q-exit',
      text: 'If one of us needs to stop, what would a clean ending look like for you?',
      purpose: 'Shapes exit terms and reveals fears of lock-in.',
    },
    {
      id: 'partnership-q-story',
      text: 'How would you want the partnership described, publicly and inside your organisation?',
      purpose: 'Surfaces face-saving needs and publicity rights.',
    },
  ],
  typicalIssues: [
    'Data or asset scope (access model)',
    'Field-of-use limit (field)',
    'Exclusivity (territory or segment)',
    'Revenue share (% of net revenue)',
    'Milestone payments (USD)',
    'Pilot length before expansion review (months)',
    'Ownership of improvements (ownership model)',
    'Audit access (access level)',
    'Steering committee cadence (meetings)',
    'Suspension after a missed control (time to suspend)',
    'Publicity and attribution (approval level)',
    'Exit notice and wind-down (months)',
  ],
  tradeables: [
    'Audit dashboards or access logs you already run',
    'Steering committee cadence',
    'Co-authorship or research credit',
    'Attribution in announcements',
    'Early access to features or results',
    'Advance approval of brand use, with spot checks',
    'Licence back of improvements within the field',
    'Technical support and training hours',
    'Narrower field of use against wider data scope',
    'Joint case study or conference talk',
    'Exclusivity that widens as targets are met',
    'Data return or deletion commitments on exit',
  ],
  phrases: [
    {
      id: 'partnership-open',
      kind: 'open',
      stages: ['prepare', 'setup'],
      direct:
        '{us} and {them} each bring something the other lacks. I suggest we agree what the partnership must achieve and protect, then work through {issues}.',
      indirect:
        'We are grateful for the time and keen to understand what matters to {them}. Could we begin with what this partnership should achieve and protect for each of us, before we turn to {issues}?',
    },
    {
      id: 'partnership-rule',
      kind: 'decision-rule',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: 'Here is the test I propose every structure must pass. Tell me what to add for {them}: {rule}',
      indirect:
        'Would this be a fair way to describe what {us} and {them} both need the partnership to respect? We would welcome any changes: {rule}',
    },
    {
      id: 'partnership-discovery',
      kind: 'discovery',
      stages: ['prepare', 'setup', 'first-move'],
      direct:
        'On {issues}: which would your approvers treat as fixed, and which could move if the controls were right?',
      indirect:
        'It would help us to understand how your colleagues see {issues}. Are there any where a different safeguard would make more room?',
    },
    {
      id: 'partnership-bundles',
      kind: 'bundles',
      stages: ['first-move', 'midgame'],
      direct:
        'We have {count} structures, {labels}. All respect the guardrails we agreed; they differ in scope, control and economics. Which could you take to your approvers?',
      indirect:
        'We have sketched {count} possible structures, {labels}, each within the guardrails we discussed. Could we look at them together and hear which would sit most comfortably with your committee?',
    },
    {
      id: 'partnership-bundle',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Structure {label} puts {emphasis} first: {terms}.',
      indirect:
        'Structure {label} gives most room on {emphasis}: {terms}. How do you think your colleagues would see it?',
    },
    {
      id: 'partnership-bundle-plain',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Structure {label}: {terms}.',
      indirect:
        'Structure {label} would look like this: {terms}. How do you think your colleagues would see it?',
    },
    {
      id: 'partnership-recap',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'Where we stand now: {terms}.',
      indirect:
        'So that we are working from the same page, the structure on the table currently reads: {terms}. Is that how you have it?',
    },
    {
      id: 'partnership-recap-proposal',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'To recap your proposal: {proposal}.',
      indirect:
        'So that we are working from the same page, your proposal reads: {proposal}. Is that how you have it?',
    },
    {
      id: 'partnership-counter-trade',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct:
        'We can agree to {granted} if {asked} is settled in the same clause, so the balance is visible to both boards.',
      indirect:
        'Thank you for the proposal. If we agreed to {granted}, might your side be able to settle {asked} alongside it?',
    },
    {
      id: 'partnership-counter-held',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct:
        'We cannot take that proposal as it stands: what we can put to both boards is still {held}, as in our last offer.',
      indirect:
        'We have looked carefully at your proposal, and what we can stand behind is still {held}, as in our last offer. Could we look at it again together?',
    },
    {
      id: 'partnership-trade',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct:
        'We can offer more on {give} if {get} is settled in the same clause, so the balance is visible to both boards.',
      indirect:
        'If we were able to offer more on {give}, might your side be able to help us on {get}? That way both of us could explain the change.',
    },
    {
      id: 'partnership-trade-verify',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct: 'We are open on {give}. In return we need clarity on {get}.',
      indirect: 'We would be glad to do more on {give}. Would it be possible to look at {get} alongside it?',
    },
    {
      id: 'partnership-benchmark',
      kind: 'benchmark',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: '{claim}: {low} to {high} {unit}. We would like to use that as the shared reference.',
      indirect:
        'A reference that may help both of us: {claim}, {low} to {high} {unit}. Do you see it the same way, or do you use a different source?',
    },
    {
      id: 'partnership-benchmark-rationale',
      kind: 'benchmark',
      stages: ['first-move', 'midgame'],
      direct: 'On {issue}, {source} puts comparable deals at {low} to {high} {unit}. {rationale}',
      indirect:
        'For {issue}, published deals reported by {source} sit between {low} and {high} {unit}. This is how we read that, and we would like to hear your reading. {rationale}',
    },
    {
      id: 'partnership-contingency',
      kind: 'contingency',
      stages: ['midgame'],
      direct: 'So neither side has to take the other on trust, we propose writing this in: {contingency}.',
      indirect:
        'Would it help your committee if the agreement spelled this out: {contingency}? We would agree together how it is measured and reported.',
    },
    {
      id: 'partnership-face-saving',
      kind: 'face-saving',
      stages: ['midgame'],
      direct:
        'On {issue}, choose the variant your board will find easiest to stand behind. Every variant meets the guardrails.',
      indirect:
        'On {issue}, would it help if your team chose the variant that is easiest to explain on your side, from options that all respect the guardrails?',
    },
    {
      id: 'partnership-pause',
      kind: 'pause',
      stages: ['first-move', 'midgame'],
      direct:
        'We cannot make that request fit the guardrails today. Let us pause it and return once {revisit}, so the partnership starts on a footing both sides can defend. The guardrails: {rule}',
      indirect:
        'I am not sure we can make that work within what we agreed, and we would not want to strain the partnership over it. Could we step back and revisit it once {revisit}? What we agreed was: {rule}',
    },
    {
      id: 'partnership-fairness-why',
      kind: 'fairness',
      stages: ['close'],
      direct: 'Why this is fair to both organisations: {story}',
      indirect:
        'This is how we would explain to both boards why the partnership is fair, and we would value your view: {story}',
    },
    {
      id: 'partnership-fairness',
      kind: 'fairness',
      stages: ['close'],
      direct: 'This structure meets the guardrails we agreed: {rule}',
      indirect: 'As we read it, this structure respects the guardrails we agreed. The guardrails: {rule}',
    },
    {
      id: 'partnership-post-settlement',
      kind: 'post-settlement',
      stages: ['close'],
      direct:
        'Before we sign: we would be just as happy with {alternatives}. If {either} suits your side better, we will write it that way; if not, we keep what we agreed.',
      indirect:
        'Before we sign, one question: we would be just as happy with {alternatives}. Would {either} suit your side better? If not, we will keep what we agreed.',
    },
    {
      id: 'partnership-close',
      kind: 'close',
      stages: ['close'],
      direct:
        'We have: {terms}. Next we write the steering charter, the metrics and how they are reported, the suspension rules and the exit, and we name an owner on each side.',
      indirect:
        'Shall we capture what we have agreed, {terms}, together with how we will govern and review it, and share a draft both sponsors can check before anything is signed?',
    },
  ],
  debrief: [
    {
      id: 'partnership-value-created',
      text: 'Which pairing of assets created the most value, and was it cheap for the side that gave it?',
    },
    {
      id: 'partnership-bundles-worked',
      text: 'Which structure did they take to their approvers, and what did their changes reveal about scope, control or economics?',
    },
    {
      id: 'partnership-missed-signals',
      text: 'What did we miss about their priorities or their veto holders, and when should we have seen it?',
    },
    {
      id: 'partnership-safeguards',
      text: 'Which verification rights or suspension terms unlocked approval, and which added cost without adding trust?',
    },
    {
      id: 'partnership-next-time',
      text: 'What will we set up earlier next time: veto-holder meetings, draft guardrails, the exit clause, the public framing?',
    },
    {
      id: 'partnership-health',
      text: 'Is the steering committee working: do metrics arrive on time, are concerns raised early, and would both sponsors sign again today?',
    },
  ],
}

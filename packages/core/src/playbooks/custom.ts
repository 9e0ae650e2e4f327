/** The general playbook: the method's know-how without a specific context, for any negotiation the other playbooks do not fit, as data. */
import type { Playbook } from './types'

export const CUSTOM_PLAYBOOK: Playbook = {
  context: 'custom',
  title: 'General interest-based negotiation',
  summary:
    'For negotiations that fit none of the other contexts: leases, settlements, joint projects, resource splits between teams, supplier disputes. It is the method in its plain form: know your walk-away, agree the test any deal must pass, learn what matters to them, offer equivalent bundles, trade rather than give, handle uncertainty with contingent terms, and close with measurable terms and a review.',
  flow: [
    {
      stage: 'prepare',
      name: 'Prepare',
      goal: 'Check the method fits, then write down your alternative, walk-away, issues with units, tradeables, the people involved and your evidence.',
    },
    {
      stage: 'setup',
      name: 'Agree the test and the scope',
      goal: 'Set a calm tone, agree the rule any option must pass, and list everything that can move.',
    },
    {
      stage: 'first-move',
      name: 'Discover and offer',
      goal: 'Ask, listen and reflect back, then put a small set of equivalent bundles on the table.',
    },
    {
      stage: 'midgame',
      name: 'Trade, test and adjust',
      goal: 'Exchange conditional moves, settle disagreements about the future with contingencies, and test options against alternatives and standards.',
    },
    {
      stage: 'close',
      name: 'Write it down',
      goal: 'Turn the agreement into measurable terms with review dates, escalation and a fairness story both sides can repeat.',
    },
    {
      stage: 'debrief',
      name: 'Learn',
      goal: 'Review what created value and what to change, and update your tools.',
    },
  ],
  moves: [
    {
      id: 'custom-check-fit',
      stages: ['prepare'],
      title: 'Check that the method fits',
      when: 'Before investing in preparation.',
      how: 'Ask whether there is more than one issue or a standard still open to discussion, whether claims can be verified, and whether there is time to learn what the other side needs. If not, settle a smaller question now with a plain give-and-take approach, and schedule the fuller conversation for later.',
      signal:
        'Only price is open and it is set by a fixed standard, or nothing the other side says can be checked.',
      risk: 'Spending time on discovery and bundles where the other side will only haggle over a single number.',
      safeguard: 'Settle the narrow question quickly and keep the wider conversation for a later stage.',
    },
    {
      id: 'custom-prepare',
      stages: ['prepare'],
      title: 'Prepare your walk-away, issues and evidence',
      when: 'Before the first conversation.',
      how: 'Describe what you would actually do without a deal, put a figure on what it would cost and how long it would take, and keep working on it while you negotiate. Set your reservation and keep it to yourself. List every issue in clear units and score how much each matters to you and how much you think it matters to them: items that matter more to them than to you are your trading stock. Note who decides on their side and what they must be able to report, and gather benchmarks and cost drivers you can cite.',
      signal: 'You cannot say what you would do if there were no deal.',
      risk: 'Negotiating without a floor, or discovering mid-meeting that you have nothing to trade.',
      safeguard:
        'A one-page plan: alternative, reservation, issues, tradeables, counterparty map and evidence.',
    },
    {
      id: 'custom-agree-rule',
      stages: ['setup'],
      title: 'Agree the decision rule',
      when: 'At the start, before anyone proposes terms.',
      how: 'Propose that both sides define what a good outcome must achieve, in measurable terms and a time frame, and write it down where both can see it. Confirm the list of issues that are open.',
      signal: 'Goals stay vague, or each side states a position instead of a test.',
      risk: 'Options are judged by mood rather than by a shared standard.',
      safeguard:
        'Offer a draft rule with units for them to edit, and return to it whenever a proposal is debated.',
    },
    {
      id: 'custom-discover',
      stages: ['setup', 'first-move'],
      title: 'Ask, listen and reflect back',
      when: 'Early, before your first offer.',
      how: 'Ask open questions about what they need, what limits them, what worries them and who else must agree. Summarise what you heard in their terms and ask whether you got it right.',
      signal: 'Short or defensive answers.',
      risk: 'Interrogation that feels like an attempt to extract leverage.',
      safeguard:
        'Share some of your own interests in return, keep the tone neutral and explain why you are asking.',
    },
    {
      id: 'custom-present-meso',
      stages: ['first-move', 'midgame'],
      title: 'Present equivalent bundles',
      when: 'Once you know enough to build options that pass the rule.',
      how: 'Offer a small set of complete packages, each meeting the rule in a different way and each equally acceptable to you. Show them side by side and ask which is closest and what they would change.',
      signal: 'They try to combine the best parts of each.',
      risk: 'Decision fatigue from too many options, or revealing too much about your priorities.',
      safeguard:
        'Keep the set small, score every package against your limits beforehand, and treat any recombination as a trade.',
    },
    {
      id: 'custom-trade-conditionally',
      stages: ['midgame'],
      title: 'Trade, never give',
      when: 'Whenever you are about to move on any issue.',
      how: 'State the condition first and the move second: what you need in return, then what you can change. Log every exchange with its value to each side.',
      signal: 'Their asks keep arriving without anything offered back.',
      risk: 'Unreturned concessions teach the other side to keep pushing and erode the fairness of the deal.',
      safeguard:
        'Point out the imbalance without blame and offer a modest swap to restart the exchange; if nothing comes back, shrink the deal or take a break.',
    },
    {
      id: 'custom-contingency',
      stages: ['midgame'],
      title: 'Settle disagreements about the future with if-then terms',
      when: 'When you disagree about what will happen rather than about what is fair.',
      how: 'Write a term that adjusts automatically: if a measured result occurs, a named term changes. Agree the metric, the data source, who reports it and when.',
      signal: 'Arguments about whose forecast is right.',
      risk: 'A contingency nobody can measure becomes a new dispute.',
      safeguard:
        'Only use metrics both sides can observe, with an agreed source, audit rights and a cap on exposure.',
    },
    {
      id: 'custom-reality-test',
      stages: ['midgame'],
      title: 'Test options against alternatives and standards',
      when: 'Before accepting, and whenever pressure builds.',
      how: 'Compare the option on the table with your walk-away and with published standards. Invite them to compare it with their own alternative on the agreed rule.',
      signal: 'The option is worth less to you than your alternative.',
      risk: 'Agreeing because of momentum, or revealing your floor while comparing.',
      safeguard:
        'Compare in terms of the rule and public standards, never your reservation, and pause rather than cross it.',
    },
    {
      id: 'custom-face-saving',
      stages: ['midgame'],
      title: 'Offer a choice among fair options',
      when: 'When someone on their side cannot be seen to back down.',
      how: 'Let them choose between options that all meet the rule, and use neutral wording that credits the standard rather than either side.',
      signal: 'Agreement on substance but hesitation on how it will look.',
      risk: 'Saving face with an extra concession instead of a different framing.',
      safeguard: 'Each option must be worth the same to you; change the shape, not the value.',
    },
    {
      id: 'custom-pause',
      stages: ['first-move', 'midgame', 'close'],
      title: 'Pause without damaging the relationship',
      when: 'When a request cannot meet the agreed rule, or they keep restating positions without engaging on interests.',
      how: 'Say plainly that the request does not fit the rule, propose a specific point at which to resume, and say what each side will do meanwhile.',
      signal: 'The same request returns unchanged, or the tone hardens.',
      risk: 'A pause read as a threat, or a walk-out that burns the relationship.',
      safeguard: 'Refer to the standard rather than the person, and agree when and how to revisit.',
    },
    {
      id: 'custom-close-governance',
      stages: ['close'],
      title: 'Close with measurable terms and governance',
      when: 'When the main terms are agreed.',
      how: 'Turn each promise into something checkable: what it means, the level that counts as met, who reports it and how often, what happens on a miss, and how either side asks for a change. Schedule the reviews, agree who sees which data and name who to call when things go wrong. Write the fairness story in a short paragraph you could defend to a sceptical colleague.',
      signal: '"We will work that out later."',
      risk: 'Disputes over meaning once the people who negotiated have moved on.',
      safeguard: 'Set the review dates now and name an owner on each side.',
    },
    {
      id: 'custom-debrief',
      stages: ['debrief'],
      title: 'Debrief and sharpen your tools',
      when: 'Soon after the close, while memories are fresh.',
      how: 'Review where value was created, which bundles and safeguards worked, and which signals you missed. Before the next one, hold a short rehearsal in which a colleague plays their side while you present the bundles, then swap roles so you feel their objections; let someone who is not negotiating keep the record.',
      signal: 'The same surprise appears in several negotiations.',
      risk: "Lessons that stay in one person's head.",
      safeguard: 'Update the plan templates, tradeables list and evidence pack after every debrief.',
    },
  ],
  discovery: [
    {
      id: 'custom-q-outcome',
      text: 'What would a good outcome let you do that you cannot do today?',
      purpose: 'Reveals the interest behind their position.',
    },
    {
      id: 'custom-q-measure',
      text: 'How will you, and the people you answer to, judge whether this agreement worked?',
      purpose: 'Gives the draft decision rule and names the people who judge it.',
    },
    {
      id: 'custom-q-constraints',
      text: 'What are you unable to change, and what sits behind each of those constraints?',
      purpose: 'Separates real constraints from opening positions.',
    },
    {
      id: 'custom-q-priorities',
      text: 'If only some of these issues could move in your favour, which would you choose?',
      purpose: 'Ranks their priorities and shows where trades will be cheap.',
    },
    {
      id: 'custom-q-worries',
      text: 'What worries you most about agreeing, and what would reduce that worry?',
      purpose: 'Shows their risk posture and which safeguards or contingencies add value.',
    },
    {
      id: 'custom-q-approval',
      text: 'Who else has to agree, and what will they ask you?',
      purpose: 'Maps the approval path and face-saving needs.',
    },
    {
      id: 'custom-q-timing',
      text: 'What is driving the timing on your side?',
      purpose: 'Finds timing preferences to trade and constraints to respect.',
    },
    {
      id: 'custom-q-past',
      text: 'What happened the last time you made an agreement like this?',
      purpose: 'Reveals past disappointments that shape what they need in writing.',
    },
    {
      id: 'custom-q-unasked',
      text: 'Is there something that would matter a great deal to you that you have not asked for yet?',
      purpose: 'Uncovers tradeables that may be cheap for you to give.',
    },
  ],
  typicalIssues: [
    'Price or fee (USD)',
    'Scope of work (deliverables)',
    'Delivery date (weeks after signature)',
    'Payment terms (days)',
    'Quality or service level (% meeting the standard)',
    'Warranty period (months)',
    'Term and renewal (months)',
    'Termination notice (months)',
    'Review cadence (meetings/year)',
    'Data and usage rights (rights level)',
    'Publicity and attribution (approval level)',
    'Remedy for missed commitments (% of fee)',
  ],
  tradeables: [
    'Payment timing',
    'Phased delivery',
    'Review cadence',
    'Reference or publicity rights',
    'Training or knowledge transfer',
    'Reporting and audit access',
    'Termination flexibility',
    'Price protection',
    'Exclusivity in a narrow field',
    'Extended warranty',
    'Shared tools or facilities',
    'Introductions to other contacts',
  ],
  phrases: [
    {
      id: 'custom-open',
      kind: 'open',
      stages: ['prepare', 'setup'],
      direct:
        'Thanks for meeting. I suggest we first agree how we will judge any option, then list what is open: {issues}. {them}, what would you add?',
      indirect:
        'Thank you for taking the time. Before either of us proposes anything, could we agree how a good outcome would look for {them} and for {us}? Then perhaps we could go through {issues} together.',
    },
    {
      id: 'custom-rule',
      kind: 'decision-rule',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct:
        'Let us write down the test any option has to pass, so we can hold every proposal to it: {rule}',
      indirect:
        'Would this be a fair way to capture what {them} and {us} both need from an agreement? Please change anything that does not fit: {rule}',
    },
    {
      id: 'custom-discovery',
      kind: 'discovery',
      stages: ['prepare', 'setup', 'first-move'],
      direct: 'On {issues}: which matter most to you, which are fixed, and why?',
      indirect:
        'It would help us to understand {issues} from your side. Which feel most important, and are there any where you have some room?',
    },
    {
      id: 'custom-bundles',
      kind: 'bundles',
      stages: ['first-move', 'midgame'],
      direct:
        'Here are {count} packages, {labels}. Each passes the test we agreed, in a different way. Which is closest, and what would you change?',
      indirect:
        'We have prepared {count} packages, {labels}, and each respects what we agreed. Could we look at them together and hear which feels closest to what you need?',
    },
    {
      id: 'custom-bundle',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Package {label} favours {emphasis}: {terms}.',
      indirect: 'Package {label} leans towards {emphasis}: {terms}. How does that look from your side?',
    },
    {
      id: 'custom-bundle-plain',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Package {label}: {terms}.',
      indirect: 'Package {label} would look like this: {terms}. How does that look from your side?',
    },
    {
      id: 'custom-recap',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'Where we stand now: {terms}.',
      indirect:
        'So that we are working from the same page, what is on the table now reads: {terms}. Is that how you have it?',
    },
    {
      id: 'custom-recap-proposal',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'To recap your proposal: {proposal}.',
      indirect:
        'So that we are working from the same page, your proposal reads: {proposal}. Is that how you have it?',
    },
    {
      id: 'custom-counter-trade',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct: 'We can agree to {granted} if you can agree to {asked}.',
      indirect: 'Would it work for you if we agreed to {granted} and you were able to agree to {asked}?',
    },
    {
      id: 'custom-counter-held',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct:
        'We cannot take your proposal as it stands: what we can do is still {held}, as in our last offer.',
      indirect:
        'We have looked carefully at your proposal, and what we can do is still {held}, as in our last offer. Could we go through it together?',
    },
    {
      id: 'custom-trade',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct: 'We can move on {give} if you can move on {get}.',
      indirect: 'If we were able to find some room on {give}, might you be able to help us on {get}?',
    },
    {
      id: 'custom-trade-reciprocity',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct: 'Any change on {give} needs a matching change on {get}, so each step stays even.',
      indirect:
        'We would like to keep each step fair for both of us. Could a change on {give} go together with a change on {get}?',
    },
    {
      id: 'custom-benchmark',
      kind: 'benchmark',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: '{claim}: {low} to {high} {unit}. I suggest we both use that as the reference.',
      indirect:
        'A reference that may help us both: {claim}, {low} to {high} {unit}. Do you see it the same way?',
    },
    {
      id: 'custom-benchmark-rationale',
      kind: 'benchmark',
      stages: ['first-move', 'midgame'],
      direct: 'For {issue}, {source} gives {low} to {high} {unit}. {rationale}',
      indirect:
        'On {issue}, the range from {source} is {low} to {high} {unit}. This is how we read it, and we would like to hear how you read it. {rationale}',
    },
    {
      id: 'custom-contingency',
      kind: 'contingency',
      stages: ['midgame'],
      direct: 'Since we see the future differently, let the agreement decide it: {contingency}.',
      indirect:
        'As we each expect something different, would it help to write in a term like this: {contingency}? We would agree together how it is measured.',
    },
    {
      id: 'custom-face-saving',
      kind: 'face-saving',
      stages: ['midgame'],
      direct:
        'On {issue}, pick whichever of the fair options suits you. Every option meets the test we agreed.',
      indirect:
        'We would not want {issue} to put anyone in an awkward position. Would it help if you chose among options that all meet what we agreed?',
    },
    {
      id: 'custom-pause',
      kind: 'pause',
      stages: ['first-move', 'midgame'],
      direct:
        'That request does not fit what we agreed, so I suggest we stop here and come back to it once {revisit}. What we agreed: {rule}',
      indirect:
        'I do not think we can make that work within what we agreed, and I would rather not force it. Could we take a break and return once {revisit}? For reference, we agreed: {rule}',
    },
    {
      id: 'custom-fairness-why',
      kind: 'fairness',
      stages: ['close'],
      direct: 'Why this is fair to both of us: {story}',
      indirect:
        'This is how we would explain why the agreement is fair to both of us, and we would like to hear how you see it: {story}',
    },
    {
      id: 'custom-fairness',
      kind: 'fairness',
      stages: ['close'],
      direct: 'These terms meet the test we agreed: {rule}',
      indirect: 'As far as we can see, these terms meet what we agreed at the start. We agreed: {rule}',
    },
    {
      id: 'custom-post-settlement',
      kind: 'post-settlement',
      stages: ['close'],
      direct:
        'One last check before we sign: {alternatives} would be just as good for us. If {either} works better for you, we sign that instead; otherwise we sign what we agreed.',
      indirect:
        'Before anything is signed, may I check one thing: {alternatives} would be just as good for us, so would {either} work better for you? If not, we keep what we agreed.',
    },
    {
      id: 'custom-close',
      kind: 'close',
      stages: ['close'],
      direct:
        'We are agreeing: {terms}. Let us write down the definitions, how results are reported, what happens if something is missed, and when we review it.',
      indirect:
        'Shall I draft what we have agreed, {terms}, with how we will measure and review it, and send it to you to check before anything is signed?',
    },
  ],
  debrief: [
    {
      id: 'custom-value-created',
      text: 'Which trade or contingency added the most value, and for whom?',
    },
    {
      id: 'custom-bundles-worked',
      text: 'Which bundle did they lean towards, what did they change, and what did that reveal?',
    },
    {
      id: 'custom-missed-signals',
      text: 'Which signals about their priorities did we miss or read too late?',
    },
    {
      id: 'custom-safeguards',
      text: 'Which safeguards mattered most, and which did we need but did not write?',
    },
    {
      id: 'custom-next-time',
      text: 'What will we do differently next time: preparation, bundles, evidence, tone?',
    },
    {
      id: 'custom-fairness-story',
      text: 'Read the fairness story aloud: would a neutral observer, or their manager, accept it, and did it hold up when tested?',
    },
  ],
}

/** The hiring playbook: the method's know-how for job offers and internal role negotiations, written from the employer's side, as data. */
import type { Playbook } from './types'

export const HIRING_PLAYBOOK: Playbook = {
  context: 'hiring',
  title: 'Hiring and internal negotiations',
  summary:
    'For hiring managers and people partners making an offer, and for internal moves such as a promotion or a change of role. Pay bands and the level matrix do the heavy lifting as standards, cash is usually bounded, and the value lies in scope, flexibility, development, timing and a growth path with written criteria. The relationship starts the day the offer is signed, so the outcome must feel fair to the candidate and to the team they join.',
  flow: [
    {
      stage: 'prepare',
      name: 'Calibrate the role',
      goal: 'Fix the level, band and scope, know your fallback candidate and the cost of the vacancy, and get approval for your limits.',
    },
    {
      stage: 'setup',
      name: 'Agree the standards',
      goal: 'Share the band and the level matrix as the yardstick, and agree what the offer must achieve for the candidate.',
    },
    {
      stage: 'first-move',
      name: 'Present the offer set',
      goal: 'Offer a small set of packages within the band that balance cash, equity, scope and flexibility differently.',
    },
    {
      stage: 'midgame',
      name: 'Trade within the band',
      goal: 'Answer each ask with a trade in scope, flexibility, development or timing, and handle any counteroffer calmly.',
    },
    {
      stage: 'midgame',
      name: 'Write the growth path',
      goal: 'Agree the criteria, evidence and date for the next level or pay step, and who will judge it.',
    },
    {
      stage: 'close',
      name: 'Written offer and onboarding',
      goal: 'Put the package, the review criteria and date, the reviewer and the first projects in writing.',
    },
    {
      stage: 'debrief',
      name: 'Hiring retrospective',
      goal: 'Review the process after acceptance or decline, and again at the first scheduled review.',
    },
  ],
  moves: [
    {
      id: 'hiring-calibrate-level',
      stages: ['prepare'],
      title: 'Calibrate level and band before talking money',
      when: 'After the interview panel has met, and before any figures are discussed.',
      how: 'Place the candidate on the level matrix using interview evidence, confirm the band for that level, and check what peers at the same level earn today.',
      signal: 'Interviewers disagree about the level, or the candidate straddles two levels.',
      risk: 'An offer that breaks internal equity and unsettles the existing team.',
      safeguard: 'Calibrate with someone outside the hiring team and write down the evidence for the level.',
    },
    {
      id: 'hiring-set-limits',
      stages: ['prepare'],
      title: 'Know your fallback and limits',
      when: 'Before the offer conversation.',
      how: 'Write down your realistic alternative (the runner-up, a contractor, a delayed start), what the vacancy costs each month, your reservation and per-item limits. Get approval for the range you may use without going back.',
      signal: 'You feel you must close this candidate whatever it takes.',
      risk: 'Stretching beyond the band under pressure and creating a precedent.',
      safeguard: 'Approved ranges in writing, and a habit of saying you will check rather than improvising.',
    },
    {
      id: 'hiring-standards-first',
      stages: ['setup'],
      title: 'Lead with the standards',
      when: 'At the start of the offer conversation.',
      how: 'Explain the level, the band and how the level matrix works, then agree with the candidate what the offer needs to achieve for them. Make the band and a dated review the shared decision rule.',
      signal: 'The candidate anchors on a figure outside the band before the standards are discussed.',
      risk: 'A negotiation over a single number that leaves both sides feeling squeezed.',
      safeguard:
        'Acknowledge the figure, explain the standard calmly and widen the conversation to the whole package.',
    },
    {
      id: 'hiring-learn-motivations',
      stages: ['setup', 'first-move'],
      title: 'Learn what makes the move worthwhile',
      when: 'Before building packages, ideally in the conversation before the offer.',
      how: 'Ask about the work they want to own, how they weigh cash against growth, what their current situation costs them to leave (bonus, vesting, notice) and who they will consult.',
      signal: 'Answers focus only on cash, or motivations change between conversations.',
      risk: 'Building a package around what you assume they want.',
      safeguard: 'Reflect back what you heard and ask them to correct it before you make the offer.',
    },
    {
      id: 'hiring-offer-packages',
      stages: ['first-move', 'midgame'],
      title: 'Offer equivalent packages',
      when: 'When you make the offer.',
      how: 'Present a small set of packages within the band, equally acceptable to you: for example more base, more equity, or more scope and flexibility with a dated review. Ask which fits best and what they would adjust.',
      signal: 'Their choice shows whether security, upside or growth matters most to them.',
      risk: 'Packages that look different but offer the same thing, or one that breaks internal equity.',
      safeguard: 'Check every package against the band, your limits and what peers at the level receive.',
    },
    {
      id: 'hiring-trade-within-band',
      stages: ['midgame'],
      title: 'Trade inside the band',
      when: 'When the candidate asks for more cash or a higher title.',
      how: 'Meet the ask with items that cost you little and matter to them: ownership of a system, remote days, a development budget, a start date that protects their bonus, a sign-on payment to replace what they forfeit.',
      signal: 'The same ask returns after each trade, with nothing offered back.',
      risk: 'Piling extras on top of a stretched salary until the package no longer fits the level.',
      safeguard: 'Keep a give-and-get log, and ask openly what would make the package complete.',
    },
    {
      id: 'hiring-milestone-path',
      stages: ['midgame'],
      title: 'Make the next step contingent on evidence',
      when: 'When the candidate wants a higher level or pay now and you cannot justify it yet.',
      how: 'Write a path: the criteria from the level matrix, the evidence that will count, the review date and the reviewer. Attach a defined title, pay or equity step if the criteria are met.',
      signal: 'The candidate asks who decides and how, which means they are taking the path seriously.',
      risk: 'A vague promise that feels broken later.',
      safeguard:
        'Put the criteria, date and reviewer in the offer letter, and include a reviewer outside the reporting line.',
    },
    {
      id: 'hiring-counteroffer-test',
      stages: ['midgame'],
      title: 'Reality-test a counteroffer',
      when: 'When the candidate reports a counteroffer or a rival offer.',
      how: 'Compare the whole package and path, not base alone: scope, growth criteria, flexibility, team, and what prompted them to look in the first place. Let them make the comparison; do not disparage their employer.',
      signal: 'The counteroffer matches cash but not the reasons they wanted to move.',
      risk: 'Bidding past your limits, or pressuring the candidate into a rushed decision.',
      safeguard:
        'Stay inside the approved range, give them reasonable time to decide, and stay respectful whatever they choose.',
    },
    {
      id: 'hiring-face-saving',
      stages: ['midgame'],
      title: 'Give them a story they can tell',
      when: "When a title, a past setback or their network's opinion matters to the candidate.",
      how: 'Offer ways to describe the move that are true and within standards: a scope or role name that reflects real ownership, a dated review they can point to, an announcement worded with them.',
      signal: 'The candidate keeps returning to the title rather than the pay.',
      risk: 'Handing out titles that do not match the level matrix.',
      safeguard: 'Use role descriptions and scope, not inflated levels, and keep the level matrix intact.',
    },
    {
      id: 'hiring-recruiter-incentives',
      stages: ['midgame'],
      title: "Keep the candidate's own interests in view",
      when: "When an agency recruiter or third party relays the candidate's asks.",
      how: 'Remember that intermediaries have their own incentives (fees tied to base pay, a quick close). Keep a direct line to the candidate for discussing the whole package.',
      signal: 'Asks relayed by the intermediary differ from what the candidate said directly.',
      risk: "Optimising for the intermediary's interests rather than the candidate's.",
      safeguard: 'Confirm material points directly with the candidate and in writing.',
    },
    {
      id: 'hiring-written-offer',
      stages: ['close'],
      title: 'Close with a written offer and a dated review',
      when: 'When the candidate has chosen a package.',
      how: 'Put in writing the package, start date, the growth criteria, review date and reviewer, first projects and onboarding plan. Write a short fairness story you could share with the team if asked.',
      signal: 'Someone suggests leaving the review details to be agreed after they start.',
      risk: 'Memories differ within months and the new hire feels misled.',
      safeguard:
        'Review criteria in the offer letter, a named reviewer and the review booked in both calendars.',
    },
    {
      id: 'hiring-debrief',
      stages: ['debrief'],
      title: 'Review the hire at the first scheduled review',
      when: 'After acceptance or decline, and again at the first review date.',
      how: 'Check what mattered to the candidate, how the package compared with peers, whether the growth path is being honoured, and update the offer templates.',
      signal: 'Several candidates ask for the same item, or peers raise concerns about equity.',
      risk: 'Drift from the standards one exception at a time.',
      safeguard: 'Track exceptions centrally and revisit bands when exceptions become the norm.',
    },
  ],
  discovery: [
    {
      id: 'hiring-q-worth-it',
      text: 'A year from now, what would make this move clearly worth it for you?',
      purpose: 'Reveals their real priorities beyond the headline salary.',
    },
    {
      id: 'hiring-q-ownership',
      text: 'What kind of work would you like to own from start to finish?',
      purpose: 'Shows whether scope can carry value that cash cannot.',
    },
    {
      id: 'hiring-q-growth',
      text: 'What would a fair path to the next level look like to you, and how should progress be judged?',
      purpose: 'Opens a criteria-based growth path as an alternative to a higher level now.',
    },
    {
      id: 'hiring-q-leaving',
      text: 'What does your current situation mean for your start date: notice, bonus, vesting or family plans?',
      purpose: 'Identifies what they forfeit by moving and timing that is cheap for you to accommodate.',
    },
    {
      id: 'hiring-q-working',
      text: 'How do you like to work day to day: location, hours, travel?',
      purpose: 'Finds flexibility that costs you little and matters to them.',
    },
    {
      id: 'hiring-q-mix',
      text: 'How do you weigh cash now against equity, bonus or a learning budget?',
      purpose: 'Tells you which package in the offer set to lead with.',
    },
    {
      id: 'hiring-q-compare',
      text: 'What else are you considering, and how will you compare the options?',
      purpose: 'Hints at their alternative and whether the comparison is on cash alone.',
    },
    {
      id: 'hiring-q-consult',
      text: 'Who will you talk this over with before deciding, and what will they want to know?',
      purpose: 'Reveals the real decision process and face-saving needs.',
    },
    {
      id: 'hiring-q-concerns',
      text: 'Is there anything about the role, the team or the company that still worries you?',
      purpose: 'Surfaces objections early, while they can still be addressed with facts.',
    },
  ],
  typicalIssues: [
    'Base salary (USD/year)',
    'Level at start (level)',
    'Scope of ownership (scope)',
    'Title review date (months after start)',
    'Equity grant (USD at grant)',
    'Sign-on bonus (USD)',
    'Annual bonus target (% of base)',
    'Development budget (USD/year)',
    'Remote days (days/week)',
    'Start date (weeks after acceptance)',
    'Relocation support (USD)',
    'Paid leave (days/year)',
  ],
  tradeables: [
    'Ownership of a system, product area or team',
    'Remote or flexible working days',
    'Development and conference budget',
    'Start date that protects a bonus or vesting event',
    'Sign-on payment to replace forfeited pay',
    'Dated, criteria-based review for the next level',
    'Mentor or senior sponsor',
    'Equipment and home-office setup',
    'Extra leave in the first year',
    'Relocation support',
    'Time for open-source work, writing or speaking',
    'Choice of first project',
  ],
  phrases: [
    {
      id: 'hiring-open',
      kind: 'open',
      stages: ['prepare', 'setup'],
      direct:
        '{them}, we would like you to join {us}, and we want the offer to work for you. I suggest we go through the standards we use, then look at {issues} together.',
      indirect:
        '{them}, everyone at {us} who met you enjoyed the conversations, and we hope this can work for you. Before we talk about the package, could you tell me what matters most to you about {issues}?',
    },
    {
      id: 'hiring-rule',
      kind: 'decision-rule',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct:
        'Here is the standard every offer at this level follows, so you can check ours against it: {rule}',
      indirect:
        'It may help to share how {us} sets offers, so you can see where yours comes from, and I would be glad to hear whether it seems fair to you. The basis: {rule}',
    },
    {
      id: 'hiring-discovery',
      kind: 'discovery',
      stages: ['prepare', 'setup', 'first-move'],
      direct: 'On {issues}: which matter most to you, and where do you have flexibility?',
      indirect:
        'Could you tell me how you think about {issues}? It would help to know which feel important and which matter less to you.',
    },
    {
      id: 'hiring-bundles',
      kind: 'bundles',
      stages: ['first-move', 'midgame'],
      direct:
        'Here are {count} versions of the offer, {labels}. They are equivalent for us and differ in how they balance cash, equity, scope and flexibility. Which fits you best?',
      indirect:
        'We have put together {count} versions of the offer, {labels}, so you can choose the balance that suits you. Would you like to look at them and tell us which feels closest?',
    },
    {
      id: 'hiring-bundle',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Version {label} puts {emphasis} first: {terms}.',
      indirect: 'Version {label} leans towards {emphasis}: {terms}. How does that sit with what you told us?',
    },
    {
      id: 'hiring-bundle-plain',
      kind: 'bundle',
      stages: ['first-move', 'midgame'],
      direct: 'Version {label}, in full: {terms}.',
      indirect: 'Version {label} would look like this: {terms}. How does that sit with what you told us?',
    },
    {
      id: 'hiring-recap',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'To recap the offer as it stands: {terms}.',
      indirect:
        'To make sure we are looking at the same thing, the offer now reads: {terms}. Does that match your notes?',
    },
    {
      id: 'hiring-recap-proposal',
      kind: 'recap',
      stages: ['first-move', 'midgame'],
      direct: 'To recap your counter-proposal: {proposal}.',
      indirect:
        'To make sure I have understood you, your proposal reads: {proposal}. Does that match your notes?',
    },
    {
      id: 'hiring-counter-trade',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct: 'We can agree to {granted} if we settle on {asked} with it.',
      indirect: 'We would like to make this work. Could we agree to {granted} together with {asked}?',
    },
    {
      id: 'hiring-counter-held',
      kind: 'counter-trade',
      stages: ['midgame'],
      direct:
        'I cannot make your proposal work as it stands. What we can offer is still {held}, as in our last offer.',
      indirect:
        'I have looked hard at your proposal, and the best we can do is still {held}, as in our last offer. Can we talk through what matters most to you in it?',
    },
    {
      id: 'hiring-trade',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct: 'We can do more on {give} if we settle {get} in the same step.',
      indirect: 'We would like to help on {give}. Would you be open to looking at {get} at the same time?',
    },
    {
      id: 'hiring-trade-scope',
      kind: 'conditional-trade',
      stages: ['midgame'],
      direct:
        'If we move on {give}, we would ask for flexibility on {get} so the package stays within the level.',
      indirect:
        'Suppose we were able to do more on {give}. Could you see a way to be flexible on {get}, so the offer stays consistent with the team?',
    },
    {
      id: 'hiring-benchmark',
      kind: 'benchmark',
      stages: ['prepare', 'setup', 'first-move', 'midgame'],
      direct: '{claim}: {low} to {high} {unit}. Our offer is set against that range.',
      indirect:
        'So you can see where the numbers come from: {claim}, {low} to {high} {unit}. Does that match what you have seen?',
    },
    {
      id: 'hiring-benchmark-rationale',
      kind: 'benchmark',
      stages: ['first-move', 'midgame'],
      direct: 'For {issue}, {source} shows {low} to {high} {unit}. {rationale}',
      indirect:
        'On {issue}, the range we use comes from {source}: {low} to {high} {unit}. Here is how we applied it, and I am happy to talk it through. {rationale}',
    },
    {
      id: 'hiring-contingency',
      kind: 'contingency',
      stages: ['midgame'],
      direct:
        'We will write this into the offer: {contingency}. The letter names how it is measured and who reviews it.',
      indirect:
        'Would it give you confidence if the offer letter set this out: {contingency}? We would agree with you how it is measured and who reviews it.',
    },
    {
      id: 'hiring-face-saving',
      kind: 'face-saving',
      stages: ['midgame'],
      direct:
        'On {issue}, you choose the version you are most comfortable explaining to others. Every version fits our standards.',
      indirect:
        'On {issue}, would it help to choose between versions that all fit our standards, so you can present the move in the way that suits you?',
    },
    {
      id: 'hiring-pause',
      kind: 'pause',
      stages: ['first-move', 'midgame'],
      direct:
        'I cannot make that fit our standards, and I do not want to promise what I cannot deliver. Can we take a break and come back to it once {revisit}? The standard: {rule}',
      indirect:
        'I would like to find a way, but I cannot fit that within the standards we apply to everyone at this level. Would it be all right to pause and pick it up again once {revisit}? The standard we discussed: {rule}',
    },
    {
      id: 'hiring-fairness-why',
      kind: 'fairness',
      stages: ['close'],
      direct: 'Why we think this offer is fair: {story}',
      indirect:
        'This is how we would explain why the offer is fair, and I would like to hear whether it feels that way to you: {story}',
    },
    {
      id: 'hiring-fairness',
      kind: 'fairness',
      stages: ['close'],
      direct: 'The offer follows the standard we use for this level: {rule}',
      indirect:
        'We believe the offer follows the standard we apply to everyone at this level. The basis: {rule}',
    },
    {
      id: 'hiring-post-settlement',
      kind: 'post-settlement',
      stages: ['close'],
      direct:
        'Before you sign: we would be just as happy with {alternatives}. If {either} suits you better, we will write the offer that way; if not, the offer stays as we agreed.',
      indirect:
        'Before you sign, one question: we would be just as happy with {alternatives}. Would {either} suit you better? If not, the offer stays as we agreed.',
    },
    {
      id: 'hiring-close',
      kind: 'close',
      stages: ['close'],
      direct:
        'To confirm: {terms}. I will send the offer letter with the review criteria, the review date and your reviewer written in.',
      indirect:
        'Shall I put what we have discussed, {terms}, into the offer letter, along with the review criteria and date, so you can read it through and ask anything before signing?',
    },
  ],
  debrief: [
    {
      id: 'hiring-value-created',
      text: 'Which non-cash items (scope, flexibility, timing, growth path) mattered most to the candidate, and what did they cost us?',
    },
    {
      id: 'hiring-bundles-worked',
      text: 'Which version of the offer did the candidate choose, and what did their changes tell us about their priorities?',
    },
    {
      id: 'hiring-missed-signals',
      text: "What did we learn late about their situation (a bonus date, a counteroffer, a partner's concerns) that we could have asked about earlier?",
    },
    {
      id: 'hiring-safeguards',
      text: 'Did the written criteria, review date and reviewer hold up, and is the growth path being honoured?',
    },
    {
      id: 'hiring-next-time',
      text: 'What will we change in our offer templates, bands or interview calibration before the next hire at this level?',
    },
    {
      id: 'hiring-internal-equity',
      text: 'Would this offer look fair to people already on the team at this level if they saw it, and did we keep our standards intact?',
    },
  ],
}

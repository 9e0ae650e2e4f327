/**
 * The deal room: the page the other side opens with a share link, with no account. It shows only
 * what the server sends (core's counterparty view: the parties, the issues with their units, the
 * decision rule as agreed, the bundles of the latest offer side by side with their rationale,
 * contingent terms proposed, and the agreed terms after close) and lets them choose a bundle, rank
 * them, or reject the offer with a counter and a comment; after the close, when the team offers
 * alternatives beside the agreement, sign the agreement or one of them. Loaded on its own (a lazy route), so the
 * guest downloads this page and not the team's workbench.
 */
import type { CounterpartyView, Level, Terms } from '@parley/core'
import type { AnswerInput, DealRoom } from '@parley/server/contract'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { answerDealRoom, getDealRoom } from '../api/deal-room'
import { ApiError, type ApiProblem } from '../api/http'
import { Button, Notice, ProblemList, Section, SelectField, TextField } from '../ui/controls'
import { usePageTitle } from '../ui/page-title'
import { answerAttempts } from './answer-id'
import './deal-room.css'

type Issue = CounterpartyView['issues'][number]

/** The longest comment the server takes (the deal room's limit). */
const COMMENT_MAX_LENGTH = 2000

/** A level as people read it: numbers grouped (`230,000`), with the issue's unit. */
export function levelText(level: Level, unit: string): string {
  const text = typeof level === 'number' ? level.toLocaleString('en-US') : String(level)
  return unit ? `${text} ${unit}` : text
}

/** An issue's name inside a sentence: `Annual subscription fee` → `annual subscription fee` (`SLA credits` stays). */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name
}

function termsList(issues: readonly Issue[], terms: Terms): ReactNode {
  return (
    <ul className="dr-terms">
      {issues
        .filter((issue) => terms[issue.id] !== undefined)
        .map((issue) => (
          <li key={issue.id}>
            {issue.name}: <strong>{levelText(terms[issue.id] as Level, issue.unit)}</strong>
          </li>
        ))}
    </ul>
  )
}

type Outcome = { kind: 'sent'; text: string } | { kind: 'refused'; message: string; problems: ApiProblem[] }

export function DealRoomPage({ token }: { token: string }) {
  const [room, setRoom] = useState<DealRoom>()
  const [gone, setGone] = useState<string>()
  const load = useCallback(async () => {
    try {
      setRoom(await getDealRoom(token))
    } catch (caught) {
      setGone(caught instanceof Error ? caught.message : String(caught))
    }
  }, [token])
  useEffect(() => {
    void load()
  }, [load])
  usePageTitle(room ? [room.view.title, 'Deal room'] : ['Deal room'])
  if (gone)
    return (
      <main id="main" className="page narrow">
        <h1>Deal room</h1>
        <Notice kind="error">{gone}</Notice>
      </main>
    )
  if (!room) return <p aria-busy="true">Loading…</p>
  return <Room token={token} room={room} reload={load} />
}

/** The room as the other side sees it, from what the server sent (exported for the leak test of the rendered page). */
export function Room({
  token,
  room,
  reload,
}: {
  token: string
  room: DealRoom
  reload: () => Promise<void>
}) {
  const { view } = room
  const proposed = view.contingencies.filter((contingency) => !contingency.accepted)
  // Said above the agreed terms, since the section they signed in goes once the room reloads.
  const [signed, setSigned] = useState<string>()
  return (
    <main id="main" className="page deal-room">
      <h1>{view.title}</h1>
      <p className="dr-parties">
        Between <strong>{view.parties.us}</strong> and <strong>{view.parties.them}</strong>
      </p>
      <output aria-live="polite">{signed ? <Notice kind="success">{signed}</Notice> : null}</output>
      {view.agreement ? (
        <Section title="Agreed terms">
          {termsList(view.issues, view.agreement.terms)}
          {view.agreement.contingencies.length > 0 ? (
            <ul>
              {view.agreement.contingencies.map((contingency) => (
                <li key={contingency.wording}>{contingency.wording}</li>
              ))}
            </ul>
          ) : null}
          {view.agreement.fairnessStory ? <p>{view.agreement.fairnessStory}</p> : null}
        </Section>
      ) : null}
      {/* Gone as soon as they have signed: nothing is left to sign, even before the room reloads. */}
      {view.agreement && room.alternativesId && view.alternatives.length > 0 && !signed ? (
        <Signing token={token} room={room} reload={reload} onSigned={setSigned} />
      ) : null}
      {view.agreement ? null : (
        // Once agreed, the offers that led to it are history: the agreed terms above are what stands.
        <Section title="What is on the table">
          {view.bundles.length === 0 ? (
            <p>No offer yet: this page shows it as soon as it is sent.</p>
          ) : (
            <Bundles view={view} />
          )}
        </Section>
      )}
      {proposed.length > 0 ? (
        <Section title="Contingent terms proposed">
          <ul>
            {proposed.map((contingency) => (
              <li key={contingency.wording}>{contingency.wording}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="The issues">
        <table className="dr-issues">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Unit</th>
              <th scope="col">Possible levels</th>
            </tr>
          </thead>
          <tbody>
            {view.issues.map((issue) => (
              <tr key={issue.id}>
                <th scope="row">{issue.name}</th>
                <td>{issue.unit || '—'}</td>
                <td>{levelsText(issue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.decisionRule ? (
          <div className="dr-rule">
            <h3>The decision rule, as agreed</h3>
            {view.decisionRule.statement ? <p>{view.decisionRule.statement}</p> : null}
            {view.decisionRule.requireInWords.length > 0 ? (
              <ul>
                {view.decisionRule.requireInWords.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </Section>
      {!room.closed && !view.agreement && room.offerId && view.bundles.length > 0 ? (
        <Answer token={token} room={room} reload={reload} />
      ) : null}
      <Downloads token={token} room={room} />
    </main>
  )
}

/** The documents of the room to keep: the options now, and after the close what was agreed. */
function Downloads({ token, room }: { token: string; room: DealRoom }) {
  const { view } = room
  const documents: { kind: string; name: string; formats: [string, string][] }[] = [
    ...(view.bundles.length > 0
      ? [
          {
            kind: 'meso',
            name: 'The options',
            formats: [
              ['pdf', 'PDF'],
              ['docx', 'Word'],
              ['csv', 'CSV'],
            ] as [string, string][],
          },
        ]
      : []),
    ...(view.agreement
      ? [
          {
            kind: 'terms',
            name: 'The term sheet',
            formats: [
              ['pdf', 'PDF'],
              ['docx', 'Word'],
            ] as [string, string][],
          },
          {
            kind: 'fairness',
            name: 'Why it is fair',
            formats: [
              ['pdf', 'PDF'],
              ['docx', 'Word'],
            ] as [string, string][],
          },
          ...(view.agreement.governance.reviewCadence
            ? [
                {
                  kind: 'cadence',
                  name: 'Review meetings',
                  formats: [['ics', 'Calendar']] as [string, string][],
                },
              ]
            : []),
        ]
      : []),
  ]
  if (documents.length === 0) return null
  return (
    <Section title="Download">
      <ul className="dr-downloads">
        {documents.map((document) => (
          <li key={document.kind}>
            {document.name}:{' '}
            {document.formats.map(([format, name], k) => (
              <span key={format}>
                {k > 0 ? ' · ' : null}
                <a
                  href={`/api/deal-room/${encodeURIComponent(token)}/documents/${document.kind}?format=${format}`}
                  download
                  aria-label={`${document.name} as ${name}`}
                >
                  {name}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </Section>
  )
}

function levelsText(issue: Issue): string {
  const { levels } = issue
  const numeric = levels.every((level) => typeof level === 'number')
  if (numeric && levels.length > 6) {
    const first = levels[0] as number
    const last = levels.at(-1) as number
    const step = (levels[1] as number) - first
    return `${levelText(first, '')} to ${levelText(last, '')}, in steps of ${levelText(step, '')}`
  }
  return levels.map((level) => levelText(level, '')).join(', ')
}

function Bundles({ view }: { view: CounterpartyView }) {
  return (
    <div className="dr-bundles">
      {view.bundles.map((bundle) => (
        <article key={bundle.label} className="dr-bundle" aria-label={`Option ${bundle.label}`}>
          <h3>
            Option {bundle.label}
            {bundle.name ? `: ${bundle.name}` : ''}
          </h3>
          {bundle.rationale ? <p className="dr-rationale">{bundle.rationale}</p> : null}
          {termsList(view.issues, bundle.terms)}
        </article>
      ))}
    </div>
  )
}

/**
 * Before signing: the alternatives they offer beside the agreement, each shown by where it differs
 * from the agreed terms, and a signature for the agreement as it is or for one of them.
 */
function Signing({
  token,
  room,
  reload,
  onSigned,
}: {
  token: string
  room: DealRoom
  reload: () => Promise<void>
  onSigned: (text: string) => void
}) {
  const { view } = room
  const agreed = view.agreement?.terms ?? {}
  const attempts = useMemo(() => answerAttempts(), [])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()
  const sign = async (alternative?: number) => {
    if (busy) return
    const content: Omit<AnswerInput, 'answerId'> = {
      type: 'sign',
      offerId: room.alternativesId ?? '',
      ...(alternative !== undefined ? { alternative } : {}),
    }
    setBusy(true)
    try {
      const refused = await sendOnce(token, content, attempts, reload, 'signature')
      setOutcome(refused)
      if (refused) return
      onSigned(`Signed: ${ANSWER_WORDS.sign(content)}.`)
      await reload()
    } finally {
      setBusy(false)
    }
  }
  const differenceText = (issues: readonly Issue[], terms: Terms) =>
    issues.length === 0
      ? 'The agreed terms as they are.'
      : `The agreed terms, but with ${issues
          .map((issue) => `${inSentence(issue.name)} ${levelText(terms[issue.id] as Level, issue.unit)}`)
          .join(', ')}.`
  const changes = (terms: Terms) =>
    view.issues.filter((issue) => terms[issue.id] !== undefined && terms[issue.id] !== agreed[issue.id])
  return (
    <Section title="Before you sign">
      <p className="hint">
        {view.parties.us} would be just as happy to sign one of these instead of the agreed terms. If one
        suits you better, sign it; if not, sign the agreement as it is.
      </p>
      <div className="dr-bundles">
        {view.alternatives.map((terms, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an alternative is named by its place in the list
          <article key={k} className="dr-bundle" aria-label={`Alternative ${k + 1}`}>
            <h3>Alternative {k + 1}</h3>
            <p className="dr-rationale">{differenceText(changes(terms), terms)}</p>
            {termsList(view.issues, terms)}
            <Button kind="primary" disabled={busy} onClick={() => void sign(k + 1)}>
              Sign alternative {k + 1} instead
            </Button>
          </article>
        ))}
      </div>
      <Button disabled={busy} onClick={() => void sign()}>
        Sign the agreement as it is
      </Button>
      <output aria-live="polite">
        {outcome?.kind === 'refused' ? <Notice kind="error">{outcome.message}</Notice> : null}
      </output>
    </Section>
  )
}

/**
 * Sends an answer (or a signature) once: a lost reply is sent again with the same id and recorded
 * once; a refusal forgets the id (the next try is a new answer) and, when a newer offer is on the
 * table, shows it. Resolves to the outcome to show, or undefined when recorded.
 */
async function sendOnce(
  token: string,
  answer: Omit<AnswerInput, 'answerId'>,
  attempts: ReturnType<typeof answerAttempts>,
  reload: () => Promise<void>,
  what: string,
): Promise<Extract<Outcome, { kind: 'refused' }> | undefined> {
  try {
    await answerDealRoom(token, { ...answer, answerId: attempts.idFor(answer) })
    return undefined
  } catch (caught) {
    if (!(caught instanceof ApiError) || caught.status === 0 || caught.status >= 500)
      // Not refused: the same answer may be sent again with the same id, and is recorded once.
      return { kind: 'refused', message: `The ${what} could not be sent; try again.`, problems: [] }
    attempts.forget()
    if (caught.code === 'stale_offer') await reload()
    return { kind: 'refused', message: caught.message, problems: caught.problems }
  }
}

const ANSWER_WORDS = {
  sign: (answer: Omit<AnswerInput, 'answerId'>) =>
    answer.alternative === undefined
      ? 'you signed the agreement as it is'
      : `you signed alternative ${answer.alternative}`,
  choose: (answer: Omit<AnswerInput, 'answerId'>) => `you chose option ${answer.bundle}`,
  rank: (answer: Omit<AnswerInput, 'answerId'>) => `you ranked the options ${answer.ranking?.join(', ')}`,
  reject: (answer: Omit<AnswerInput, 'answerId'>) =>
    answer.counter && Object.keys(answer.counter).length > 0
      ? 'you turned the offer down, with your counter'
      : 'you turned the offer down',
} as const

function Answer({ token, room, reload }: { token: string; room: DealRoom; reload: () => Promise<void> }) {
  const { view } = room
  const labels = view.bundles.map((bundle) => bundle.label)
  const attempts = useMemo(() => answerAttempts(), [])
  const [bundle, setBundle] = useState(labels[0] ?? '')
  const [ranking, setRanking] = useState<string[]>(labels)
  // A counter names every issue (against several bundles it must): it starts from the first one.
  const first = view.bundles[0]
  const [counter, setCounter] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(first?.terms ?? {}).map(([issue, level]) => [issue, String(level)])),
  )
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()

  const send = async (answer: Omit<AnswerInput, 'answerId' | 'offerId'>) => {
    if (busy) return
    const content = { ...answer, offerId: room.offerId ?? '', ...(comment.trim() ? { comment } : {}) }
    setBusy(true)
    try {
      const refused = await sendOnce(token, content, attempts, reload, 'answer')
      setOutcome(refused ?? { kind: 'sent', text: `Sent: ${ANSWER_WORDS[content.type](content)}.` })
    } finally {
      setBusy(false)
    }
  }

  const problemsAt = (path: string) =>
    outcome?.kind === 'refused' ? outcome.problems.filter((problem) => problem.path === path) : []
  const counterTerms = (): Terms => {
    const terms: Terms = {}
    for (const issue of view.issues) {
      const text = counter[issue.id]?.trim()
      if (!text) continue
      const numeric = issue.levels.every((level) => typeof level === 'number')
      terms[issue.id] = numeric && Number.isFinite(Number(text)) ? Number(text) : text
    }
    return terms
  }
  const rankingProblem = new Set(ranking).size !== ranking.length ? 'Give each option one place.' : undefined

  return (
    <Section title="Your answer">
      <p className="hint">
        Your answer, and your comment, go to {view.parties.us}. Send one of the three below.
      </p>
      <TextField
        label="Comment (optional)"
        hint={`Shared with ${view.parties.us}, at most ${COMMENT_MAX_LENGTH.toLocaleString('en-US')} characters`}
        multiline
        value={comment}
        onChange={setComment}
        problems={problemsAt('comment')}
      />
      <div className="dr-answers">
        <fieldset className="dr-answer">
          <legend>Choose an option</legend>
          <SelectField
            label="Option"
            value={bundle}
            options={labels.map((label) => ({ value: label, label: `Option ${label}` }))}
            onChange={setBundle}
            problems={problemsAt('bundle')}
          />
          <Button kind="primary" disabled={busy} onClick={() => void send({ type: 'choose', bundle })}>
            Choose this option
          </Button>
        </fieldset>
        {labels.length > 1 ? (
          <fieldset className="dr-answer">
            <legend>Rank the options</legend>
            {ranking.map((label, place) => (
              <SelectField
                // biome-ignore lint/suspicious/noArrayIndexKey: a place in the ranking is its position
                key={place}
                label={`Place ${place + 1}`}
                value={label}
                options={labels.map((option) => ({ value: option, label: `Option ${option}` }))}
                onChange={(value) => setRanking(ranking.map((old, k) => (k === place ? value : old)))}
              />
            ))}
            <ProblemList
              problems={[...(rankingProblem ? [{ message: rankingProblem }] : []), ...problemsAt('ranking')]}
            />
            <Button
              kind="primary"
              disabled={busy || rankingProblem !== undefined}
              onClick={() => void send({ type: 'rank', ranking })}
            >
              Send this ranking
            </Button>
          </fieldset>
        ) : null}
        <fieldset className="dr-answer">
          <legend>Turn it down, with a counter</legend>
          <p className="hint">
            The level you would take on each issue, starting from option {first?.label}: change what you would
            have instead.
          </p>
          {view.issues.map((issue) => (
            <CounterField
              key={issue.id}
              issue={issue}
              value={counter[issue.id] ?? ''}
              onChange={(value) => setCounter({ ...counter, [issue.id]: value })}
              problems={problemsAt(`counter.${issue.id}`)}
            />
          ))}
          <Button
            kind="danger"
            disabled={busy}
            onClick={() => {
              const terms = counterTerms()
              void send({ type: 'reject', ...(Object.keys(terms).length > 0 ? { counter: terms } : {}) })
            }}
          >
            Send the counter
          </Button>
        </fieldset>
      </div>
      <output aria-live="polite">
        {outcome?.kind === 'sent' ? <Notice kind="success">{outcome.text}</Notice> : null}
        {outcome?.kind === 'refused' ? (
          <Notice kind="error">
            {outcome.message}
            {outcome.problems.length > 1 ? (
              <ProblemList problems={outcome.problems.map((problem) => ({ message: problem.message }))} />
            ) : null}
          </Notice>
        ) : null}
      </output>
    </Section>
  )
}

/** A level for one issue: a choice of the plan's levels, or a number typed where the levels are a range. */
function CounterField({
  issue,
  value,
  onChange,
  problems,
}: {
  issue: Issue
  value: string
  onChange: (value: string) => void
  problems: readonly { message: string }[]
}) {
  const numeric = issue.levels.every((level) => typeof level === 'number')
  if (numeric && issue.levels.length > 6)
    return (
      <TextField
        label={`${issue.name}${issue.unit ? ` (${issue.unit})` : ''}`}
        hint={levelsText(issue)}
        value={value}
        onChange={onChange}
        problems={problems}
      />
    )
  return (
    <SelectField
      label={`${issue.name}${issue.unit ? ` (${issue.unit})` : ''}`}
      value={value}
      empty="—"
      options={issue.levels.map((level) => ({ value: String(level), label: levelText(level, issue.unit) }))}
      onChange={onChange}
      problems={problems}
    />
  )
}

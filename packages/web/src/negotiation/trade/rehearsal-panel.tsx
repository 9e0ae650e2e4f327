/**
 * Rehearse: play one side against the simulator in the browser, as `parley rehearse` does at the
 * terminal (core's `startRehearsal`/`stepRehearsal`, run here), then a debrief against the true
 * frontier only the simulator knows. The scratch journal lives in this component's state and
 * nowhere else: the panel is given the plan's space and never the negotiation model, so it has no
 * way to append to the real journal or send anything to the server.
 */
import {
  count,
  formatDecimal,
  formatPoints,
  formatShare,
  GENERATOR_NAMES,
  type GeneratorName,
  type Level,
  nothingLeftInWords,
  OUTCOME_TEXT,
  type Rehearsal,
  type RehearsalBundle,
  type RehearsalMove,
  type RehearsalRole,
  rehearsalCoach,
  rehearsalDebrief,
  SIMULATE_DEFAULTS,
  SIMULATION_DEFAULTS,
  type Space,
  startRehearsal,
  stepRehearsal,
  type Terms,
  tableSourceWords,
} from '@parley/core'
import { useMemo, useState } from 'react'
import { Button, NumberField, ProblemList, SelectField } from '../../ui/controls'
import { Figure, useMaths } from '../../ui/maths'
import { ScrollRegion } from '../../ui/scroll-region'
import { PriorityPicker } from './discovery'
import { levelKey, levelOfKey, levelOptions } from './level-choice'
import { bundleText, moveText, replyText } from './rehearsal-text'
import { termsText } from './terms-text'

/** Which estimate our figures are under: in words, or core's label (`est., …`) with the maths. */
function useRehearsalEstimate(): string | undefined {
  return useMaths() ? undefined : 'our estimate'
}

/** How their hidden truth is drawn, in words; core's generator names with the maths. */
const GENERATOR_WORDS: Record<GeneratorName, string> = {
  prior: 'as our estimate of them says',
  perturbed: 'close to our estimate of them',
  reordered: 'their priorities in another order',
}

/** The rehearsal itself, loaded when the Rehearse button first opens it (`rehearsal-entry.tsx`). */
export function RehearsalPanel({ space }: { space: Space }) {
  const maths = useMaths()
  const estimate = useRehearsalEstimate()
  const [role, setRole] = useState<RehearsalRole>('us')
  const [generator, setGenerator] = useState<GeneratorName>(SIMULATE_DEFAULTS.generator)
  const [seed, setSeed] = useState<number | undefined>(SIMULATE_DEFAULTS.seed)
  const [rounds, setRounds] = useState<number | undefined>(SIMULATION_DEFAULTS.deadline)
  const [rehearsal, setRehearsal] = useState<Rehearsal>()
  const [refusal, setRefusal] = useState<string[]>([])
  const [stopped, setStopped] = useState(false)

  const roundsOk = rounds !== undefined && Number.isInteger(rounds) && rounds >= 1 && rounds <= 100
  const seedOk = seed !== undefined && Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295
  const start = () => {
    setRefusal([])
    setStopped(false)
    setRehearsal(
      startRehearsal(space, {
        as: role,
        generator,
        ...(seed !== undefined ? { seed } : {}),
        settings: { ...(rounds !== undefined ? { deadline: rounds } : {}) },
      }),
    )
  }
  const play = (move: RehearsalMove) => {
    if (!rehearsal) return
    const step = stepRehearsal(rehearsal, move)
    if (!step.ok) {
      setRefusal([
        step.refusal.message,
        ...step.refusal.problems.map((problem) => `${problem.at.join('.')}: ${problem.message}`),
      ])
      return
    }
    setRefusal(step.warnings.map((warning) => `Recorded with a warning: ${warning.message}`))
    setRehearsal(step.rehearsal)
  }

  if (!rehearsal)
    return (
      <div className="rehearsal-setup form-row">
        <SelectField
          label="You play"
          value={role}
          onChange={setRole}
          options={[
            { value: 'us', label: `${space.plan.parties.us.name} (our side)` },
            { value: 'them', label: `${space.plan.parties.them.name} (role reversal)` },
          ]}
        />
        <SelectField
          label="Their hidden truth"
          value={generator}
          onChange={setGenerator}
          options={GENERATOR_NAMES.map((name) => ({
            value: name,
            label: maths ? name : GENERATOR_WORDS[name],
          }))}
        />
        {/* The seed replays a rehearsal exactly: an expert's setting, shown with the maths. */}
        {maths ? (
          <NumberField
            label="Seed"
            value={seed}
            onChange={setSeed}
            problems={seedOk ? [] : [{ message: 'must be a whole number from 0 to 4294967295' }]}
          />
        ) : null}
        <NumberField
          label="Rounds"
          value={rounds}
          onChange={setRounds}
          problems={roundsOk ? [] : [{ message: 'must be a whole number from 1 to 100' }]}
        />
        <Button kind="primary" onClick={start} disabled={!roundsOk || !seedOk}>
          Start the rehearsal
        </Button>
      </div>
    )

  const over = rehearsal.end !== undefined || stopped
  return (
    <div className="rehearsal-play">
      <p className="where-it-stands">
        Rehearsal (scratch journal, {rehearsal.events.length} events) · round {rehearsal.round} of{' '}
        {rehearsal.deadline} · you play {rehearsal.setup.role === 'us' ? 'our side' : 'their side'}
      </p>
      {rehearsal.setup.role === 'them' ? <TheirTruth rehearsal={rehearsal} /> : null}
      <ol className="rehearsal-log" aria-label="Rehearsal so far">
        {rehearsal.setup.role === 'them' ? <li>Parley asks: “What matters most to you?”</li> : null}
        {rehearsal.exchanges.map((exchange, k) => (
          // Exchanges are only ever appended: their position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={k}>
            {moveText(space.issues, exchange.move)} {replyText(space.issues, rehearsal, exchange, estimate)}
          </li>
        ))}
      </ol>
      <ProblemList problems={refusal.map((message) => ({ message }))} />
      {over ? (
        <RehearsalDebriefView rehearsal={rehearsal} />
      ) : rehearsal.setup.role === 'us' ? (
        <OurMoves rehearsal={rehearsal} play={play} />
      ) : (
        <TheirMoves rehearsal={rehearsal} play={play} />
      )}
      <div className="form-row">
        {over ? null : <Button onClick={() => setStopped(true)}>Stop and debrief</Button>}
        <Button onClick={() => setRehearsal(undefined)}>Start again</Button>
      </div>
    </div>
  )
}

/** A bundle as selects, one per issue, starting from `base`; `submit` gets its terms. */
function BundleForm(props: {
  space: Space
  base: Int32Array | undefined
  action: string
  submit: (terms: Terms) => void
}) {
  const { space } = props
  const initial = () =>
    space.issues.map((issue) => levelKey(issue.levels[props.base?.[issue.index] ?? 0] as Level))
  const [keys, setKeys] = useState<string[]>(initial)
  const terms: Terms = {}
  for (const issue of space.issues) {
    const level = levelOfKey(issue, keys[issue.index] ?? '')
    if (level !== undefined) terms[issue.id] = level
  }
  return (
    <fieldset>
      <legend>{props.action}</legend>
      <div className="form-row">
        {space.issues.map((issue) => (
          <SelectField
            key={issue.id}
            label={issue.name}
            value={keys[issue.index] ?? ''}
            onChange={(value) => setKeys(keys.map((key, i) => (i === issue.index ? value : key)))}
            options={levelOptions(issue)}
          />
        ))}
      </div>
      <Button onClick={() => props.submit(terms)}>{props.action}</Button>
    </fieldset>
  )
}

function OurMoves({ rehearsal, play }: { rehearsal: Rehearsal; play: (move: RehearsalMove) => void }) {
  const { space } = rehearsal.setup
  const estimate = useRehearsalEstimate()
  const [target, setTarget] = useState<number | undefined>()
  const [showCoach, setShowCoach] = useState(false)
  const table = rehearsal.state.table
  const base = table ? Int32Array.from(table.offer.levelIndex) : undefined
  return (
    <div className="rehearsal-moves">
      {table ? (
        <p>
          On the table ({tableSourceWords(table.source)}):{' '}
          {bundleText(
            space.issues,
            rehearsal,
            {
              terms: table.terms,
              levels: Int32Array.from(table.offer.levelIndex),
            },
            estimate,
          )}
        </p>
      ) : null}
      <div className="form-row">
        <Button onClick={() => play({ kind: 'ask' })}>Ask what matters most</Button>
        <NumberField label="Our target (points, optional)" value={target} onChange={setTarget} />
        <Button
          kind="primary"
          onClick={() => play(target === undefined ? { kind: 'meso' } : { kind: 'meso', target })}
        >
          Offer the MESO set
        </Button>
        <Button onClick={() => play({ kind: 'accept' })} disabled={!rehearsal.state.counter}>
          Accept their counter
        </Button>
        <Button kind="danger" onClick={() => play({ kind: 'walk' })}>
          Walk away
        </Button>
        <Button onClick={() => setShowCoach(!showCoach)}>{showCoach ? 'Hide the coach' : 'The coach'}</Button>
      </div>
      <BundleForm
        key={rehearsal.events.length}
        space={space}
        base={base}
        action="Offer this bundle"
        submit={(terms) => play({ kind: 'offer', terms })}
      />
      {showCoach ? <CoachWords rehearsal={rehearsal} /> : null}
    </div>
  )
}

function CoachWords({ rehearsal }: { rehearsal: Rehearsal }) {
  const report = useMemo(() => rehearsalCoach(rehearsal), [rehearsal])
  return (
    <div className="rehearsal-coach">
      <h3>The coach ({report.stage})</h3>
      <ul>
        {report.script.map((line) => (
          <li key={line}>“{line}”</li>
        ))}
      </ul>
      <h4>For you only</h4>
      <ul>
        {report.advice.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  )
}

function TheirTruth({ rehearsal }: { rehearsal: Rehearsal }) {
  const { space, truth } = rehearsal.setup
  return (
    <details className="rehearsal-truth" open>
      <summary>What you really value (only you know this)</summary>
      <ul>
        {space.issues.map((issue) => (
          <li key={issue.id}>
            {issue.name}: weight {formatShare(truth.weights[issue.index] ?? 0)};{' '}
            {issue.levels
              .map((level, k) => `${levelKey(level)} ${formatPoints(truth.scores[issue.index]?.[k] ?? 0)}`)
              .join(', ')}
          </li>
        ))}
      </ul>
      <p>Your alternative is worth {formatPoints(truth.batna)} to you.</p>
    </details>
  )
}

function TheirMoves({ rehearsal, play }: { rehearsal: Rehearsal; play: (move: RehearsalMove) => void }) {
  const { space } = rehearsal.setup
  const estimate = useRehearsalEstimate()
  const [ranking, setRanking] = useState<string[]>([])
  if (rehearsal.signing) {
    const { agreed, alternatives } = rehearsal.signing
    return (
      <div className="rehearsal-moves">
        <p>
          Agreed: {bundleText(space.issues, rehearsal, agreed, estimate)}. Before signing, Parley offers
          beside it (each at least as good for us; you keep the agreement if you prefer it):
        </p>
        <ol>
          {alternatives.map((bundle, k) => (
            <li key={JSON.stringify(bundle.terms)}>
              {bundleText(space.issues, rehearsal, bundle, estimate)}{' '}
              <Button onClick={() => play({ kind: 'sign', alternative: k + 1 })}>Sign this instead</Button>
            </li>
          ))}
        </ol>
        <Button kind="primary" onClick={() => play({ kind: 'sign' })}>
          Sign the agreement as it is
        </Button>
      </div>
    )
  }
  if (rehearsal.askedPriorities) {
    return (
      <div>
        <PriorityPicker
          issues={space.issues}
          ranking={ranking}
          onChange={setRanking}
          problems={[]}
          summary="What matters most to you, most important first"
          open
        />
        <div className="form-row">
          <Button kind="primary" onClick={() => play({ kind: 'priorities', ranking })}>
            Answer
          </Button>
          <Button onClick={() => play({ kind: 'priorities', ranking: [] })}>Say nothing</Button>
        </div>
      </div>
    )
  }
  const offered: readonly RehearsalBundle[] = rehearsal.onOffer
  return (
    <div className="rehearsal-moves">
      <p>Parley offers:</p>
      <ul>
        {offered.map((bundle) => (
          <li key={bundle.label}>
            {bundleText(space.issues, rehearsal, bundle, estimate)}{' '}
            <Button
              onClick={() => play({ kind: 'accept', ...(bundle.label ? { label: bundle.label } : {}) })}
            >
              Accept {bundle.label}
            </Button>
          </li>
        ))}
      </ul>
      <BundleForm
        key={rehearsal.events.length}
        space={space}
        base={offered[0]?.levels}
        action="Counter with this bundle"
        submit={(terms) => play({ kind: 'counter', terms })}
      />
      <Button kind="danger" onClick={() => play({ kind: 'walk' })}>
        Walk away
      </Button>
    </div>
  )
}

function RehearsalDebriefView({ rehearsal }: { rehearsal: Rehearsal }) {
  const debrief = useMemo(() => rehearsalDebrief(rehearsal), [rehearsal])
  const { space } = rehearsal.setup
  const them = space.plan.parties.them.name
  return (
    <div className="rehearsal-debrief">
      <h3>Debrief (against the true frontier the simulator knows)</h3>
      <ul>
        <li>
          {debrief.agreement
            ? `Agreed after ${count(debrief.rounds, 'round')}: ${termsText(space.issues, debrief.agreement.terms)} — ${formatPoints(debrief.agreement.us)} to us, ${formatPoints(debrief.agreement.them)} to them (true).`
            : `No agreement: ${OUTCOME_TEXT[debrief.outcome]} after ${count(debrief.rounds, 'round')}.`}
        </li>
        <li>
          Alternatives: ours {formatPoints(debrief.batna.us)}, {them}'s {formatPoints(debrief.batna.them)}{' '}
          (true).
        </li>
        {debrief.nash ? (
          <li>
            <Figure plain="The best joint deal" maths="Nash point of the true frontier" />:{' '}
            {termsText(space.issues, debrief.nash.terms)} — {formatPoints(debrief.nash.us)} to us,{' '}
            {formatPoints(debrief.nash.them)} to them
            {debrief.nashShare !== undefined ? (
              <Figure
                plain={`; the agreement reached ${formatShare(debrief.nashShare)} of the best joint deal`}
                maths={`; the agreement reached ${formatShare(debrief.nashShare)} of its Nash product`}
              />
            ) : (
              ''
            )}
            .
          </li>
        ) : null}
        {debrief.againstPlan.map((shortfall) => (
          <li key={shortfall} className="negotiator-warning">
            Against our plan: {shortfall}.
          </li>
        ))}
        {debrief.nearest ? (
          <li>Distance to the true frontier: {formatPoints(debrief.nearest.distance)} points.</li>
        ) : null}
        <li>
          {debrief.left.bundle
            ? `Value left on the table: ${formatPoints(debrief.left.us)} points for us, ${formatPoints(debrief.left.them)} for them — ${debrief.agreement ? 'a bundle better for both' : 'what the best joint deal would have given over both alternatives'}: ${termsText(space.issues, debrief.left.bundle.terms)}.`
            : `Value left on the table: ${nothingLeftInWords(debrief)}.`}
        </li>
        {debrief.beforeSigning && debrief.beforeSigning.alternatives.length > 0 ? (
          <li>
            Before signing, Parley {debrief.beforeSigning.chosenBy === 'them' ? 'offered' : 'would offer'}{' '}
            beside the agreement (each at least as good for us):{' '}
            {debrief.beforeSigning.alternatives
              .map(
                (option) =>
                  `${termsText(space.issues, option.terms)} (${formatPoints(option.us)} to us, ${formatPoints(option.them)} to them, true)`,
              )
              .join('; ')}
            .{' '}
            {debrief.beforeSigning.signed
              ? `${debrief.beforeSigning.chosenBy === 'them' ? 'You signed' : 'They would sign'} ${termsText(space.issues, debrief.beforeSigning.signed.terms)} instead: ${formatPoints(debrief.beforeSigning.signed.us - (debrief.agreement?.us ?? 0))} more for us, ${formatPoints(debrief.beforeSigning.signed.them - (debrief.agreement?.them ?? 0))} more for them.`
              : debrief.beforeSigning.chosenBy === 'them'
                ? 'You kept the agreement.'
                : 'They would keep the agreement: none of them is better for them.'}
          </li>
        ) : null}
        <li>
          How far off our estimate of what matters to them was: {formatDecimal(debrief.learned.priorError, 2)}{' '}
          under the plan's estimate, {formatDecimal(debrief.learned.learnedError, 2)} after{' '}
          {count(debrief.learned.moves, 'move')}{' '}
          <Figure
            plain="(0 is spot on, 2 as wrong as can be)"
            maths="(L1 distance of weight shares to the truth, 0 to 2)"
          />
          .
        </li>
      </ul>
      <ScrollRegion label="Their weights">
        <table>
          <caption>Their weights: true, the plan's estimate, learned</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">True</th>
              <th scope="col">Plan</th>
              <th scope="col">Learned</th>
            </tr>
          </thead>
          <tbody>
            {debrief.learned.issues.map((issue) => (
              <tr key={issue.id}>
                <th scope="row">{issue.name}</th>
                <td>{formatShare(issue.truth)}</td>
                <td>{formatShare(issue.plan)}</td>
                <td>{formatShare(issue.learned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  )
}

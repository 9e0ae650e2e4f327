/**
 * Elicitation a busy person will actually do: no weight or score has to be typed. For us, and for
 * our estimate of them, the person ranks the issues, orders each issue's options (or says which
 * way a range goes) and answers swing questions one at a time; the weights and scores these give
 * are shown as they change, and written into the plan only when the person says so. Everything
 * answered stays in the plan's `elicitation`, to come back to. Viewers see it all, read only.
 */
import './elicitation.css'
import { CONFIDENCES, type Confidence, type Plan, type Side } from '@parley/core'
import { type KeyboardEvent, useId, useRef, useState } from 'react'
import { Button, Notice, ProblemList, SelectField } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { ApplyWeights } from './elicitation-apply'
import { ScoringByOrder } from './elicitation-orders'
import { RankingTable } from './elicitation-ranking'
import { centroidExplanation } from './elicitation-summary'
import { SwingQuestions } from './elicitation-swing'
import { estimateConfidence, setEstimateConfidence } from './ranking'

const SIDES: { side: Side; label: string }[] = [
  { side: 'us', label: 'Us' },
  { side: 'them', label: 'Them (our estimate)' },
]

const CONFIDENCE_LABELS: Record<Confidence, string> = {
  low: 'Low: a guess',
  medium: 'Medium',
  high: 'High: they told us, or we have seen it',
}

type Change = (change: (draft: Plan) => Plan) => void

/** Forgets everything answered for the side; the numbers in the plan stay. */
function withoutSide(plan: Plan, side: Side): Plan {
  if (!plan.elicitation?.[side]) return plan
  const { [side]: _dropped, ...rest } = plan.elicitation
  return { ...plan, elicitation: rest }
}

function EstimateConfidence({ plan, onChange }: { plan: Plan; onChange: Change | undefined }) {
  const confidence = estimateConfidence(plan)
  return (
    <SelectField<Confidence>
      label="How sure we are of this estimate"
      value={confidence === 'mixed' ? '' : confidence}
      empty={confidence === 'mixed' ? 'Mixed: it differs by issue' : undefined}
      options={CONFIDENCES.map((value) => ({ value, label: CONFIDENCE_LABELS[value] }))}
      disabled={!onChange}
      hint="Sets it for every issue. The surer the estimate, the more evidence the Midgame needs to move it."
      onChange={(next) => onChange?.((draft) => setEstimateConfidence(draft, next))}
    />
  )
}

function SidePanel({
  model,
  side,
  onChange,
}: {
  model: NegotiationModel
  side: Side
  onChange: Change | undefined
}) {
  const { plan } = model
  const answered = plan.elicitation?.[side] !== undefined
  return (
    <>
      {side === 'them' ? (
        <div className="elicitation-estimate">
          <p>
            <strong>An estimate.</strong> Everything on this tab is our guess at how they weigh the issues,
            never their word.
          </p>
          <EstimateConfidence plan={plan} onChange={onChange} />
        </div>
      ) : null}
      <h3>Issues by importance</h3>
      <p className="hint">
        {side === 'us'
          ? 'Most important to us first.'
          : 'Most important to them first, as far as we can tell.'}{' '}
        {centroidExplanation(plan.issues.length)}
      </p>
      <RankingTable plan={plan} side={side} onChange={onChange} />
      <h3>Swing questions</h3>
      <p className="hint">One at a time, to check the order: each answer can move an issue up, or tie two.</p>
      <SwingQuestions plan={plan} side={side} onChange={onChange} />
      <ScoringByOrder plan={plan} side={side} onChange={onChange} />
      {onChange ? (
        <>
          <h3>Use the derived numbers</h3>
          <ApplyWeights plan={plan} side={side} onChange={onChange} />
          {answered ? (
            <p className="elicitation-restart">
              <Button onClick={() => onChange((draft) => withoutSide(draft, side))}>
                Start over for {side === 'us' ? 'us' : 'them'}
              </Button>{' '}
              <span className="hint">
                Forgets the ranking, the orders and the answers; the weights in the plan stay.
              </span>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  )
}

export function Elicitation({ model }: { model: NegotiationModel }) {
  const [side, setSide] = useState<Side>('us')
  const id = useId()
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  // Work on a plan with problems would show numbers that lag behind: fix them first.
  const onChange: Change | undefined = model.canEdit && model.validation.ok ? model.edit : undefined
  const problems = model.problemsUnder('elicitation')

  const keyDown = (event: KeyboardEvent, k: number) => {
    const next =
      event.key === 'ArrowRight'
        ? (k + 1) % SIDES.length
        : event.key === 'ArrowLeft'
          ? (k + SIDES.length - 1) % SIDES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? SIDES.length - 1
              : undefined
    const target = next === undefined ? undefined : SIDES[next]
    if (!target || next === undefined) return
    event.preventDefault()
    setSide(target.side)
    tabs.current[next]?.focus()
  }

  return (
    <div className="elicitation">
      <p className="hint">
        No numbers needed: rank the issues, put options in order and answer a few questions. Parley works out
        the weights and scores as you go, and writes them into the plan when you say so.
      </p>
      {!model.canEdit ? <p className="hint">Read only: viewers can not change the ranking.</p> : null}
      {model.canEdit && !model.validation.ok ? (
        <Notice kind="info">
          The plan has problems to fix first (shown beside their fields); until then this shows the last valid
          plan and can not be changed.
        </Notice>
      ) : null}
      <ProblemList
        problems={problems.map((problem) => ({ ...problem, message: `${problem.path}: ${problem.message}` }))}
      />
      {problems.length > 0 && model.canEdit ? (
        <p className="elicitation-restart">
          {SIDES.filter((entry) => model.draft.elicitation?.[entry.side]).map((entry) => (
            <Button key={entry.side} onClick={() => model.edit((draft) => withoutSide(draft, entry.side))}>
              Start over for {entry.side === 'us' ? 'us' : 'them'}
            </Button>
          ))}
        </p>
      ) : null}
      <div className="elicitation-tabs" role="tablist" aria-label="Whose weights">
        {SIDES.map((entry, k) => (
          <button
            key={entry.side}
            ref={(element) => {
              tabs.current[k] = element
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${entry.side}`}
            aria-selected={side === entry.side}
            aria-controls={side === entry.side ? `${id}-panel` : undefined}
            tabIndex={side === entry.side ? 0 : -1}
            onClick={() => setSide(entry.side)}
            onKeyDown={(event) => keyDown(event, k)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${side}`}
        className="elicitation-panel"
      >
        <SidePanel key={side} model={model} side={side} onChange={onChange} />
      </div>
    </div>
  )
}

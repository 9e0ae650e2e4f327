/**
 * Their answer to our latest offer: the bundle they chose, their ranking of the bundles (ordered
 * with buttons, so the keyboard does it as well as a mouse), or a rejection with an optional
 * counter and their reason. Each teaches the model what they value.
 */
import { counterBase, type NegotiationStatus, type Terms } from '@parley/core'
import { useState } from 'react'
import { Link } from '../../router'
import { Button, CheckboxField, ProblemList, SelectField, TextField } from '../../ui/controls'
import { useEstimateLabel } from '../estimate-words'
import type { NegotiationModel } from '../model'
import { BundleGrid, bundleHeading, useBundleWords } from './bundle-grid'
import { type AnswerForm, type AnswerKind, answerEvent } from './events'
import { levelKey, levelOptions } from './level-choice'
import { moveItem } from './ordering'
import { RecordingStatus, useRecorder } from './recording'

const KIND_LABELS: Record<AnswerKind, string> = {
  chosen: 'Chose a bundle',
  ranked: 'Ranked the bundles',
  rejected: 'Rejected the offer',
}

function RankingList({
  order,
  names,
  onChange,
  problems,
}: {
  order: readonly string[]
  names: Readonly<Record<string, string>>
  onChange: (order: string[]) => void
  problems: readonly { message: string }[]
}) {
  const [said, setSaid] = useState('')
  const move = (k: number, delta: number) => {
    const next = moveItem(order, k, delta)
    onChange(next)
    const label = order[k] ?? ''
    setSaid(`${label} is now ${next.indexOf(label) + 1} of ${next.length}`)
  }
  return (
    <fieldset className="ranking">
      <legend>Their ranking, best for them first</legend>
      <ol>
        {order.map((label, k) => (
          <li key={label}>
            <span className="ranking-label">{names[label] ?? label}</span>
            <Button onClick={() => move(k, -1)} disabled={k === 0}>
              <span aria-hidden="true">↑</span> Move {label} up
            </Button>
            <Button onClick={() => move(k, 1)} disabled={k === order.length - 1}>
              <span aria-hidden="true">↓</span> Move {label} down
            </Button>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      <ProblemList problems={problems} />
    </fieldset>
  )
}

export function TheirAnswer({ model, status }: { model: NegotiationModel; status: NegotiationStatus }) {
  const latest = model.derived.state.offers.at(-1)
  const labels = latest?.bundles.map((bundle) => bundle.label) ?? []
  const words = useBundleWords(model.space.issues)
  const estimateWords = useEstimateLabel(model.derived.state.observations.length)
  const names = Object.fromEntries(
    latest?.bundles.map((bundle) => [bundle.label, bundleHeading(bundle, words)]) ?? [],
  )
  const recorder = useRecorder(model)
  const [counterOn, setCounterOn] = useState<string>()
  const [form, setForm] = useState<AnswerForm>({
    kind: 'chosen',
    chosen: '',
    order: labels,
    counter: false,
    counterTerms: {},
    reason: '',
  })
  // A new offer brings new labels: the ranking, and the bundle a counter starts from, start again.
  const offerId = latest?.eventId
  const [rankedFor, setRankedFor] = useState(offerId)
  if (rankedFor !== offerId) {
    setRankedFor(offerId)
    setCounterOn(undefined)
    setForm((current) => ({ ...current, order: labels, chosen: '' }))
  }
  if (!latest)
    return (
      <p>
        No offer has been sent yet. Send a MESO set from the{' '}
        <Link to={`/w/${model.record.workspaceId}/n/${model.record.id}/first-move`}>first move</Link>, then
        record their answer here.
      </p>
    )
  const issues = model.space.issues
  const fields = [
    'label',
    'order',
    'counter.terms',
    ...issues.map((i) => `counter.terms.${i.id}`),
    'reason',
    'note',
  ]
  const { at, rest } = recorder.place(fields)
  const change = (patch: Partial<AnswerForm>) => {
    recorder.reset()
    setForm((current) => ({ ...current, ...patch }))
  }
  // While a set of several awaits their answer, the counter starts from the bundle they name; else
  // from the bundle on the table (core's `counterBase`, as the command line and replay read it).
  const table = counterBase(model.derived.state)
  const pickBase = !table && latest.bundles.length > 1
  const termsOfBundle = (label: string | undefined) =>
    latest.bundles.find((bundle) => bundle.label === label)?.terms ?? latest.bundles[0]?.terms ?? {}
  const prefilled = (terms: Terms) =>
    Object.fromEntries(Object.entries(terms).map(([id, level]) => [id, levelKey(level)]))
  const startCounter = (counter: boolean) => {
    // Start from the bundle on the table (or the one they countered): they usually change a few terms.
    const base = table?.terms ?? termsOfBundle(counterOn)
    change({ counter, counterTerms: counter ? prefilled(base) : {} })
  }
  const save = async () => {
    const summary =
      form.kind === 'chosen'
        ? `they chose ${names[form.chosen] ?? form.chosen}`
        : form.kind === 'ranked'
          ? `they ranked ${form.order.join(', ')}`
          : 'they rejected the offer'
    const recorded = await recorder.record(
      answerEvent(form, issues),
      `Recorded: ${summary}. Their priorities below have been updated.`,
    )
    if (recorded)
      setForm({ kind: form.kind, chosen: '', order: labels, counter: false, counterTerms: {}, reason: '' })
  }
  return (
    <>
      <BundleGrid
        issues={issues}
        caption={`Our latest offer (round ${latest.round})`}
        estimate={estimateWords}
        bundles={status.offersInPlay}
      />
      {model.canEdit ? (
        <div className="answer-form">
          <div className="form-row">
            <SelectField
              label="What did they do?"
              value={form.kind}
              options={(Object.keys(KIND_LABELS) as AnswerKind[]).map((value) => ({
                value,
                label: KIND_LABELS[value],
              }))}
              onChange={(kind) => change({ kind })}
            />
            {form.kind === 'chosen' ? (
              <SelectField
                label="Bundle they chose"
                value={form.chosen}
                empty="Choose…"
                options={labels.map((label) => ({ value: label, label: names[label] ?? label }))}
                onChange={(chosen) => change({ chosen })}
                problems={at.label ?? []}
              />
            ) : null}
          </div>
          {form.kind === 'ranked' ? (
            <RankingList
              order={form.order}
              names={names}
              onChange={(order) => change({ order })}
              problems={at.order ?? []}
            />
          ) : null}
          {form.kind === 'rejected' ? (
            <>
              <CheckboxField
                label="They made a counter-offer"
                checked={form.counter}
                onChange={startCounter}
              />
              {form.counter ? (
                <fieldset className="counter">
                  <legend>Their counter</legend>
                  {pickBase ? (
                    <SelectField
                      label="The bundle they countered"
                      value={counterOn ?? labels[0] ?? ''}
                      options={labels.map((label) => ({ value: label, label: names[label] ?? label }))}
                      onChange={(label) => {
                        setCounterOn(label)
                        change({ counterTerms: prefilled(termsOfBundle(label)) })
                      }}
                    />
                  ) : null}
                  <p className="hint">
                    {pickBase
                      ? 'Starts from the bundle they countered: change what they changed.'
                      : 'Starts from the bundle on the table: change what they changed.'}
                  </p>
                  <ProblemList problems={at['counter.terms'] ?? []} />
                  <div className="form-row">
                    {issues.map((issue) => (
                      <SelectField
                        key={issue.id}
                        label={`Counter: ${issue.name}`}
                        value={form.counterTerms[issue.id] ?? ''}
                        empty="—"
                        options={levelOptions(issue)}
                        onChange={(key) =>
                          change({ counterTerms: { ...form.counterTerms, [issue.id]: key } })
                        }
                        problems={at[`counter.terms.${issue.id}`] ?? []}
                      />
                    ))}
                  </div>
                </fieldset>
              ) : null}
            </>
          ) : null}
          <TextField
            label={form.kind === 'rejected' ? 'Their reason (optional)' : 'What they said (optional)'}
            value={form.reason}
            onChange={(reason) => change({ reason })}
            problems={[...(at.reason ?? []), ...(at.note ?? [])]}
          />
          <RecordingStatus recorder={recorder} rest={rest} />
          <Button kind="primary" onClick={() => void save()} disabled={recorder.busy}>
            Record their answer
          </Button>
        </div>
      ) : null}
    </>
  )
}

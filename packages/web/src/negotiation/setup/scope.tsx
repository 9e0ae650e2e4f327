/**
 * The scope of tradeables: each issue with its tradeable flag (cheap for us, valuable to them: it
 * funds trades), how much it weighs to each side and how many of its levels the rule and our
 * limits leave in play; and the workspace library's tradeables and lessons meant for this kind of
 * negotiation, each of which can be taken in as a new issue.
 */
import { compileRequirements, type IssueInPlay, levelsInPlay } from '@parley/core'
import { useEffect, useId, useMemo, useState } from 'react'
import { api } from '../../api'
import { Link } from '../../router'
import { Button, CheckboxField, Notice, PrivateMark } from '../../ui/controls'
import type { Tradeable } from '../../workspace/tradeable-form'
import type { NegotiationModel } from '../model'
import { percent } from '../prepare/format'
import { setIn } from '../prepare/plan-paths'
import { problemsFor } from './plan-problems'
import { addEntryAsIssue, type ScopeSuggestion, scopeSuggestions } from './scope-suggestions'
import './setup.css'

function inPlayText(play: IssueInPlay | undefined): string {
  if (!play) return 'not yet checked'
  if (play.allowed === 0) return 'out of play: the rule and our limits exclude every level'
  if (play.allowed === 1) return `fixed: the rule and our limits leave 1 of ${play.levels} levels`
  if (play.allowed === play.levels) return `in play: all ${play.levels} levels`
  return `in play: ${play.allowed} of ${play.levels} levels`
}

export function TradeableScope({ model }: { model: NegotiationModel }) {
  const { space } = model
  const inPlay = useMemo(() => {
    const requirements = compileRequirements(space)
    return new Map(
      levelsInPlay(space, [...requirements.rule, ...requirements.limits]).map((play) => [play.id, play]),
    )
  }, [space])

  return (
    <div className="scope">
      <p className="hint">
        A tradeable costs us little and is worth more to them: it pays for what we ask in return.{' '}
        <PrivateMark>flags and weights are private</PrivateMark>
      </p>
      <ul className="scope-issues">
        {model.draft.issues.map((issue, index) => {
          const compiled = space.byId.get(issue.id)
          const weights = compiled
            ? `weighs ${percent(space.share.us[compiled.index] ?? 0)} to us, about ${percent(space.share.them[compiled.index] ?? 0)} to them`
            : ''
          return (
            // The place goes in the key too: while an id is being retyped on Prepare, two can match.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={`${index}-${issue.id}`}>
              <CheckboxField
                label={`Tradeable: ${issue.name}`}
                checked={issue.tradeable === true}
                disabled={!model.canEdit}
                problems={problemsFor(model, `issues[${index}].tradeable`)}
                onChange={(on) =>
                  model.edit((plan) => setIn(plan, ['issues', index, 'tradeable'], on ? true : undefined))
                }
              />
              <p className="hint">
                {[weights, inPlayText(inPlay.get(issue.id))].filter(Boolean).join(' · ')}
              </p>
            </li>
          )
        })}
      </ul>
      <LibrarySuggestions model={model} />
    </div>
  )
}

const KIND_WORDS = { lesson: 'Lesson', tradeable: 'Tradeable' } as const

function LibrarySuggestions({ model }: { model: NegotiationModel }) {
  const workspace = model.record.workspaceId
  const [entries, setEntries] = useState<Tradeable[]>()
  const [error, setError] = useState<string>()
  const [added, setAdded] = useState<string>()
  const headingId = useId()

  useEffect(() => {
    let live = true
    api
      .get<{ tradeables: Tradeable[] }>(`/api/workspaces/${workspace}/tradeables`)
      .then((response) => {
        if (live) setEntries(response.body.tradeables)
      })
      .catch((caught: unknown) => {
        if (live) setError(caught instanceof Error ? caught.message : String(caught))
      })
    return () => {
      live = false
    }
  }, [workspace])

  const suggestions = useMemo(
    () => (entries ? scopeSuggestions(entries, model.draft) : undefined),
    [entries, model.draft],
  )
  const take = (suggestion: ScopeSuggestion) => {
    model.edit((plan) => addEntryAsIssue(plan, suggestion.entry).plan)
    setAdded(suggestion.issueName)
  }

  return (
    <section className="scope-library" aria-labelledby={headingId}>
      <h3 id={headingId}>From the workspace library</h3>
      {added ? (
        <Notice kind="success">
          “{added}” is now an issue, flagged tradeable: give it its levels and weights in{' '}
          <Link to={`/w/${workspace}/n/${model.record.id}/prepare`}>Prepare</Link>.
        </Notice>
      ) : null}
      {error ? <Notice kind="error">The library could not be loaded: {error}</Notice> : null}
      {!suggestions && !error ? <p aria-busy="true">Loading the library…</p> : null}
      {suggestions?.length === 0 ? (
        <p>
          Nothing in the <Link to={`/w/${workspace}/tradeables`}>tradeables library</Link> for a{' '}
          {model.plan.context} negotiation yet. Tradeables added there, and lessons saved from debriefs, are
          suggested here.
        </p>
      ) : null}
      {suggestions && suggestions.length > 0 ? (
        <ul className="scope-suggestions">
          {suggestions.map((suggestion) => {
            const { entry } = suggestion
            const amounts = [
              entry.costToUs ? `cost to us ${entry.costToUs}` : '',
              entry.valueToThem ? `value to them ${entry.valueToThem}` : '',
            ].filter(Boolean)
            const existing = suggestion.inPlan
              ? model.draft.issues.find((issue) => issue.id === suggestion.inPlan)
              : undefined
            return (
              <li key={entry.id}>
                <p className="scope-suggestion-title">
                  <span className={`scope-kind ${suggestion.kind}`}>{KIND_WORDS[suggestion.kind]}</span>{' '}
                  <strong>{entry.name}</strong>
                  {amounts.length > 0 ? <span className="hint"> · {amounts.join(', ')}</span> : null}
                </p>
                {entry.description ? <p>{entry.description}</p> : null}
                {entry.lesson ? <p className="scope-lesson">{entry.lesson}</p> : null}
                {existing ? (
                  <p className="hint">
                    Already an issue: {existing.name}
                    {existing.tradeable ? ', flagged tradeable' : ''}.
                  </p>
                ) : model.canEdit && (suggestion.kind === 'tradeable' || entry.issue) ? (
                  <Button onClick={() => take(suggestion)}>Add “{suggestion.issueName}” as an issue</Button>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}

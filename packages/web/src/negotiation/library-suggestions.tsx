/**
 * The workspace library's tradeables and lessons for this negotiation, each with what it would cost
 * us and be worth to them, and a way to take it in as a new issue. Shown on Prepare beside the
 * priorities chart and on Set up beside the scope, from the same list.
 */
import { LIMITS } from '@parley/core'
import { useId, useMemo, useState } from 'react'
import { Link } from '../router'
import { Button, Notice } from '../ui/controls'
import { addEntryAsIssue, type LibrarySuggestion, librarySuggestions, useTradeablesLibrary } from './library'
import type { NegotiationModel } from './model'
import './library.css'

const KIND_WORDS = { lesson: 'Lesson', tradeable: 'Tradeable' } as const

export function LibrarySuggestions({ model }: { model: NegotiationModel }) {
  const workspace = model.record.workspaceId
  const library = useTradeablesLibrary(workspace)
  const [added, setAdded] = useState<{ name: string; tradeable: boolean }>()
  const headingId = useId()
  const suggestions = useMemo(
    () => (library.state === 'ready' ? librarySuggestions(library.entries, model.draft) : undefined),
    [library, model.draft],
  )
  const full = model.draft.issues.length >= LIMITS.issues
  const take = (suggestion: LibrarySuggestion) => {
    model.edit((plan) => addEntryAsIssue(plan, suggestion.entry).plan)
    setAdded({ name: suggestion.issueName, tradeable: suggestion.kind === 'tradeable' })
  }
  const link = <Link to={`/w/${workspace}/tradeables`}>tradeables library</Link>

  return (
    <section className="library-suggestions" aria-labelledby={headingId}>
      <h3 id={headingId}>From the workspace library</h3>
      {added ? (
        <Notice kind="success">
          “{added.name}” is now an issue{added.tradeable ? ', flagged tradeable' : ''}: give it its levels in
          the issues grid on <Link to={`/w/${workspace}/n/${model.record.id}/prepare`}>Prepare</Link>, then
          rank it.
        </Notice>
      ) : null}
      {library.state === 'failed' ? (
        <Notice kind="error">The library could not be loaded: {library.message}</Notice>
      ) : null}
      {library.state === 'loading' ? <p aria-busy="true">Loading the library…</p> : null}
      {suggestions?.length === 0 ? (
        <p className="hint">
          Nothing in the {link} for a {model.plan.context} negotiation yet. Tradeables added there, and
          lessons saved from debriefs, are suggested here.
        </p>
      ) : null}
      {suggestions && suggestions.length > 0 ? (
        <ul className="library-list">
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
                <p className="library-title">
                  <span className={`library-kind ${suggestion.kind}`}>{KIND_WORDS[suggestion.kind]}</span>{' '}
                  <strong>{entry.name}</strong>
                  {amounts.length > 0 ? <span className="hint"> · {amounts.join(', ')}</span> : null}
                </p>
                {entry.description ? <p>{entry.description}</p> : null}
                {entry.lesson ? <p className="library-lesson">{entry.lesson}</p> : null}
                {existing ? (
                  <p className="hint">
                    Already an issue: {existing.name}
                    {existing.tradeable ? ', flagged tradeable' : ''}.
                  </p>
                ) : model.canEdit && (suggestion.kind === 'tradeable' || entry.issue) ? (
                  <Button
                    onClick={() => take(suggestion)}
                    disabled={full}
                    title={full ? `A plan holds at most ${LIMITS.issues} issues` : undefined}
                  >
                    Add “{suggestion.issueName}” as an issue
                  </Button>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}

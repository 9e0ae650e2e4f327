/**
 * The scope of tradeables: each issue with its tradeable flag (cheap for us, valuable to them: it
 * funds trades), how much it weighs to each side and how many of its levels the rule and our
 * limits leave in play; and the workspace library's tradeables and lessons meant for this kind of
 * negotiation, each of which can be taken in as a new issue.
 */
import { compileRequirements, formatShare, type IssueInPlay, levelsInPlay } from '@parley/core'
import { useMemo } from 'react'
import { CheckboxField, PrivateMark } from '../../ui/controls'
import { LibrarySuggestions } from '../library-suggestions'
import type { NegotiationModel } from '../model'
import { problemsFor } from '../plan-problems'
import { setIn } from '../prepare/plan-paths'
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
            ? `weighs ${formatShare(space.share.us[compiled.index] ?? 0)} to us, about ${formatShare(space.share.them[compiled.index] ?? 0)} to them`
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

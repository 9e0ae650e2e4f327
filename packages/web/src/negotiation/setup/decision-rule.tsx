/**
 * The decision rule both sides agree every offer must pass: its statement in plain words (shared
 * with them, so the linter checks it for private figures and empty "win-win" talk) and the
 * conditions a bundle must meet, each on one issue or a weighted sum. How many bundles still meet
 * the rule is counted as it changes, so a rule that leaves nothing to trade shows at once.
 */
import {
  type BundleCount,
  type Constraint,
  compileRequirements,
  countBundles,
  formatShare,
  groupThousands,
} from '@parley/core'
import { useMemo } from 'react'
import { Button, PrivateMark, ProblemList } from '../../ui/controls'
import { useItemKeys } from '../../ui/item-keys'
import type { NegotiationModel } from '../model'
import { PlanTextField } from '../plan-fields'
import { problemsFor } from '../plan-problems'
import { setIn } from '../prepare/plan-paths'
import { ConstraintEditor } from './constraint-editor'
import { issueConstraint, sumConstraint } from './constraint-edits'
import './setup.css'

export function DecisionRuleEditor({ model }: { model: NegotiationModel }) {
  const { space } = model
  const rule = model.draft.decisionRule
  const conditions = rule?.require ?? []
  const conditionKeys = useItemKeys(conditions.length)
  const disabled = !model.canEdit
  const first = space.issues[0]
  const sum = sumConstraint(space.issues)
  const add = (constraint: Constraint) =>
    model.edit((plan) => setIn(plan, ['decisionRule', 'require', conditions.length], constraint))

  return (
    <div className="decision-rule">
      <p className="hint">
        Agree with them how offers will be judged, before any offer is made. The statement and the conditions
        are shared with them.
      </p>
      <ProblemList problems={problemsFor(model, 'decisionRule')} />
      <PlanTextField
        model={model}
        at={['decisionRule', 'statement']}
        label="The rule in plain words"
        hint="As both sides agreed it, e.g. “Total cost over 12 months, with all teams live within 60 days”"
        multiline
      />
      <h3>Conditions every offer must meet</h3>
      {conditions.length === 0 ? <p>No conditions yet: every bundle passes.</p> : null}
      {conditions.map((constraint, k) => (
        <ConstraintEditor
          key={conditionKeys.keyOf(k)}
          model={model}
          at={['decisionRule', 'require', k]}
          constraint={constraint}
          legend={`Condition ${k + 1}`}
          removeLabel={`Remove condition ${k + 1}`}
          onRemove={() => {
            conditionKeys.removing(k)
            model.edit((plan) => setIn(plan, ['decisionRule', 'require', k], undefined))
          }}
        />
      ))}
      {!disabled ? (
        <div className="setup-buttons">
          {first ? (
            <Button onClick={() => add(issueConstraint(first))}>Add a condition on one issue</Button>
          ) : null}
          {sum ? <Button onClick={() => add(sum)}>Add a condition on a weighted sum</Button> : null}
        </div>
      ) : null}
      <RuleCount model={model} />
    </div>
  )
}

function countText(count: BundleCount, what: string): string {
  if (!count.ok)
    return `The bundles that ${what} are not counted: the summed issues have ${groupThousands(count.combinations)} combinations, more than ${groupThousands(count.limit)}`
  const share = count.outcomes > 0 ? ` (${formatShare(count.count / count.outcomes)})` : ''
  return `${groupThousands(count.count)} of ${groupThousands(count.outcomes)} possible bundles ${what}${share}`
}

/** The count of bundles meeting the rule, and of those also within our limits (private). */
function RuleCount({ model }: { model: NegotiationModel }) {
  const { space } = model
  const counts = useMemo(() => {
    const requirements = compileRequirements(space)
    return {
      rule: countBundles(space, requirements.rule),
      limits:
        requirements.limits.length > 0
          ? countBundles(space, [...requirements.rule, ...requirements.limits])
          : undefined,
    }
  }, [space])
  const nothing = counts.rule.ok && counts.rule.count === 0
  return (
    <div className="rule-count" aria-live="polite">
      <p>
        <strong>{countText(counts.rule, 'meet the rule')}</strong>
        {model.validation.ok ? '' : ' — as last checked; fix the problems marked to count the rule as typed'}.
      </p>
      {nothing ? (
        <p className="setup-flag">
          No bundle meets the rule: there is nothing left to agree on. Loosen a condition.
        </p>
      ) : null}
      {counts.limits ? (
        <p>
          {countText(counts.limits, 'meet the rule and keep to our walk-away limits')}{' '}
          <PrivateMark>limits are private</PrivateMark>
        </p>
      ) : null}
    </div>
  )
}

/** The agreement's terms: the agreed level of each issue, from its levels or the one already chosen. */
import { type IssueModel, levelKey } from '@parley/core'
import { SelectField } from '../../ui/controls'
import type { AgreementForm } from './agreement'
import { levelOfKey, levelOptions } from './levels'

export function AgreedTerms({
  issues,
  terms,
  problemsAt,
  onChange,
}: {
  issues: readonly IssueModel[]
  terms: AgreementForm['terms']
  problemsAt: (path: string) => { message: string }[]
  onChange: (terms: AgreementForm['terms']) => void
}) {
  return (
    <fieldset className="agreement-terms">
      <legend>Agreed terms</legend>
      <div className="form-row">
        {issues.map((issue) => {
          const current = terms[issue.id]
          const options = levelOptions(issue, current)
          return (
            <SelectField
              key={issue.id}
              label={`Agreed ${issue.name}`}
              value={current === undefined ? '' : levelKey(current)}
              options={options}
              {...(current === undefined ? { empty: 'Choose…' } : {})}
              problems={problemsAt(`terms.${issue.id}`)}
              onChange={(key) => onChange({ ...terms, [issue.id]: levelOfKey(options, key) })}
            />
          )
        })}
      </div>
    </fieldset>
  )
}

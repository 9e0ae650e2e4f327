/** How the agreement is run once signed: change control, the exit, and its governance. */
import { TextField } from '../../ui/controls'
import type { AgreementForm } from './agreement'

type GovernanceFields = Pick<
  AgreementForm,
  'changeControl' | 'exit' | 'reviewCadence' | 'dataAccess' | 'escalation'
>

export function AgreedGovernance({
  form,
  problemsAt,
  onChange,
}: {
  form: GovernanceFields
  problemsAt: (path: string) => { message: string }[]
  onChange: (patch: Partial<GovernanceFields>) => void
}) {
  return (
    <>
      <fieldset>
        <legend>Change control and exit</legend>
        <TextField
          multiline
          label="Change control"
          hint="How either side asks for a change, and who agrees to it"
          value={form.changeControl}
          problems={problemsAt('changeControl')}
          onChange={(changeControl) => onChange({ changeControl })}
        />
        <TextField
          multiline
          label="Exit"
          hint="The off-ramp: when and how either side may leave (for example after repeated breaches)"
          value={form.exit}
          problems={problemsAt('exit')}
          onChange={(exit) => onChange({ exit })}
        />
      </fieldset>

      <fieldset>
        <legend>Governance</legend>
        <div className="form-row">
          <TextField
            label="Review cadence"
            placeholder="Quarterly business review"
            value={form.reviewCadence}
            problems={problemsAt('governance.reviewCadence')}
            onChange={(reviewCadence) => onChange({ reviewCadence })}
          />
          <TextField
            label="Data access"
            placeholder="Shared dashboard, monthly export"
            value={form.dataAccess}
            problems={problemsAt('governance.dataAccess')}
            onChange={(dataAccess) => onChange({ dataAccess })}
          />
          <TextField
            label="Escalation path"
            placeholder="Account leads, then sponsors"
            value={form.escalation}
            problems={problemsAt('governance.escalation')}
            onChange={(escalation) => onChange({ escalation })}
          />
        </div>
      </fieldset>
    </>
  )
}

/** The agreement's measures: each a metric, a threshold, who reports it and how often, and the remedy. */
import { capitalised } from '@parley/core'
import { Button, TextField } from '../../ui/controls'
import { RecordTable } from '../../ui/record-table'
import { EMPTY_MEASURE, MEASURE_FIELDS, type MeasureForm } from './agreement'

export function AgreedMeasures({
  measures,
  problemsAt,
  onChange,
}: {
  measures: readonly MeasureForm[]
  problemsAt: (path: string) => { message: string }[]
  onChange: (measures: MeasureForm[]) => void
}) {
  const setMeasure = (row: number, patch: Partial<MeasureForm>) =>
    onChange(measures.map((m, k) => (k === row ? { ...m, ...patch } : m)))
  return (
    <fieldset>
      <legend>Measures</legend>
      <p className="hint">
        Each measure needs a metric, a threshold, who reports it and how often, and the remedy when it is
        missed.
      </p>
      {measures.length > 0 ? (
        <RecordTable
          caption="Measures"
          className="grid-table close-measures"
          columns={['Metric', 'Threshold', 'Reporting', 'Remedy']}
          actions="Remove"
        >
          {measures.map((measure, row) => (
            // Rows have no identity of their own; their position is what the problems name.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={row}>
              {MEASURE_FIELDS.map((field) => (
                <td key={field}>
                  <TextField
                    hideLabel
                    label={`${capitalised(field)} of measure ${row + 1}`}
                    value={measure[field]}
                    problems={problemsAt(`measures[${row}].${field}`)}
                    onChange={(value) => setMeasure(row, { [field]: value })}
                  />
                </td>
              ))}
              <td>
                <Button kind="danger" onClick={() => onChange(measures.filter((_, k) => k !== row))}>
                  Remove measure {row + 1}
                </Button>
              </td>
            </tr>
          ))}
        </RecordTable>
      ) : null}
      <Button onClick={() => onChange([...measures, { ...EMPTY_MEASURE }])}>Add a measure</Button>
    </fieldset>
  )
}

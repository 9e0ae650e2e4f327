/**
 * The name and description every entry of the tradeables library opens with, asked the same way
 * whether the entry is typed in the library or drafted from a debrief as a lesson: the server
 * checks both the same way and names them by the same paths.
 */
import { TextField } from '../ui/controls'
import type { PlacedProblems } from './field-problems'

export function NameAndDescription({
  entry,
  placed,
  onChange,
}: {
  entry: { name: string; description: string }
  placed: PlacedProblems
  onChange: (patch: { name?: string; description?: string }) => void
}) {
  return (
    <>
      <TextField
        label="Name"
        value={entry.name}
        problems={placed.at('name')}
        onChange={(name) => onChange({ name })}
      />
      <TextField
        multiline
        label="Description"
        value={entry.description}
        problems={placed.at('description')}
        onChange={(description) => onChange({ description })}
      />
    </>
  )
}

/**
 * A table of records, one a row, with the buttons that act on a row in its last column. The
 * caption is for screen readers only: on screen the heading or legend around the table names it.
 * The buttons' column has no visible heading either (each button says what it does and to what),
 * but screen readers announce one.
 */
import type { ReactNode } from 'react'
import { ScrollRegion } from './scroll-region'

export function RecordTable(props: {
  caption: string
  className: string
  columns: readonly string[]
  /** What screen readers call the buttons' column; no such column when nobody here may act on a row. */
  actions?: string
  /** The rows. */
  children: ReactNode
}) {
  return (
    <ScrollRegion label={props.caption}>
      <table className={props.className}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {props.actions ? (
              <th scope="col">
                <span className="visually-hidden">{props.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollRegion>
  )
}

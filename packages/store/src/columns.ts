/**
 * Rows as the export file names their columns: `created_at` is `createdAt`, every column kept. The
 * export is the tables as they are, so a backup maps each table by this one rule in both directions
 * instead of by hand; a new column then travels with the table, and the compiler checks that the
 * export's types name every column.
 */

/** `password_changed_at` → `passwordChangedAt`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

/** A row with its columns named in camelCase. */
export type Fields<Row> = { [K in keyof Row & string as CamelCase<K>]: Row[K] }

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

export function fieldsOf<Row extends object>(row: Row): Fields<Row> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [camel(column), value]),
  ) as Fields<Row>
}

export function rowOf<Row extends object>(fields: Fields<Row>): Row {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [snake(field), value])) as Row
}

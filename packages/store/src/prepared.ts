/**
 * Queries built once and run many times with new values. Kysely builds and compiles a query on
 * every call, which costs more than running the small lookups each request makes (who holds this
 * token, may they see this negotiation). A prepared query is compiled on first use with markers
 * where the values go; each call swaps the markers in the parameter list for the values.
 */
import type { Compilable, CompiledQuery } from 'kysely'
import type { Executor } from './transactions'

const MARK = '\u0000parley-value:'

export type Markers<Names extends string> = { readonly [K in Names]: string }

export interface PreparedQuery<Names extends string, Row> {
  rows(executor: Executor, values: { readonly [K in Names]: unknown }): Promise<Row[]>
  first(executor: Executor, values: { readonly [K in Names]: unknown }): Promise<Row | undefined>
  run(executor: Executor, values: { readonly [K in Names]: unknown }): Promise<number>
}

/**
 * `build` receives a marker per named value and must put each marker where a value goes (in a
 * `where`, a `values` or a `set`), never into the SQL text itself (a column or table name).
 */
export function prepare<Names extends string, Row>(
  names: readonly Names[],
  build: (markers: Markers<Names>) => Compilable<Row>,
): PreparedQuery<Names, Row> {
  const markers = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as Markers<Names>
  let compiled: CompiledQuery<Row> | undefined
  const bind = (values: { readonly [K in Names]: unknown }): CompiledQuery<Row> => {
    compiled ??= check(build(markers).compile(), names)
    const parameters = compiled.parameters.map((parameter) =>
      typeof parameter === 'string' && parameter.startsWith(MARK)
        ? values[parameter.slice(MARK.length) as Names]
        : parameter,
    )
    return { ...compiled, parameters }
  }
  return {
    async rows(executor, values) {
      return (await executor.executeQuery(bind(values))).rows
    },
    async first(executor, values) {
      return (await executor.executeQuery(bind(values))).rows[0]
    },
    async run(executor, values) {
      const result = await executor.executeQuery(bind(values))
      return Number(result.numAffectedRows ?? 0n)
    },
  }
}

/** Every marker must have become a parameter; one in the SQL text would be a bug. */
function check<Row>(compiled: CompiledQuery<Row>, names: readonly string[]): CompiledQuery<Row> {
  if (compiled.sql.includes(MARK))
    throw new Error(`a prepared query put a value into its SQL: ${compiled.sql}`)
  const bound = new Set(
    compiled.parameters.filter((p): p is string => typeof p === 'string' && p.startsWith(MARK)),
  )
  for (const name of names)
    if (!bound.has(`${MARK}${name}`)) throw new Error(`a prepared query does not use its value '${name}'`)
  return compiled
}

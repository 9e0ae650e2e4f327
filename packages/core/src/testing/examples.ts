/**
 * The worked examples (`examples/*.yaml`) compiled, for tests that need a real-shaped plan. Read
 * through Vite's glob import, since core has no file system: tests only, never bundled for a benchmark.
 */
import { parsePlanText } from '../plan/parse'
import { compileSpace, type Space } from '../scoring/space'

const EXAMPLES = import.meta.glob(['../../../../examples/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

/** The example `examples/NAME.yaml`, parsed and compiled. */
export function exampleSpace(name: string): Space {
  const text = EXAMPLES[`../../../../examples/${name}.yaml`]
  if (text === undefined) throw new Error(`no example ${name}`)
  const parsed = parsePlanText(text, { format: 'yaml' })
  if (!parsed.ok) throw new Error(`the ${name} example does not parse`)
  return compileSpace(parsed.plan)
}

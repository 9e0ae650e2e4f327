// Writes schema/plan.v1.json from the zod schema in core (`npm run schema`); a test keeps the two in sync.
import { writeFileSync } from 'node:fs'
import { importTypeScript } from './typescript-entry.mjs'

const { planJsonSchemaText } = await importTypeScript(
  "export { planJsonSchemaText } from './packages/core/src/index.ts'",
)
writeFileSync('schema/plan.v1.json', planJsonSchemaText())
console.log('wrote schema/plan.v1.json')

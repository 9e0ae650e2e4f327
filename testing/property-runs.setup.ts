// Every test file starts with fast-check's default count of cases scaled (see vitest.config.ts).
import { configurePropertyRuns } from '@parley/core/testing/runs'

configurePropertyRuns()

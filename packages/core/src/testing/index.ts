/**
 * What other packages' tests and the benchmarks may use of core's test helpers (`@parley/core/testing`):
 * plans, random plans for properties, synthetic and largest spaces, journal events, the leak check,
 * brute-force reference answers, and small GENIUS and GeniusWeb scenarios with their own utilities.
 * Never imported by the product itself. Free of the test runner, so a benchmark can bundle it; the
 * property-run counts, which read the runner's settings, are `@parley/core/testing/runs`.
 */

export { allBundles, type PlanShape, planArb } from './arbitraries'
export { bruteFrontier, enumerate, type Scored, TOL } from './brute-force'
export { event, testId } from './events'
export { largestPlan, largestPlanYaml } from './largest'
export { closableLeakyNegotiationArb, leaks, leakyNegotiationArb, signableLeakyNegotiation } from './leak'
export { copyLearnerState } from './learner-state'
export { acmePlan, yamlOf } from './plans'
export { RENEWAL_B } from './renewal-bundles'
export {
  geniusDomainXml,
  geniusProfileXml,
  geniusUtility,
  geniusWebDomainJson,
  geniusWebProfileJson,
  geniusWebUtility,
  TOY_SCENARIO,
  type ToyIssue,
  type ToyProfile,
  type ToyWebProfile,
} from './research'
export { syntheticPlan } from './synthetic'

/**
 * What other packages' tests and the benchmarks may use of core's test helpers (`@parley/core/testing`):
 * never imported by the product itself.
 */
export { largestPlan, largestPlanYaml } from './largest'
export { configurePropertyRuns, runs } from './property-runs'

/**
 * @parley/core — Parley's pure domain. No I/O and no Node-only API: the same code runs in the
 * command line, the server and the browser.
 */

export * from './frontier/bargaining'
export * from './frontier/frontier'
export * from './frontier/report'
export * from './frontier/sample'
export * from './meso/beliefs'
export * from './meso/meso'
export * from './meso/search'
export * from './model/json-schema'
export * from './model/limits'
export * from './model/plan'
export * from './model/private-fields'
export * from './model/problem'
export * from './plan/levels'
export * from './plan/parse'
export * from './plan/schema-problems'
export * from './plan/source'
export * from './plan/summary'
export * from './plan/validate'
export * from './playbooks/starters'
export * from './random'
export * from './scoring/constraints'
export * from './scoring/offer'
export * from './scoring/points'
export * from './scoring/space'

// Types of bundles.mjs, for the test setup that builds the compute worker.
import type { BuildOptions } from 'esbuild'

export declare const common: BuildOptions
export declare function buildComputeWorker(options?: { ifStale?: boolean }): Promise<void>

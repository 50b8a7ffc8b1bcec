import type { RunnerName } from './types.js'

/**
 * What a run costs before anything is measured, per runner: the process start-up and a test
 * file of median size. Only for the very first plan of a suite — one run later every file has
 * its own measured cost and the start-up is learned. Rough figures from small real suites on a
 * two-core machine: Jest and Vitest boot in about a second and spend a few tenths of a second
 * per file on its environment, imports and collection; node:test starts one process per file;
 * pytest shares one process; go compiles a test binary per package. Where the runner listed its
 * tests, the listing's own time replaces the start-up here.
 */
export const TYPICAL_COSTS: Readonly<
  Record<RunnerName, { readonly startupSeconds: number; readonly fileSeconds: number }>
> = {
  jest: { startupSeconds: 1, fileSeconds: 0.4 },
  vitest: { startupSeconds: 1.5, fileSeconds: 0.4 },
  playwright: { startupSeconds: 2, fileSeconds: 1.5 },
  mocha: { startupSeconds: 0.3, fileSeconds: 0.05 },
  node: { startupSeconds: 0.1, fileSeconds: 0.15 },
  pytest: { startupSeconds: 0.5, fileSeconds: 0.1 },
  go: { startupSeconds: 0.5, fileSeconds: 2 },
  generic: { startupSeconds: 0.5, fileSeconds: 1 },
}

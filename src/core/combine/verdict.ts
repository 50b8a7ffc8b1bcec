import type { ShardResult } from '../shard-result.js'
import type { CombinedTest, Problem } from './model.js'

/**
 * Whether a failed shard failed only because of quarantined tests. Any other cause — a file
 * that failed to run, a missing result, a runner error, a flaky test under --fail-on-flaky —
 * still fails the run.
 */
function failureQuarantined(result: ShardResult, quarantined: ReadonlySet<string>): boolean {
  if (result.fileFailures.length > 0 || result.missing.length > 0 || result.reason !== undefined)
    return false
  const failing = Object.entries(result.tests).filter(([, t]) => t.verdict === 'failed')
  return failing.length > 0 && failing.every(([id]) => quarantined.has(id))
}

/**
 * The run's verdict: passed only with no blocking problem, no failed test, and every shard
 * passed or explained (its failures quarantined, or its items re-run by a clean fallback: the
 * shard numbers in `rerun`).
 */
export function decideVerdict(
  problems: readonly Problem[],
  failed: readonly CombinedTest[],
  results: readonly ShardResult[],
  quarantined: ReadonlySet<string>,
  rerun: ReadonlySet<number>,
): 'passed' | 'failed' {
  const blocking = problems.some((p) => p.kind !== 'foreign-result' && p.resolved !== true)
  const shardsOk = results.every(
    (r) =>
      r.status === 'passed' ||
      r.status === 'empty' ||
      rerun.has(r.shard.index) ||
      (r.status === 'failed' && failureQuarantined(r, quarantined)),
  )
  return failed.length === 0 && !blocking && shardsOk ? 'passed' : 'failed'
}

import type { ShardResult } from './shard-result.js'
import type {
  Combined,
  CombineInput,
  Problem,
  ShardSummary,
  SourcedResult,
} from './combine/model.js'
import { judgeShard, missingTests, resultsByShard, strayTests } from './combine/shards.js'
import { byId, classifyTests, countVerdicts, everyTestOnce, historyFlaky } from './combine/tests.js'
import { decideVerdict } from './combine/verdict.js'

/**
 * Turning the shard results of one run into one verdict. Shard results are untrusted data
 * (the shards ran the pull request's code): they are decoded by their contract
 * (contracts/shard-result.ts) as they are read, then matched against the plan, and
 * every planned item must be accounted for exactly once — a missing shard, a missing test, a
 * duplicated test or a result from another plan can never read as a pass.
 *
 * The steps live in combine/: `belief` (what a result is believed to say), `shards` (each
 * planned shard against its results), `tests` (each test once, quarantine, flaky tests),
 * `verdict`, and `fallback` (the serial re-run of what failed).
 */

export type {
  Combined,
  CombinedTest,
  CombineInput,
  FlakyTest,
  PlannedShardState,
  Problem,
  QuarantineEntry,
  ShardSummary,
  SourcedResult,
} from './combine/model.js'
export { believeResult, type Belief } from './combine/belief.js'
export { applyFallback, fallbackItems } from './combine/fallback.js'
export { testCount } from './combine/shards.js'
export { flakeRate } from './combine/tests.js'

/** Judges every planned shard, in plan order, collecting what each contributes. */
function judgeShards(input: CombineInput, byShard: ReadonlyMap<number, readonly SourcedResult[]>) {
  const shards: ShardSummary[] = []
  const problems: Problem[] = []
  const chosen: ShardResult[] = []
  const sources: string[] = []
  const unplanned: { index: number; source: string; ids: readonly string[] }[] = []
  const unaccounted: string[] = []
  for (const planned of input.plan.shards) {
    const judged = judgeShard(planned, byShard.get(planned.index) ?? [], input.noTestsExitCode)
    shards.push(judged.summary)
    problems.push(...judged.problems)
    unaccounted.push(...judged.unaccounted)
    const { believed } = judged
    if (believed === undefined) continue
    chosen.push(believed.result)
    sources.push(believed.source)
    if (believed.unplannedTests.length > 0)
      unplanned.push({
        index: planned.index,
        source: believed.source,
        ids: believed.unplannedTests,
      })
  }
  return { shards, problems, chosen, sources, unplanned, unaccounted }
}

/**
 * Combines the shard results of one run. Contract: the verdict is `passed` only when every
 * planned shard reported complete, every planned item has a result exactly once, and no
 * un-quarantined test failed.
 */
export function combineResults(input: CombineInput): Combined {
  const { plan } = input
  const today = input.now.slice(0, 10)
  // The newest attempt of each shard of this plan wins; results of other plans are named.
  const { byShard, problems } = resultsByShard(input.results, plan, input.planDigest)
  const judged = judgeShards(input, byShard)
  const { chosen } = judged
  problems.push(...judged.problems, ...strayTests(plan, judged.unplanned, chosen))
  const unaccounted = [...new Set(judged.unaccounted)].sort()
  problems.push(...missingTests(plan, byShard, chosen, unaccounted))
  const { tests, problems: duplicates } = everyTestOnce(chosen)
  problems.push(...duplicates)
  const classified = classifyTests(tests, input.quarantine, today)
  const flaky = [
    ...classified.flaky,
    ...historyFlaky(input.history, input.flakyThreshold, classified.flaky),
  ].sort(byId)
  return {
    verdict: decideVerdict(
      problems,
      classified.failed,
      chosen,
      classified.quarantinedIds,
      new Set(),
    ),
    shards: judged.shards,
    tests,
    failed: classified.failed,
    flaky,
    quarantined: classified.quarantined,
    expiredQuarantine: input.quarantine.filter((q) => q.until < today),
    problems,
    unaccounted,
    counts: countVerdicts(tests),
    wallSeconds: chosen.reduce((m, r) => Math.max(m, r.wallSeconds), 0),
    serialSeconds: chosen.reduce((t, r) => t + r.wallSeconds, 0),
    results: chosen,
    sources: judged.sources,
  }
}

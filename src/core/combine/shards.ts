import type { Plan, PlannedShard } from '../plan.js'
import type { ShardResult } from '../shard-result.js'
import { believeResult, forEachCovered } from './belief.js'
import type { PlannedShardState, Problem, ShardSummary, SourcedResult } from './model.js'

/**
 * Each shard of the plan against the results that claim it: the newest attempt wins, results
 * of other plans and shards are named and ignored, and what a result leaves unanswered becomes
 * a problem.
 */

/** A short list of untrusted ids for a message: at most five, each cut to 200 characters. */
export function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => (id.length > 200 ? `${id.slice(0, 200)}…` : id))
  return `${shown.join(', ')}${ids.length > 5 ? ', …' : ''}`
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? ''
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sortedA = [...a].sort()
  const sortedB = [...b].sort()
  return sortedA.every((item, i) => item === sortedB[i])
}

/** Tests a result reports, counting each test the runner reported under a shared id. */
export function testCount(result: ShardResult): number {
  let count = 0
  for (const record of Object.values(result.tests)) count += record.cases ?? 1
  return count
}

function summary(
  planned: PlannedShard,
  state: PlannedShardState,
  result: ShardResult | undefined,
  attempts: number,
  reason: string | undefined,
): ShardSummary {
  return {
    index: planned.index,
    state,
    attempt: result?.attempt,
    attempts,
    tests: result ? testCount(result) : 0,
    failed: result?.counts.failed ?? 0,
    flaky: result?.counts.flaky ?? 0,
    predictedSeconds: planned.predictedSeconds,
    wallSeconds: result?.wallSeconds,
    setupSeconds: result?.setupSeconds,
    reason,
  }
}

/**
 * The results of this plan by shard number, newest attempt first; results of another plan or
 * of a shard the plan does not have are problems.
 */
export function resultsByShard(
  results: readonly SourcedResult[],
  plan: Plan,
  planDigest: string,
): { byShard: Map<number, SourcedResult[]>; problems: Problem[] } {
  const byShard = new Map<number, SourcedResult[]>()
  const problems: Problem[] = []
  for (const sourced of results) {
    const { result } = sourced
    if (result.planDigest !== planDigest) {
      problems.push({
        kind: 'foreign-result',
        message: `${sourced.source}: shard ${result.shard.index} result belongs to another plan (digest ${result.planDigest.slice(0, 12)}…); ignored`,
      })
      continue
    }
    if (result.shard.index < 1 || result.shard.index > plan.shards.length) {
      problems.push({
        kind: 'foreign-result',
        message: `${sourced.source}: shard ${result.shard.index} is not in the plan; ignored`,
      })
      continue
    }
    const list = byShard.get(result.shard.index) ?? []
    list.push(sourced)
    byShard.set(result.shard.index, list)
  }
  for (const list of byShard.values())
    list.sort((a, b) => b.result.attempt - a.result.attempt || (a.source < b.source ? -1 : 1))
  return { byShard, problems }
}

/** What combine makes of one planned shard. */
export interface ShardJudgement {
  readonly summary: ShardSummary
  readonly problems: readonly Problem[]
  /** Planned items the shard did not account for. */
  readonly unaccounted: readonly string[]
  /** The result as believed, where one of this plan's items came; else undefined. */
  readonly believed:
    | {
        readonly result: ShardResult
        readonly source: string
        /** Tests it reported that the plan did not give it. */
        readonly unplannedTests: readonly string[]
      }
    | undefined
}

/** A planned shard without a result: empty if nothing was planned for it, else missing. */
function missingShard(planned: PlannedShard): ShardJudgement {
  if (planned.items.length === 0)
    return {
      summary: summary(planned, 'empty', undefined, 0, undefined),
      problems: [],
      unaccounted: [],
      believed: undefined,
    }
  return {
    summary: summary(planned, 'missing', undefined, 0, 'no result'),
    problems: [
      {
        kind: 'missing-shard',
        message: `shard ${planned.index} reported no result (${planned.items.length} planned items)`,
      },
    ],
    unaccounted: planned.items,
    believed: undefined,
  }
}

/**
 * Judges one planned shard by its results (`results`, newest first): a result that
 * ran other items than the plan's accounts for none of them; otherwise it is believed as far
 * as its records show (`believeResult`), and what it left unrun or failed to run is named.
 */
export function judgeShard(
  planned: PlannedShard,
  results: readonly SourcedResult[],
  noTestsExitCode?: (runner: string) => number | undefined,
): ShardJudgement {
  const newest = results[0]
  if (!newest) return missingShard(planned)
  const problems: Problem[] = []
  const second = results[1]
  if (second && second.result.attempt === newest.result.attempt) {
    problems.push({
      kind: 'duplicate-test',
      message: `shard ${planned.index} has two results for attempt ${newest.result.attempt} (${newest.source}, ${second.source}); using the first`,
    })
  }
  if (!sameItems(newest.result.items, planned.items)) {
    problems.push({
      kind: 'plan-mismatch',
      message: `shard ${planned.index} ran ${newest.result.items.length} items, but the plan lists ${planned.items.length} different ones`,
    })
    const believed = believeResult(planned.items, newest.result).result
    return {
      summary: summary(planned, 'error', believed, results.length, 'items differ from the plan'),
      problems,
      unaccounted: planned.items,
      believed: undefined,
    }
  }
  const { source } = newest
  const belief = believeResult(planned.items, newest.result, noTestsExitCode)
  const believed = belief.result
  if (belief.unplannedFiles.length > 0) {
    problems.push({
      kind: 'foreign-result',
      message: `${source}: shard ${planned.index} reported failures of files the plan did not give it: ${listIds(belief.unplannedFiles)}; ignored`,
    })
  }
  const { status, reason } = believed
  if (status === 'incomplete') {
    problems.push({
      kind: 'incomplete-shard',
      message: `shard ${planned.index} did not finish: ${reason ?? 'incomplete'}`,
    })
  }
  for (const failure of believed.fileFailures) {
    problems.push({
      kind: 'file-failure',
      message: `shard ${planned.index}: ${failure.file}: ${firstLine(failure.message)}`,
      file: failure.file,
    })
  }
  const unexplained =
    believed.counts.failed === 0 &&
    believed.fileFailures.length === 0 &&
    believed.missing.length === 0
  const runnerError =
    belief.runnerError ?? (status === 'failed' && unexplained ? reason : undefined)
  if (status === 'failed' && runnerError)
    problems.push({ kind: 'runner-error', message: `shard ${planned.index}: ${runnerError}` })
  return {
    summary: summary(planned, status, believed, results.length, reason),
    problems,
    unaccounted: believed.missing,
    believed: { result: believed, source, unplannedTests: belief.unplannedTests },
  }
}

/**
 * Names the tests a shard reported that the plan did not give it. A test another shard owns
 * ran twice (a plan or runner bug: never a pass); any other is ignored.
 */
export function strayTests(
  plan: Plan,
  unplanned: readonly { index: number; source: string; ids: readonly string[] }[],
  chosen: readonly ShardResult[],
): Problem[] {
  const problems: Problem[] = []
  const sorted = [...new Set(unplanned.flatMap((u) => u.ids))].sort()
  const owner = new Map<string, number>()
  for (const shard of plan.shards) {
    forEachCovered(shard.items, sorted, (_, id) => {
      if (!owner.has(id)) owner.set(id, shard.index)
    })
  }
  const reported = new Map(chosen.map((r) => [r.shard.index, r.tests]))
  for (const { index, source, ids } of unplanned) {
    const foreign: string[] = []
    for (const id of ids) {
      const home = owner.get(id)
      if (home === undefined) {
        foreign.push(id)
        continue
      }
      const tests = reported.get(home)
      problems.push({
        kind: 'duplicate-test',
        message:
          tests !== undefined && Object.hasOwn(tests, id)
            ? `${id} ran in shard ${home} and shard ${index}`
            : `${id} ran in shard ${index}, but the plan gives it to shard ${home}`,
      })
    }
    if (foreign.length > 0) {
      problems.push({
        kind: 'foreign-result',
        message: `${source}: shard ${index} reported ${foreign.length} ${foreign.length === 1 ? 'test' : 'tests'} the plan did not give it: ${listIds(foreign)}; ignored`,
      })
    }
  }
  return problems
}

/**
 * The problem naming planned items with no result, where neither a missing shard nor an
 * unfinished one already explains them.
 */
export function missingTests(
  plan: Plan,
  byShard: ReadonlyMap<number, readonly SourcedResult[]>,
  chosen: readonly ShardResult[],
  unaccounted: readonly string[],
): Problem[] {
  const fromIncomplete = new Set(
    chosen.filter((r) => r.status === 'incomplete').flatMap((r) => r.missing),
  )
  const explicit = unaccounted.filter(
    (item) =>
      !fromIncomplete.has(item) &&
      !plan.shards.some((s) => byShard.get(s.index) === undefined && s.items.includes(item)),
  )
  if (explicit.length === 0) return []
  return [
    {
      kind: 'missing-test',
      message: `${explicit.length} planned ${explicit.length === 1 ? 'item has' : 'items have'} no result: ${explicit.slice(0, 5).join(', ')}${explicit.length > 5 ? ', …' : ''}`,
    },
  ]
}

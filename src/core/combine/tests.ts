import type { QuarantineEntry } from '../contracts/quarantine.js'
import {
  emptyCounts,
  type ShardResult,
  type TestRecord,
  type TestVerdict,
} from '../shard-result.js'
import type { TimingStore } from '../store.js'
import type { CombinedTest, FlakyTest, Problem } from './model.js'

/** The combined list of tests: each test once, quarantine applied, flaky tests named. */

function isQuarantined(id: string, quarantine: readonly QuarantineEntry[], today: string): boolean {
  return quarantine.some(
    (q) =>
      q.until >= today && (q.id === id || id.startsWith(`${q.id}::`) || id.startsWith(`${q.id}[`)),
  )
}

/** Flake rate from the outcome history a store keeps per test (`p`, `f`, `k` per run). */
export function flakeRate(outcomes: string | undefined): number | undefined {
  if (outcomes === undefined || outcomes.length === 0) return undefined
  let flaky = 0
  for (const c of outcomes) if (c === 'k') flaky++
  return flaky / outcomes.length
}

function toCombined(id: string, shard: number, record: TestRecord): CombinedTest {
  const first = record.attempts[0]
  return {
    id,
    shard,
    verdict: record.verdict,
    seconds: first?.seconds,
    message: record.message,
    ...(record.cases !== undefined && record.cases > 1 ? { cases: record.cases } : {}),
  }
}

export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Every test once, sorted by id: the same id from two shards means a plan or runner bug, not a
 * pass, and is a problem (the first shard's record is kept).
 */
export function everyTestOnce(results: readonly ShardResult[]): {
  tests: CombinedTest[]
  problems: Problem[]
} {
  const tests: CombinedTest[] = []
  const problems: Problem[] = []
  const seen = new Map<string, number>()
  for (const result of results) {
    for (const [id, record] of Object.entries(result.tests)) {
      const first = seen.get(id)
      if (first !== undefined) {
        problems.push({
          kind: 'duplicate-test',
          message: `${id} ran in shard ${first} and shard ${result.shard.index}`,
        })
        continue
      }
      seen.set(id, result.shard.index)
      tests.push(toCombined(id, result.shard.index, record))
    }
  }
  return { tests: tests.sort(byId), problems }
}

export interface Classified {
  /** Failed or flaky tests a quarantine entry still covers. */
  readonly quarantined: CombinedTest[]
  readonly quarantinedIds: ReadonlySet<string>
  /** Failed tests no quarantine entry covers: each fails the run. */
  readonly failed: CombinedTest[]
  /** Tests that failed, then passed in this run. */
  readonly flaky: FlakyTest[]
}

/** Sorts the tests by what they mean for the verdict, with the quarantine as of `today`. */
export function classifyTests(
  tests: readonly CombinedTest[],
  quarantine: readonly QuarantineEntry[],
  today: string,
): Classified {
  const quarantined = tests.filter(
    (t) =>
      (t.verdict === 'failed' || t.verdict === 'flaky') && isQuarantined(t.id, quarantine, today),
  )
  const quarantinedIds = new Set(quarantined.map((t) => t.id))
  return {
    quarantined,
    quarantinedIds,
    failed: tests.filter((t) => t.verdict === 'failed' && !quarantinedIds.has(t.id)),
    flaky: tests
      .filter((t) => t.verdict === 'flaky')
      .map((t) => ({ id: t.id, source: 'run' as const, rate: undefined })),
  }
}

/** The tests the history holds as flaky (rate at least `threshold`), beside those of this run. */
export function historyFlaky(
  history: TimingStore | undefined,
  threshold: number,
  runFlaky: readonly FlakyTest[],
): FlakyTest[] {
  if (!history) return []
  const seen = new Set(runFlaky.map((f) => f.id))
  const out: FlakyTest[] = []
  for (const [id, entry] of Object.entries(history.tests)) {
    const rate = flakeRate(entry.outcomes)
    if (rate !== undefined && rate >= threshold && rate > 0 && !seen.has(id))
      out.push({ id, source: 'history', rate })
  }
  return out
}

/** Tests of each verdict, counting each test the runner reported under a shared id. */
export function countVerdicts(tests: readonly CombinedTest[]): Record<TestVerdict, number> {
  const counts = emptyCounts()
  for (const test of tests) counts[test.verdict] += test.cases ?? 1
  return counts
}

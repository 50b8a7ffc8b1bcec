import { fileOfId, isTestId } from './ids.js'
import type { TestRecord, TestVerdict } from './contracts/shard-result.js'
import type { FileFailure, OutcomeStatus, Outcomes, TestOutcome } from './outcomes.js'

export {
  OUTCOME_STATUSES,
  TEST_VERDICTS,
  type AttemptRecord,
  type FileTimingRecord,
  type ShardResult,
  type ShardStatus,
  type ShardTimingRecord,
  type TestRecord,
  type TestVerdict,
} from './contracts/shard-result.js'

/*
 * How one shard judges its attempts. The shard result's shape, and its decoding from
 * untrusted JSON, is its contract: contracts/shard-result.ts.
 */

/** Zero of every verdict. */
export function emptyCounts(): Record<TestVerdict, number> {
  return { passed: 0, failed: 0, flaky: 0, skipped: 0, xfailed: 0, xpassed: 0 }
}

/**
 * A test's verdict from its statuses across attempts (retries, repeats): failed and passed at
 * the same commit is flaky; failed and never passed is failed; otherwise its last outcome that
 * says something (a skip says nothing once the test ran).
 */
export function verdictOf(statuses: readonly OutcomeStatus[]): TestVerdict {
  const failed = statuses.includes('failed')
  const passed = statuses.includes('passed') || statuses.includes('xpassed')
  if (failed) return passed ? 'flaky' : 'failed'
  const last = [...statuses].reverse().find((s) => s !== 'skipped')
  return last ?? 'skipped'
}

/** One run of the runner over some of the shard's items. */
export interface AttemptOutcome {
  /** The items this attempt ran (all planned items for the first, failures for a retry). */
  readonly items?: readonly string[]
  readonly outcomes: Outcomes
  readonly exitCode: number | null
  readonly signal: string | null
}

/**
 * Folds a test's occurrences within one attempt into one status: a parametrised test reported
 * twice under one id failed if any occurrence failed.
 */
function foldAttempt(
  tests: readonly TestOutcome[],
  cases: Map<string, number>,
): Map<string, TestOutcome> {
  const byId = new Map<string, TestOutcome>()
  const seenHere = new Map<string, number>()
  for (const test of tests) {
    seenHere.set(test.id, (seenHere.get(test.id) ?? 0) + 1)
    const seen = byId.get(test.id)
    if (!seen) {
      byId.set(test.id, test)
      continue
    }
    const rank = (s: OutcomeStatus) =>
      s === 'failed' ? 3 : s === 'passed' || s === 'xpassed' ? 2 : s === 'xfailed' ? 1 : 0
    const worse = rank(test.status) > rank(seen.status) ? test : seen
    byId.set(test.id, {
      ...worse,
      seconds:
        seen.seconds === undefined && test.seconds === undefined
          ? undefined
          : (seen.seconds ?? 0) + (test.seconds ?? 0),
    })
  }
  for (const [id, count] of seenHere) cases.set(id, Math.max(cases.get(id) ?? 1, count))
  return byId
}

export interface Judgement {
  readonly tests: Map<string, TestRecord>
  readonly missing: string[]
  readonly fileFailures: FileFailure[]
  readonly counts: Record<TestVerdict, number>
}

/** Whether an outcome or file failure answers for a planned item. */
export function covers(item: string, testId: string): boolean {
  if (item === testId) return true
  if (!isTestId(item)) return fileOfId(testId) === item
  // A planned test covers its parametrised cases (`t` → `t[1]`) and nested scopes (`T` → `T::t`).
  return testId.startsWith(`${item}::`) || testId.startsWith(`${item}[`)
}

/** Every attempt's outcomes, gathered per test id across the attempts. */
interface Gathered {
  /** Each test's outcome in each attempt that reported it, in attempt order. */
  readonly history: Map<string, TestOutcome[]>
  /** The file failures the last attempt to run each file left standing. */
  readonly fileFailures: Map<string, FileFailure>
  /**
   * Tests that passed only after an earlier attempt failed to run their file, or reported
   * nothing for it, and why: they did not pass the first time.
   */
  readonly healed: Map<string, string>
  /** How many tests the runner reported under each id (at least one). */
  readonly cases: Map<string, number>
}

function gatherAttempts(attempts: readonly AttemptOutcome[]): Gathered {
  const history = new Map<string, TestOutcome[]>()
  let fileFailures = new Map<string, FileFailure>()
  // Files that crashed, or reported nothing, in an earlier attempt: a test of theirs that
  // passes later did not pass the first time — flaky, not passed.
  // Each troubled file remembers the tests that did report in that attempt: only the others
  // were kept from running.
  const troubled = new Map<string, { why: string; ran: Set<string> }>()
  const healed = new Map<string, string>()
  const cases = new Map<string, number>()
  for (const attempt of attempts) {
    const reported = new Map<string, Set<string>>()
    for (const [id, outcome] of foldAttempt(attempt.outcomes.tests, cases)) {
      const list = history.get(id)
      if (list) list.push(outcome)
      else history.set(id, [outcome])
      fileFailures.delete(outcome.file)
      const ids = reported.get(outcome.file) ?? new Set<string>()
      ids.add(id)
      reported.set(outcome.file, ids)
      const trouble = troubled.get(outcome.file)
      if (trouble && !trouble.ran.has(id) && outcome.status === 'passed' && !healed.has(id)) {
        healed.set(id, trouble.why)
      }
    }
    const next = new Map(fileFailures)
    for (const failure of attempt.outcomes.fileFailures) {
      next.set(failure.file, failure)
      if (!troubled.has(failure.file)) {
        troubled.set(failure.file, {
          why: `an earlier attempt failed to run the file: ${failure.message}`,
          ran: reported.get(failure.file) ?? new Set(),
        })
      }
    }
    for (const item of attempt.items ?? []) {
      const file = fileOfId(item)
      if (!reported.has(file) && !next.has(file) && !troubled.has(file)) {
        troubled.set(file, {
          why: 'an earlier attempt reported no result for the file',
          ran: new Set(),
        })
      }
    }
    fileFailures = next
  }
  return { history, fileFailures, healed, cases }
}

/** One record per test id, sorted, with its verdict across the attempts; and their counts. */
function recordsOf(gathered: Gathered): Pick<Judgement, 'tests' | 'counts'> {
  const { history, healed, cases } = gathered
  const tests = new Map<string, TestRecord>()
  const counts = emptyCounts()
  for (const id of [...history.keys()].sort()) {
    const runs = history.get(id) ?? []
    const last = runs[runs.length - 1]
    if (!last) continue
    // Passed and failed at the same commit, in retries or repeats: flaky. Never passed: failed.
    const verdict = verdictOf([
      ...(healed.has(id) ? (['failed'] as const) : []),
      ...runs.map((r) => r.status),
    ])
    const n = cases.get(id) ?? 1
    counts[verdict] += n
    const failure =
      [...runs].reverse().find((r) => r.status === 'failed')?.message ?? healed.get(id)
    // The attempt in which the test's file crashed or reported nothing counts as a failed
    // attempt of the test: combine recomputes every verdict from the attempts alone.
    const kept = healed.has(id) ? [{ status: 'failed' as const, seconds: undefined }] : []
    tests.set(id, {
      file: last.file,
      verdict,
      attempts: [...kept, ...runs.map((r) => ({ status: r.status, seconds: r.seconds }))],
      ...(failure !== undefined && verdict !== 'passed' ? { message: failure } : {}),
      ...(n > 1 ? { cases: n } : {}),
    })
  }
  return { tests, counts }
}

/** The planned items nothing answers for: no test record covers them, no file failure names them. */
function unansweredItems(
  items: readonly string[],
  tests: ReadonlyMap<string, TestRecord>,
  fileFailures: ReadonlyMap<string, FileFailure>,
): string[] {
  const ids = [...tests.keys()] // sorted
  const files = new Set([...tests.values()].map((t) => t.file))
  const answered = (item: string): boolean => {
    if (fileFailures.has(fileOfId(item))) return true
    if (!isTestId(item)) return files.has(item)
    // The ids that start with the item sit together in sorted order, from its insertion point.
    let lo = 0
    let hi = ids.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((ids[mid] ?? '') < item) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < ids.length && (ids[i] ?? '').startsWith(item); i++) {
      if (covers(item, ids[i] ?? '')) return true
    }
    return false
  }
  return items.filter((item) => !answered(item))
}

/**
 * Merges the attempts of a shard (the first run, then retries of what failed, or repeats) into
 * verdicts: a test that both failed and passed is *flaky*, one that failed and never passed is
 * *failed*. A file
 * failure (a crash before any test) fails every planned item of that file unless a retry
 * produced results for it. A planned item with no result at all is *missing*.
 */
export function judgeAttempts(
  items: readonly string[],
  attempts: readonly AttemptOutcome[],
): Judgement {
  const gathered = gatherAttempts(attempts)
  const { tests, counts } = recordsOf(gathered)
  return {
    tests,
    missing: unansweredItems(items, tests, gathered.fileFailures),
    fileFailures: [...gathered.fileFailures.values()],
    counts,
  }
}

/** The items a retry should run again: failed tests, or whole files where a file failed. */
export function retryItems(
  items: readonly string[],
  judgement: Judgement,
  selectsTests: boolean,
): string[] {
  const failedFiles = new Set(judgement.fileFailures.map((f) => f.file))
  const out = new Set<string>()
  for (const [id, record] of judgement.tests) {
    if (record.verdict !== 'failed') continue
    if (failedFiles.has(record.file)) continue
    if (selectsTests) out.add(id)
    else out.add(record.file)
  }
  for (const item of items) {
    if (failedFiles.has(fileOfId(item)))
      out.add(isTestId(item) && selectsTests ? item : fileOfId(item))
  }
  // An item with no result at all (the runner died before reporting it) gets another chance too.
  for (const item of judgement.missing)
    out.add(isTestId(item) && selectsTests ? item : fileOfId(item))
  return [...out].sort()
}

import { fileOfId, isTestId } from '../ids.js'
import type { FileFailure } from '../outcomes.js'
import {
  covers,
  emptyCounts,
  verdictOf,
  type ShardResult,
  type ShardStatus,
  type TestRecord,
  type TestVerdict,
} from '../shard-result.js'

export interface Belief {
  /** The result rebuilt from the plan's items, the records' attempts and the process facts. */
  readonly result: ShardResult
  /** Reported tests no planned item covers: ignored. */
  readonly unplannedTests: readonly string[]
  /** Failed files that are not the file of any planned item: ignored. */
  readonly unplannedFiles: readonly string[]
  /** Why the runner itself failed, where its tests do not explain it (a signal, an exit code). */
  readonly runnerError: string | undefined
}

/** Calls `visit` with each id of the sorted list that starts with `prefix`. */
function withPrefix(sorted: readonly string[], prefix: string, visit: (id: string) => void): void {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] ?? '') < prefix) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < sorted.length; i++) {
    const id = sorted[i] ?? ''
    if (!id.startsWith(prefix)) return
    visit(id)
  }
}

/**
 * Calls `visit(item, id)` for each test id of the sorted list that the item covers (`covers`:
 * a file by its tests, a test by itself, its parametrised cases and nested scopes), looked up
 * by prefix rather than by pairing every item with every test id.
 */
export function forEachCovered(
  items: readonly string[],
  sorted: readonly string[],
  visit: (item: string, id: string) => void,
): void {
  const present = new Set(sorted)
  for (const item of items) {
    const each = (id: string) => {
      if (covers(item, id)) visit(item, id)
    }
    if (present.has(item)) each(item)
    withPrefix(sorted, `${item}::`, each)
    if (isTestId(item)) withPrefix(sorted, `${item}[`, each)
  }
}

/** The planned test records, each verdict recomputed from its attempts, and their counts. */
function believedRecords(
  ids: readonly string[],
  planned: ReadonlySet<string>,
  claims: ShardResult['tests'],
): { records: [string, TestRecord][]; counts: Record<TestVerdict, number> } {
  const counts = emptyCounts()
  const records: [string, TestRecord][] = []
  for (const id of ids) {
    const claimed = claims[id]
    if (!planned.has(id) || claimed === undefined) continue
    const verdict = verdictOf(claimed.attempts.map((a) => a.status))
    counts[verdict] += claimed.cases ?? 1
    records.push([
      id,
      {
        file: fileOfId(id),
        verdict,
        attempts: claimed.attempts.map((a) => ({ status: a.status, seconds: a.seconds })),
        ...(claimed.message !== undefined && verdict !== 'passed'
          ? { message: claimed.message }
          : {}),
        ...(claimed.cases !== undefined && claimed.cases > 1 ? { cases: claimed.cases } : {}),
      },
    ])
  }
  return { records, counts }
}

interface StatusFacts {
  readonly items: readonly string[]
  readonly result: ShardResult
  readonly records: readonly (readonly [string, TestRecord])[]
  readonly testsFailed: boolean
  readonly missing: readonly string[]
  readonly fileFailures: readonly FileFailure[]
  readonly noTestsExitCode: ((runner: string) => number | undefined) | undefined
}

/**
 * The shard's status from the believed records and the process facts, and why the runner
 * failed where its tests do not explain it. The status the result gives itself can only make
 * it worse.
 */
function believedStatus(facts: StatusFacts): {
  status: ShardStatus
  runnerError: string | undefined
} {
  const { result, items } = facts
  const exit = result.exitCode
  const noTestsRan =
    exit !== null &&
    exit === facts.noTestsExitCode?.(result.runner) &&
    facts.records.length > 0 &&
    facts.records.every(([, r]) => r.verdict === 'skipped')
  // A death by signal is never explained by the tests; a non-zero exit code is, when a test
  // failed (and may then be excused by quarantine).
  const died =
    result.signal !== null
      ? `the runner was stopped by ${result.signal}`
      : exit === null && items.length > 0
        ? 'the runner reported no exit code'
        : undefined
  const exitFailed = exit !== null && exit !== 0 && !noTestsRan
  const explained = facts.testsFailed || facts.missing.length > 0 || facts.fileFailures.length > 0
  let status: ShardStatus
  if (!result.complete || result.status === 'incomplete') status = 'incomplete'
  else if (result.status === 'error') status = 'error'
  else if (explained || died !== undefined || exitFailed || result.status === 'failed')
    status = 'failed'
  else status = items.length === 0 ? 'empty' : 'passed'
  const runnerError =
    died ??
    (exitFailed && !explained
      ? `the runner exited with ${String(exit)} although no test failed`
      : undefined)
  return { status, runnerError }
}

/**
 * What combine believes of a shard result. The result was written where the pull request's
 * code ran, so nothing it says about itself counts on its own: every planned item is matched
 * against the test records (`covers`: a file by its tests, a test by itself, its parametrised
 * cases and nested scopes) or a failure of its file; each record's verdict is recomputed from
 * its attempts, never read; counts, missing items and the status are recomputed from the
 * records and the process facts (exit code, signal, whether it finished). The status the
 * result gives itself can only make it worse — `--fail-on-flaky` is a policy of the shard's
 * run, recorded nowhere else — never better.
 */
export function believeResult(
  items: readonly string[],
  result: ShardResult,
  noTestsExitCode?: (runner: string) => number | undefined,
): Belief {
  const ids = Object.keys(result.tests).sort()
  const planned = new Set<string>()
  const answered = new Set<string>()
  forEachCovered(items, ids, (item, id) => {
    planned.add(id)
    answered.add(item)
  })
  const { records, counts } = believedRecords(ids, planned, result.tests)
  const files = new Set(items.map(fileOfId))
  const fileFailures: FileFailure[] = result.fileFailures
    .filter((f) => files.has(f.file))
    .map((f) => ({ file: f.file, message: f.message }))
  const failedFiles = new Set(fileFailures.map((f) => f.file))
  const claimedMissing = new Set(result.missing)
  const missing = items.filter(
    (item) => claimedMissing.has(item) || (!answered.has(item) && !failedFiles.has(fileOfId(item))),
  )
  const { status, runnerError } = believedStatus({
    items,
    result,
    records,
    testsFailed: counts.failed > 0,
    missing,
    fileFailures,
    noTestsExitCode,
  })
  return {
    result: {
      ...result,
      items: [...items],
      tests: Object.fromEntries(records),
      counts,
      missing,
      fileFailures,
      status,
      reason: result.reason ?? runnerError,
    },
    runnerError,
    unplannedTests: ids.filter((id) => !planned.has(id)),
    unplannedFiles: [
      ...new Set(result.fileFailures.filter((f) => !files.has(f.file)).map((f) => f.file)),
    ].sort(),
  }
}

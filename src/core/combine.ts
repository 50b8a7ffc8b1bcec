import type { QuarantineEntry } from './contracts/quarantine.js'
import { fileOfId, isOutsideRoot, isTestId } from './ids.js'
import type { FileFailure } from './outcomes.js'
import type { Plan } from './plan.js'
import {
  covers,
  emptyCounts,
  verdictOf,
  type AttemptRecord,
  type ShardResult,
  type ShardStatus,
  type TestRecord,
  type TestVerdict,
} from './shard-result.js'
import type { TimingStore } from './store.js'

/**
 * Turning the shard results of one run into one verdict. Shard results are untrusted data
 * (the shards ran the pull request's code): they are decoded by their contract
 * (contracts/shard-result.ts) as they are read, then matched against the plan, and
 * every planned item must be accounted for exactly once — a missing shard, a missing test, a
 * duplicated test or a result from another plan can never read as a pass.
 */

export type { QuarantineEntry } from './contracts/quarantine.js'

export interface SourcedResult {
  /** Where the result came from (its path), for messages. */
  readonly source: string
  readonly result: ShardResult
}

export interface CombineInput {
  readonly plan: Plan
  readonly planDigest: string
  readonly results: readonly SourcedResult[]
  readonly quarantine: readonly QuarantineEntry[]
  readonly history: TimingStore | undefined
  /** ISO date-time of the combine. */
  readonly now: string
  /** A test whose recorded flake rate is at least this (0–1) is listed as flaky. */
  readonly flakyThreshold: number
  /**
   * The exit code with which a runner says "no tests ran" (pytest's 5), by runner name: a
   * shard that exited with it and whose planned tests all reported skipped passed.
   */
  readonly noTestsExitCode?: (runner: string) => number | undefined
}

export type ShardState = 'passed' | 'failed' | 'empty' | 'incomplete' | 'missing' | 'error'

export interface ShardSummary {
  readonly index: number
  readonly state: ShardState
  readonly attempt: number | undefined
  readonly attempts: number
  readonly tests: number
  readonly failed: number
  readonly flaky: number
  readonly predictedSeconds: number
  readonly wallSeconds: number | undefined
  readonly setupSeconds: number | undefined
  readonly reason: string | undefined
}

export interface CombinedTest {
  readonly id: string
  readonly shard: number
  readonly verdict: TestVerdict
  readonly seconds: number | undefined
  readonly message: string | undefined
  /** How many tests the runner reported under this id, when more than one. */
  readonly cases?: number
}

export interface FlakyTest {
  readonly id: string
  /** `run`: failed then passed in this run; `history`: flake rate over recent runs. */
  readonly source: 'run' | 'history'
  readonly rate: number | undefined
}

export interface Problem {
  /** Set when the serial fallback ran what this problem left unrun, and it passed or failed on its own. */
  readonly resolved?: boolean
  readonly kind:
    | 'missing-shard'
    | 'incomplete-shard'
    | 'missing-test'
    | 'duplicate-test'
    | 'foreign-result'
    | 'plan-mismatch'
    | 'file-failure'
    | 'runner-error'
  readonly message: string
  /** The file a `file-failure` problem is about. */
  readonly file?: string
}

export interface Combined {
  readonly verdict: 'passed' | 'failed'
  readonly shards: readonly ShardSummary[]
  readonly tests: readonly CombinedTest[]
  readonly failed: readonly CombinedTest[]
  readonly flaky: readonly FlakyTest[]
  readonly quarantined: readonly CombinedTest[]
  readonly expiredQuarantine: readonly QuarantineEntry[]
  readonly problems: readonly Problem[]
  /** Planned items no shard accounted for (from missing shards or missing results). */
  readonly unaccounted: readonly string[]
  readonly counts: Readonly<Record<TestVerdict, number>>
  readonly wallSeconds: number
  readonly serialSeconds: number
  /**
   * The chosen result of each shard as combine believes it (see `believeResult`): only planned
   * tests, verdicts, counts and status recomputed.
   */
  readonly results: readonly ShardResult[]
  /** Where each of `results` came from, in the same order. */
  readonly sources: readonly string[]
}

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

/** A test's verdict from its attempts alone (see `verdictOf`). */
function verdictOfAttempts(attempts: readonly AttemptRecord[]): TestVerdict {
  return verdictOf(attempts.map((a) => a.status))
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
  const present = new Set(ids)
  const planned = new Set<string>()
  const answered = new Set<string>()
  for (const item of items) {
    const visit = (id: string) => {
      if (!covers(item, id)) return
      planned.add(id)
      answered.add(item)
    }
    if (present.has(item)) visit(item)
    withPrefix(ids, `${item}::`, visit)
    if (isTestId(item)) withPrefix(ids, `${item}[`, visit)
  }
  const counts = emptyCounts()
  const records: [string, TestRecord][] = []
  for (const id of ids) {
    const claimed = result.tests[id]
    if (!planned.has(id) || claimed === undefined) continue
    const verdict = verdictOfAttempts(claimed.attempts)
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
  const files = new Set(items.map(fileOfId))
  const fileFailures: FileFailure[] = result.fileFailures
    .filter((f) => files.has(f.file))
    .map((f) => ({ file: f.file, message: f.message }))
  const failedFiles = new Set(fileFailures.map((f) => f.file))
  const claimedMissing = new Set(result.missing)
  const missing = items.filter(
    (item) => claimedMissing.has(item) || (!answered.has(item) && !failedFiles.has(fileOfId(item))),
  )

  const testsFailed = counts.failed > 0
  const exit = result.exitCode
  const noTestsRan =
    exit !== null &&
    exit === noTestsExitCode?.(result.runner) &&
    records.length > 0 &&
    records.every(([, r]) => r.verdict === 'skipped')
  // A death by signal is never explained by the tests; a non-zero exit code is, when a test
  // failed (and may then be excused by quarantine).
  const died =
    result.signal !== null
      ? `the runner was stopped by ${result.signal}`
      : exit === null && items.length > 0
        ? 'the runner reported no exit code'
        : undefined
  const exitFailed = exit !== null && exit !== 0 && !noTestsRan
  let status: ShardStatus
  if (!result.complete || result.status === 'incomplete') status = 'incomplete'
  else if (result.status === 'error') status = 'error'
  else if (
    testsFailed ||
    missing.length > 0 ||
    fileFailures.length > 0 ||
    died !== undefined ||
    exitFailed ||
    result.status === 'failed'
  )
    status = 'failed'
  else status = items.length === 0 ? 'empty' : 'passed'
  const runnerError =
    died ??
    (exitFailed && !testsFailed && missing.length === 0 && fileFailures.length === 0
      ? `the runner exited with ${String(exit)} although no test failed`
      : undefined)
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

/** A short list of untrusted ids for a message: at most five, each cut to 200 characters. */
function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => (id.length > 200 ? `${id.slice(0, 200)}…` : id))
  return `${shown.join(', ')}${ids.length > 5 ? ', …' : ''}`
}

/**
 * Combines the shard results of one run. Contract: the verdict is `passed` only when every
 * planned shard reported complete, every planned item has a result exactly once, and no
 * un-quarantined test failed.
 */
export function combineResults(input: CombineInput): Combined {
  const { plan } = input
  const problems: Problem[] = []
  const today = input.now.slice(0, 10)

  // The newest attempt of each shard of this plan wins; results of other plans are named.
  const byShard = new Map<number, SourcedResult[]>()
  for (const sourced of input.results) {
    const { result } = sourced
    if (result.planDigest !== input.planDigest) {
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

  const shards: ShardSummary[] = []
  const chosen: ShardResult[] = []
  const sources: string[] = []
  const unplanned: { index: number; source: string; ids: readonly string[] }[] = []
  const unaccounted: string[] = []
  for (const planned of plan.shards) {
    const candidates = (byShard.get(planned.index) ?? []).sort(
      (a, b) => b.result.attempt - a.result.attempt || (a.source < b.source ? -1 : 1),
    )
    const newest = candidates[0]?.result
    if (!newest) {
      if (planned.items.length === 0) {
        shards.push(
          summary(planned.index, 'empty', undefined, 0, planned.predictedSeconds, undefined),
        )
        continue
      }
      problems.push({
        kind: 'missing-shard',
        message: `shard ${planned.index} reported no result (${planned.items.length} planned items)`,
      })
      unaccounted.push(...planned.items)
      shards.push(
        summary(planned.index, 'missing', undefined, 0, planned.predictedSeconds, 'no result'),
      )
      continue
    }
    if (candidates.length > 1 && candidates[1]?.result.attempt === newest.attempt) {
      problems.push({
        kind: 'duplicate-test',
        message: `shard ${planned.index} has two results for attempt ${newest.attempt} (${candidates[0]?.source}, ${candidates[1].source}); using the first`,
      })
    }
    if (!sameItems(newest.items, planned.items)) {
      problems.push({
        kind: 'plan-mismatch',
        message: `shard ${planned.index} ran ${newest.items.length} items, but the plan lists ${planned.items.length} different ones`,
      })
      unaccounted.push(...planned.items)
      shards.push(
        summary(
          planned.index,
          'error',
          believeResult(planned.items, newest).result,
          candidates.length,
          planned.predictedSeconds,
          'items differ from the plan',
        ),
      )
      continue
    }
    const source = candidates[0]?.source ?? ''
    const belief = believeResult(planned.items, newest, input.noTestsExitCode)
    const believed = belief.result
    if (belief.unplannedTests.length > 0)
      unplanned.push({ index: planned.index, source, ids: belief.unplannedTests })
    if (belief.unplannedFiles.length > 0) {
      problems.push({
        kind: 'foreign-result',
        message: `${source}: shard ${planned.index} reported failures of files the plan did not give it: ${listIds(belief.unplannedFiles)}; ignored`,
      })
    }
    chosen.push(believed)
    sources.push(source)
    const state: ShardState = believed.status
    const reason = believed.reason
    if (state === 'incomplete') {
      problems.push({
        kind: 'incomplete-shard',
        message: `shard ${planned.index} did not finish: ${reason ?? 'incomplete'}`,
      })
    }
    unaccounted.push(...believed.missing)
    for (const failure of believed.fileFailures) {
      problems.push({
        kind: 'file-failure',
        message: `shard ${planned.index}: ${failure.file}: ${firstLine(failure.message)}`,
        file: failure.file,
      })
    }
    const runnerError =
      belief.runnerError ??
      (state === 'failed' &&
      believed.counts.failed === 0 &&
      believed.fileFailures.length === 0 &&
      believed.missing.length === 0
        ? reason
        : undefined)
    if (state === 'failed' && runnerError)
      problems.push({ kind: 'runner-error', message: `shard ${planned.index}: ${runnerError}` })
    shards.push(
      summary(planned.index, state, believed, candidates.length, planned.predictedSeconds, reason),
    )
  }
  problems.push(...strayTests(plan, unplanned, chosen))
  const missingTests = [...new Set(unaccounted)].sort()
  const fromIncomplete = new Set(
    chosen.filter((r) => r.status === 'incomplete').flatMap((r) => r.missing),
  )
  const explicitMissing = missingTests.filter(
    (item) =>
      !fromIncomplete.has(item) &&
      !plan.shards.some((s) => byShard.get(s.index) === undefined && s.items.includes(item)),
  )
  if (explicitMissing.length > 0) {
    problems.push({
      kind: 'missing-test',
      message: `${explicitMissing.length} planned ${explicitMissing.length === 1 ? 'item has' : 'items have'} no result: ${explicitMissing.slice(0, 5).join(', ')}${explicitMissing.length > 5 ? ', …' : ''}`,
    })
  }

  // Every test once: the same id from two shards means a plan or runner bug, not a pass.
  const tests: CombinedTest[] = []
  const seen = new Map<string, number>()
  for (const result of chosen) {
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
  tests.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  const quarantined = tests.filter(
    (t) =>
      (t.verdict === 'failed' || t.verdict === 'flaky') &&
      isQuarantined(t.id, input.quarantine, today),
  )
  const quarantinedIds = new Set(quarantined.map((t) => t.id))
  const failed = tests.filter((t) => t.verdict === 'failed' && !quarantinedIds.has(t.id))
  const flaky: FlakyTest[] = tests
    .filter((t) => t.verdict === 'flaky')
    .map((t) => ({ id: t.id, source: 'run' as const, rate: undefined }))
  const flakyIds = new Set(flaky.map((f) => f.id))
  if (input.history) {
    for (const [id, entry] of Object.entries(input.history.tests)) {
      const rate = flakeRate(entry.outcomes)
      if (rate !== undefined && rate >= input.flakyThreshold && rate > 0 && !flakyIds.has(id)) {
        flaky.push({ id, source: 'history', rate })
      }
    }
  }
  flaky.sort((a, b) => (a.id < b.id ? -1 : 1))
  const expiredQuarantine = input.quarantine.filter((q) => q.until < today)

  const counts = emptyCounts()
  for (const test of tests) counts[test.verdict] += test.cases ?? 1
  const wallSeconds = chosen.reduce((m, r) => Math.max(m, r.wallSeconds), 0)
  const serialSeconds = chosen.reduce((t, r) => t + r.wallSeconds, 0)
  const verdict = decide(problems, failed, chosen, quarantinedIds, new Set())
  return {
    verdict,
    shards,
    tests,
    failed,
    flaky,
    quarantined,
    expiredQuarantine,
    problems,
    unaccounted: missingTests,
    counts,
    wallSeconds,
    serialSeconds,
    results: chosen,
    sources,
  }
}

/**
 * Names the tests a shard reported that the plan did not give it. A test another shard owns
 * ran twice (a plan or runner bug: never a pass); any other is ignored.
 */
function strayTests(
  plan: Plan,
  unplanned: readonly { index: number; source: string; ids: readonly string[] }[],
  chosen: readonly ShardResult[],
): Problem[] {
  const problems: Problem[] = []
  const sorted = [...new Set(unplanned.flatMap((u) => u.ids))].sort()
  const present = new Set(sorted)
  const owner = new Map<string, number>()
  for (const shard of plan.shards) {
    for (const item of shard.items) {
      const visit = (id: string) => {
        if (covers(item, id) && !owner.has(id)) owner.set(id, shard.index)
      }
      if (present.has(item)) visit(item)
      withPrefix(sorted, `${item}::`, visit)
      if (isTestId(item)) withPrefix(sorted, `${item}[`, visit)
    }
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

/** Passed only with no blocking problem, no failed test, and every shard passed or explained. */
function decide(
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

/**
 * The items a serial fallback should run: the failed tests (or their files, where the runner
 * cannot select tests) and everything that went unrun. Everything here comes from the plan —
 * `combineResults` keeps no test the plan did not give a shard — and an id that would resolve
 * outside the repository is never run.
 */
export function fallbackItems(
  combined: Combined,
  selectsTests: boolean,
): { id: string; why: string }[] {
  const out = new Map<string, string>()
  for (const test of combined.failed)
    out.set(selectsTests ? test.id : fileOfId(test.id), `failed in shard ${test.shard}`)
  for (const item of combined.unaccounted)
    if (!out.has(item)) out.set(item, 'its shard reported no result for it')
  for (const problem of combined.problems) {
    if (problem.kind !== 'file-failure' || problem.file === undefined) continue
    const shard = /^shard (\d+):/.exec(problem.message)?.[1] ?? '?'
    if (!out.has(problem.file)) out.set(problem.file, `failed to run in shard ${shard}`)
  }
  return [...out]
    .filter(([id]) => !isOutsideRoot(id))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, why]) => ({ id, why }))
}

/**
 * Folds the serial fallback's result into the combined verdict: a test that failed in its
 * shard and passes on its own is flaky; tests of missing shards get their results; problems
 * whose items all ran in the fallback are marked resolved.
 */
export function applyFallback(
  combined: Combined,
  fallback: ShardResult,
  quarantine: readonly QuarantineEntry[],
  now: string,
  noTestsExitCode?: (runner: string) => number | undefined,
): Combined {
  const today = now.slice(0, 10)
  // The fallback's result is untrusted too (it ran the pull request's code): it is believed
  // only for what a fallback of this run may run, and only as far as its records show.
  const allowed = new Set(
    [...fallbackItems(combined, true), ...fallbackItems(combined, false)].map((i) => i.id),
  )
  const ran = believeResult(
    fallback.items.filter((item) => allowed.has(item)),
    fallback,
    noTestsExitCode,
  ).result
  const rerunTests = new Map(Object.entries(ran.tests))
  const tests = new Map(combined.tests.map((t) => [t.id, t]))
  for (const [id, record] of rerunTests) {
    const before = tests.get(id)
    const verdict =
      before === undefined
        ? record.verdict
        : before.verdict === 'failed'
          ? record.verdict === 'passed' || record.verdict === 'flaky'
            ? 'flaky'
            : 'failed'
          : before.verdict
    tests.set(id, {
      id,
      shard: before?.shard ?? 0,
      verdict,
      seconds: before?.seconds ?? record.attempts[0]?.seconds,
      message: verdict === 'failed' ? (record.message ?? before?.message) : undefined,
    })
  }
  const all = [...tests.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ids = all.map((t) => t.id)
  const stillUnaccounted = combined.unaccounted.filter(
    (item) => ran.missing.includes(item) || !ids.some((id) => covers(item, id)),
  )
  const fallbackFiles = new Set(Object.values(ran.tests).map((t) => t.file))
  const problems = combined.problems.map((p) => {
    if (p.kind === 'missing-shard' || p.kind === 'incomplete-shard' || p.kind === 'missing-test') {
      return stillUnaccounted.length === 0 ? { ...p, resolved: true } : p
    }
    if (p.kind === 'file-failure') {
      return p.file !== undefined && fallbackFiles.has(p.file) ? { ...p, resolved: true } : p
    }
    return p
  })
  const quarantinedList = all.filter(
    (t) =>
      (t.verdict === 'failed' || t.verdict === 'flaky') && isQuarantined(t.id, quarantine, today),
  )
  const quarantinedIds = new Set(quarantinedList.map((t) => t.id))
  const failed = all.filter((t) => t.verdict === 'failed' && !quarantinedIds.has(t.id))
  const runFlaky = all
    .filter((t) => t.verdict === 'flaky')
    .map((t) => ({ id: t.id, source: 'run' as const, rate: undefined }))
  const runFlakyIds = new Set(runFlaky.map((f) => f.id))
  const flaky = [
    ...runFlaky,
    ...combined.flaky.filter((f) => f.source === 'history' && !runFlakyIds.has(f.id)),
  ].sort((a, b) => (a.id < b.id ? -1 : 1))
  const counts = emptyCounts()
  for (const test of all) counts[test.verdict] += test.cases ?? 1
  const rerunShards = new Set(
    combined.shards.filter((s) => s.state !== 'passed' && s.state !== 'empty').map((s) => s.index),
  )
  // The fallback excuses its shards only when it ran cleanly itself: complete, no file that
  // failed to load, no runner error of its own (exit code with every test passing).
  const fallbackOk =
    (ran.status === 'passed' || ran.status === 'failed') &&
    ran.fileFailures.length === 0 &&
    ran.reason === undefined
  return {
    ...combined,
    tests: all,
    failed,
    flaky,
    quarantined: quarantinedList,
    problems,
    unaccounted: stillUnaccounted,
    counts,
    verdict: decide(
      problems,
      failed,
      combined.results,
      quarantinedIds,
      fallbackOk ? rerunShards : new Set(),
    ),
  }
}

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

/** Tests a result reports, counting each test the runner reported under a shared id. */
export function testCount(result: ShardResult): number {
  let count = 0
  for (const record of Object.values(result.tests)) count += record.cases ?? 1
  return count
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

function summary(
  index: number,
  state: ShardState,
  result: ShardResult | undefined,
  attempts: number,
  predictedSeconds: number,
  reason: string | undefined,
): ShardSummary {
  return {
    index,
    state,
    attempt: result?.attempt,
    attempts,
    tests: result ? testCount(result) : 0,
    failed: result?.counts.failed ?? 0,
    flaky: result?.counts.flaky ?? 0,
    predictedSeconds,
    wallSeconds: result?.wallSeconds,
    setupSeconds: result?.setupSeconds,
    reason,
  }
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sortedA = [...a].sort()
  const sortedB = [...b].sort()
  return sortedA.every((item, i) => item === sortedB[i])
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? ''
}

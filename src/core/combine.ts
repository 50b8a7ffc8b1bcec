import { MAX_DURATION_SECONDS } from './duration.js'
import { fileOfId, isDangerousKey } from './ids.js'
import type { Plan } from './plan.js'
import { covers, type ShardResult, type TestRecord, type TestVerdict } from './shard-result.js'
import type { TimingStore } from './store.js'

/**
 * Turning the shard results of one run into one verdict. Shard results are untrusted data
 * (the shards ran the pull request's code): they are validated, matched against the plan, and
 * every planned item must be accounted for exactly once — a missing shard, a missing test, a
 * duplicated test or a result from another plan can never read as a pass.
 */

export interface SourcedResult {
  /** Where the result came from (its path), for messages. */
  readonly source: string
  readonly result: ShardResult
}

export interface QuarantineEntry {
  readonly id: string
  /** Last day (YYYY-MM-DD, inclusive) the entry applies. */
  readonly until: string
  readonly reason: string
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
  readonly results: readonly ShardResult[]
}

/** Checks that untrusted JSON is a shard result this version understands. */
export function validateShardResult(data: unknown): ShardResult | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object'
  const r = data as Record<string, unknown>
  if (r.tool !== 'shardwise' || r.kind !== 'shard-result') return 'not a Shardwise shard result'
  if (r.version !== 1)
    return `shard result version ${JSON.stringify(r.version)} is not supported (this Shardwise reads version 1)`
  const shard = r.shard as Record<string, unknown> | null | undefined
  if (
    typeof shard !== 'object' ||
    shard === null ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count)
  ) {
    return '"shard" must be {"index": n, "count": n}'
  }
  if (typeof r.planDigest !== 'string') return '"planDigest" must be a string'
  if (!Number.isInteger(r.attempt) || (r.attempt as number) < 1)
    return '"attempt" must be a whole number ≥ 1'
  if (!Array.isArray(r.items) || !(r.items as unknown[]).every((i) => typeof i === 'string'))
    return '"items" must be a list of strings'
  if (!Array.isArray(r.missing) || !(r.missing as unknown[]).every((i) => typeof i === 'string'))
    return '"missing" must be a list of strings'
  if (typeof r.tests !== 'object' || r.tests === null || Array.isArray(r.tests))
    return '"tests" must be an object'
  for (const [id, record] of Object.entries(r.tests as Record<string, unknown>)) {
    if (isDangerousKey(id) && typeof record !== 'object')
      return `test ${JSON.stringify(id)} is malformed`
    const t = record as Record<string, unknown> | null
    if (typeof t !== 'object' || t === null)
      return `test ${JSON.stringify(id.slice(0, 200))} is not an object`
    if (!['passed', 'failed', 'flaky', 'skipped'].includes(t.verdict as string)) {
      return `test ${JSON.stringify(id.slice(0, 200))} has verdict ${JSON.stringify(t.verdict)}`
    }
    if (!Array.isArray(t.attempts))
      return `test ${JSON.stringify(id.slice(0, 200))} has no "attempts" list`
    if (typeof t.file !== 'string') return `test ${JSON.stringify(id.slice(0, 200))} has no "file"`
    if (t.message !== undefined && typeof t.message !== 'string')
      return `test ${JSON.stringify(id.slice(0, 200))} has a "message" that is not text`
    for (const attempt of t.attempts as unknown[]) {
      const a = attempt as Record<string, unknown> | null
      if (
        typeof a !== 'object' ||
        a === null ||
        !['passed', 'failed', 'skipped'].includes(a.status as string)
      )
        return `test ${JSON.stringify(id.slice(0, 200))} has a malformed attempt`
      if (
        a.seconds !== undefined &&
        (typeof a.seconds !== 'number' || !Number.isFinite(a.seconds) || a.seconds < 0)
      )
        return `test ${JSON.stringify(id.slice(0, 200))} has an attempt with bad "seconds"`
    }
  }
  if (!['passed', 'failed', 'empty', 'incomplete', 'error'].includes(r.status as string))
    return `"status" ${JSON.stringify(r.status)} is not known`
  if (typeof r.complete !== 'boolean') return '"complete" must be true or false'
  if (typeof r.wallSeconds !== 'number' || !Number.isFinite(r.wallSeconds) || r.wallSeconds < 0)
    return '"wallSeconds" must be a number ≥ 0'
  for (const key of ['setupSeconds', 'testSeconds'] as const) {
    const value = r[key]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      return `"${key}" must be a number ≥ 0`
  }
  const timingProblem = timingFault(r.timing)
  if (timingProblem !== undefined) return timingProblem
  if (r.reason !== undefined && r.reason !== null && typeof r.reason !== 'string')
    return '"reason" must be text'
  if (typeof r.workspace !== 'string') return '"workspace" must be a string'
  if (!Array.isArray(r.fileFailures)) return '"fileFailures" must be a list'
  for (const failure of r.fileFailures as unknown[]) {
    const f = failure as Record<string, unknown> | null
    if (
      typeof f !== 'object' ||
      f === null ||
      typeof f.file !== 'string' ||
      typeof f.message !== 'string'
    )
      return '"fileFailures" entries must be {"file", "message"}'
  }
  const counts = r.counts as Record<string, unknown> | null | undefined
  if (
    typeof counts !== 'object' ||
    counts === null ||
    !(['passed', 'failed', 'flaky', 'skipped'] as const).every(
      (k) => Number.isInteger(counts[k]) && (counts[k] as number) >= 0,
    )
  )
    return '"counts" must hold whole numbers for passed, failed, flaky and skipped'
  // Files travel beside the result under names `run` gives them; anything else could point
  // the privileged combine job at a file outside the artifact.
  const artifacts = r.artifacts as Record<string, unknown> | null | undefined
  if (typeof artifacts !== 'object' || artifacts === null)
    return '"artifacts" must be {"junit": [...], "coverage": [...]}'
  for (const kind of ['junit', 'coverage'] as const) {
    const list = artifacts[kind]
    if (!Array.isArray(list)) return `"artifacts.${kind}" must be a list`
    const pattern = new RegExp(`^${kind}/\\d{3}-[^/\\\\]+$`)
    for (const name of list as unknown[]) {
      if (typeof name !== 'string' || !pattern.test(name))
        return `"artifacts.${kind}" entry ${JSON.stringify(String(name).slice(0, 200))} is not a file of the artifact`
    }
  }
  return data as ShardResult
}

/** What is wrong with a result's `timing` (it feeds the timings history), if anything. */
function timingFault(timing: unknown): string | undefined {
  if (timing === undefined) return undefined
  const fine = (value: unknown) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_DURATION_SECONDS
  if (typeof timing !== 'object' || timing === null || Array.isArray(timing))
    return '"timing" must be an object'
  const t = timing as Record<string, unknown>
  if (!fine(t.laterAttemptsSeconds)) return '"timing.laterAttemptsSeconds" must be a number ≥ 0'
  if (typeof t.files !== 'object' || t.files === null || Array.isArray(t.files))
    return '"timing.files" must be an object'
  for (const [file, entry] of Object.entries(t.files as Record<string, unknown>)) {
    const e = entry as Record<string, unknown> | null
    if (
      typeof e !== 'object' ||
      e === null ||
      !fine(e.seconds) ||
      (e.start !== undefined && !fine(e.start))
    )
      return `"timing.files" entry ${JSON.stringify(file.slice(0, 200))} must be {"seconds", "start"} with numbers ≥ 0`
  }
  return undefined
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
          newest,
          candidates.length,
          planned.predictedSeconds,
          'items differ from the plan',
        ),
      )
      continue
    }
    chosen.push(newest)
    let state: ShardState = newest.status === 'error' ? 'error' : newest.status
    const reason = newest.reason
    if (!newest.complete || newest.status === 'incomplete') {
      state = 'incomplete'
      problems.push({
        kind: 'incomplete-shard',
        message: `shard ${planned.index} did not finish: ${newest.reason ?? 'incomplete'}`,
      })
      unaccounted.push(...newest.missing)
    } else if (newest.missing.length > 0) {
      unaccounted.push(...newest.missing)
    }
    for (const failure of newest.fileFailures) {
      problems.push({
        kind: 'file-failure',
        message: `shard ${planned.index}: ${failure.file}: ${firstLine(failure.message)}`,
      })
    }
    if (
      state === 'failed' &&
      newest.counts.failed === 0 &&
      newest.fileFailures.length === 0 &&
      newest.missing.length === 0 &&
      newest.reason
    ) {
      problems.push({ kind: 'runner-error', message: `shard ${planned.index}: ${newest.reason}` })
    }
    shards.push(
      summary(planned.index, state, newest, candidates.length, planned.predictedSeconds, reason),
    )
  }
  const missingTests = [...new Set(unaccounted)].sort()
  const fromIncomplete = new Set(
    chosen.filter((r) => !r.complete || r.status === 'incomplete').flatMap((r) => r.missing),
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

  const counts: Record<TestVerdict, number> = { passed: 0, failed: 0, flaky: 0, skipped: 0 }
  for (const test of tests) counts[test.verdict]++
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
  }
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
 * cannot select tests) and everything that went unrun.
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
    if (problem.kind !== 'file-failure') continue
    const match = /^shard (\d+): (.*?): /.exec(problem.message)
    if (match?.[2] !== undefined && !out.has(match[2]))
      out.set(match[2], `failed to run in shard ${match[1] ?? '?'}`)
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, why]) => ({ id, why }))
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
): Combined {
  const today = now.slice(0, 10)
  const rerunTests = new Map(Object.entries(fallback.tests))
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
    (item) => fallback.missing.includes(item) || !ids.some((id) => covers(item, id)),
  )
  const fallbackFiles = new Set(Object.values(fallback.tests).map((t) => t.file))
  const problems = combined.problems.map((p) => {
    if (p.kind === 'missing-shard' || p.kind === 'incomplete-shard' || p.kind === 'missing-test') {
      return stillUnaccounted.length === 0 ? { ...p, resolved: true } : p
    }
    if (p.kind === 'file-failure') {
      const file = /^shard \d+: (.*?): /.exec(p.message)?.[1]
      return file !== undefined && fallbackFiles.has(file) ? { ...p, resolved: true } : p
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
  const counts: Record<TestVerdict, number> = { passed: 0, failed: 0, flaky: 0, skipped: 0 }
  for (const test of all) counts[test.verdict]++
  const rerunShards = new Set(
    combined.shards.filter((s) => s.state !== 'passed' && s.state !== 'empty').map((s) => s.index),
  )
  // The fallback excuses its shards only when it ran cleanly itself: complete, no file that
  // failed to load, no runner error of its own (exit code with every test passing).
  const fallbackOk =
    fallback.complete && fallback.fileFailures.length === 0 && fallback.reason === undefined
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

function toCombined(id: string, shard: number, record: TestRecord): CombinedTest {
  const first = record.attempts[0]
  return { id, shard, verdict: record.verdict, seconds: first?.seconds, message: record.message }
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
    tests: result ? Object.keys(result.tests).length : 0,
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

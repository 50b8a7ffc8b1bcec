import type { QuarantineEntry } from '../contracts/quarantine.js'
import { fileOfId, isOutsideRoot } from '../ids.js'
import { covers, type ShardResult } from '../shard-result.js'
import { believeResult } from './belief.js'
import type { Combined, CombinedTest, Problem } from './model.js'
import { byId, classifyTests, countVerdicts } from './tests.js'
import { decideVerdict } from './verdict.js'

/**
 * The serial fallback: what it should run again after a failed combine, and how its result
 * folds into the verdict.
 */

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
 * The combined tests with the fallback's records folded in: a test that failed in its shard
 * and passes on its own is flaky; a test no shard reported takes the fallback's verdict.
 */
function foldRerunTests(tests: readonly CombinedTest[], ran: ShardResult): CombinedTest[] {
  const byTestId = new Map(tests.map((t) => [t.id, t]))
  for (const [id, record] of Object.entries(ran.tests)) {
    const before = byTestId.get(id)
    const verdict =
      before === undefined
        ? record.verdict
        : before.verdict === 'failed'
          ? record.verdict === 'passed' || record.verdict === 'flaky'
            ? 'flaky'
            : 'failed'
          : before.verdict
    byTestId.set(id, {
      id,
      shard: before?.shard ?? 0,
      verdict,
      seconds: before?.seconds ?? record.attempts[0]?.seconds,
      message: verdict === 'failed' ? (record.message ?? before?.message) : undefined,
    })
  }
  return [...byTestId.values()].sort(byId)
}

/** Problems whose items all ran in the fallback are marked resolved. */
function resolveProblems(
  problems: readonly Problem[],
  stillUnaccounted: readonly string[],
  ran: ShardResult,
): Problem[] {
  const fallbackFiles = new Set(Object.values(ran.tests).map((t) => t.file))
  return problems.map((p) => {
    if (p.kind === 'missing-shard' || p.kind === 'incomplete-shard' || p.kind === 'missing-test') {
      return stillUnaccounted.length === 0 ? { ...p, resolved: true } : p
    }
    if (p.kind === 'file-failure') {
      return p.file !== undefined && fallbackFiles.has(p.file) ? { ...p, resolved: true } : p
    }
    return p
  })
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
  const all = foldRerunTests(combined.tests, ran)
  const ids = all.map((t) => t.id)
  const stillUnaccounted = combined.unaccounted.filter(
    (item) => ran.missing.includes(item) || !ids.some((id) => covers(item, id)),
  )
  const problems = resolveProblems(combined.problems, stillUnaccounted, ran)
  const classified = classifyTests(all, quarantine, now.slice(0, 10))
  const runFlakyIds = new Set(classified.flaky.map((f) => f.id))
  const flaky = [
    ...classified.flaky,
    ...combined.flaky.filter((f) => f.source === 'history' && !runFlakyIds.has(f.id)),
  ].sort(byId)
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
    failed: classified.failed,
    flaky,
    quarantined: classified.quarantined,
    problems,
    unaccounted: stillUnaccounted,
    counts: countVerdicts(all),
    verdict: decideVerdict(
      problems,
      classified.failed,
      combined.results,
      classified.quarantinedIds,
      fallbackOk ? rerunShards : new Set(),
    ),
  }
}

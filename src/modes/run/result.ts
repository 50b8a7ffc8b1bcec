import { copyFile, lstat, mkdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { glob } from 'tinyglobby'
import { encodeShardResult } from '../../core/contracts/shard-result.js'
import { fileOfId } from '../../core/ids.js'
import type { FileFailure, FileTiming } from '../../core/outcomes.js'
import {
  judgeAttempts,
  type FileTimingRecord,
  type ShardResult,
  type ShardStatus,
  type ShardTimingRecord,
} from '../../core/shard-result.js'
import type { RunnerAdapter } from '../../adapters/runners/types.js'
import type { RunOptions, RunOutcome } from '../run.js'
import type { Attempts } from './attempt.js'

/**
 * The statuses a run writes. `error` is not one of them: the shard-result contract still
 * decodes it from old files, and combine reads it there.
 */
type WrittenStatus = Exclude<ShardStatus, 'error'>

/** How the shard's run ended, before the outcomes are judged. */
export interface ShardEnd {
  /** `passed` becomes `failed` where the outcomes say so. */
  readonly status: 'passed' | 'incomplete' | 'empty'
  readonly complete: boolean
  readonly reason: string | undefined
  readonly attempts: Attempts
  /** Planned files that could not run. */
  readonly refused: readonly FileFailure[]
}

/** What the result needs besides the run's end. */
export interface ShardFacts {
  readonly options: RunOptions
  readonly adapter: RunnerAdapter
  readonly items: readonly string[]
  readonly startedAt: Date
  readonly elapsed: () => number
}

/** Files matching the globs that were written at or after `sinceMs` (this run's reports). */
async function freshMatches(
  globs: readonly string[],
  root: string,
  sinceMs: number,
): Promise<string[]> {
  if (globs.length === 0) return []
  const out: string[] = []
  for (const path of await glob([...globs], {
    cwd: root,
    absolute: true,
    followSymbolicLinks: false,
  })) {
    const info = await lstat(path)
    // File systems with coarse timestamps round down: allow a second of slack.
    if (info.isFile() && info.mtimeMs >= sinceMs - 1000) out.push(path)
  }
  return out.sort()
}

/** Copies this run's regular files matching the globs into `dir`, returning their names. */
async function collect(
  globs: readonly string[],
  root: string,
  dir: string,
  sinceMs: number,
): Promise<string[]> {
  const matches = await freshMatches(globs, root, sinceMs)
  if (matches.length === 0) return []
  await mkdir(dir, { recursive: true })
  const names: string[] = []
  for (const [i, path] of matches.entries()) {
    const name = `${String(i + 1).padStart(3, '0')}-${basename(path)}`
    await copyFile(path, join(dir, name))
    names.push(`${basename(dir)}/${name}`)
  }
  return names
}

/** The verdict on the shard's attempts: its status, and the tests and files behind it. */
function judgeShard(facts: ShardFacts, end: ShardEnd) {
  const { options, adapter } = facts
  const attempts = end.attempts.attempts
  const judgement = judgeAttempts(facts.items, attempts)
  const fileFailures = [...judgement.fileFailures, ...end.refused]
  const missing = judgement.missing.filter(
    (item) => !end.refused.some((f) => f.file === fileOfId(item)),
  )
  const failed =
    judgement.counts.failed > 0 ||
    missing.length > 0 ||
    fileFailures.length > 0 ||
    (options.failOnFlaky && judgement.counts.flaky > 0)
  let status: WrittenStatus = end.status
  let reason = end.reason
  if (status === 'passed' && failed) status = 'failed'
  // A runner that exits non-zero with every test passing failed for a reason of its own
  // (a coverage threshold, leaked handles, a crash after the report): never a pass.
  const lastExit = attempts[attempts.length - 1]?.exitCode
  // The exception: the runner's own "no tests ran" code (pytest's 5) when every planned
  // item reported skipped (a module skipped whole) — nothing is missing, nothing failed.
  const nothingRan =
    lastExit !== undefined &&
    lastExit !== null &&
    adapter.noTestsExitCode === lastExit &&
    judgement.tests.size > 0 &&
    [...judgement.tests.values()].every((t) => t.verdict === 'skipped')
  if (status === 'passed' && lastExit !== 0 && lastExit !== undefined && !nothingRan) {
    status = 'failed'
    reason = `the runner exited with ${String(lastExit)} although no test failed`
  }
  return { judgement, fileFailures, missing, status, reason }
}

/**
 * Judges the shard's attempts, collects this run's JUnit and coverage files, and writes the
 * shard result to `shard-result.json` in the results directory.
 */
export async function writeShardResult(facts: ShardFacts, end: ShardEnd): Promise<RunOutcome> {
  const { options, startedAt } = facts
  const { attempts, lastExit, firstWall, laterWall, fileTimings } = end.attempts
  const { judgement, fileFailures, missing, status, reason } = judgeShard(facts, end)
  const firstTests = attempts[0]?.outcomes.tests ?? []
  const testSeconds = firstTests.reduce((total, t) => total + (t.seconds ?? 0), 0)
  const since = startedAt.getTime()
  const artifacts = {
    junit: await collect(
      options.junitGlobs,
      options.root,
      join(options.resultsDir, 'junit'),
      since,
    ),
    coverage: await collect(
      options.coverageGlobs,
      options.root,
      join(options.resultsDir, 'coverage'),
      since,
    ),
  }
  const result: ShardResult = {
    version: 1,
    tool: 'shardwise',
    kind: 'shard-result',
    planDigest: options.planDigest,
    shard: { index: options.shardIndex, count: options.plan.shards.length },
    attempt: options.attempt,
    runner: facts.adapter.name,
    command: [...options.command],
    items: [...facts.items],
    status,
    complete: end.complete,
    reason,
    exitCode: lastExit?.exitCode ?? null,
    signal: lastExit?.signal ?? null,
    startedAt: startedAt.toISOString(),
    wallSeconds: round(facts.elapsed()),
    setupSeconds: round(Math.max(0, firstWall - testSeconds)),
    testSeconds: round(testSeconds),
    timing: timingRecord(fileTimings, laterWall),
    tests: Object.fromEntries(judgement.tests),
    missing,
    fileFailures,
    counts: judgement.counts,
    workspace: options.root,
    artifacts,
  }
  const resultFile = join(options.resultsDir, 'shard-result.json')
  await writeFile(resultFile, `${encodeShardResult(result, 2)}\n`)
  const exitCode = status === 'passed' || status === 'empty' ? 0 : 1
  return { result, resultFile, exitCode }
}

/**
 * The first attempt's per-file timing for the cost model: seconds per file (summed where one
 * file ran in several invocations) and each file's start relative to the first, when the
 * runner stamped every file.
 */
function timingRecord(timings: readonly FileTiming[], laterWall: number): ShardTimingRecord {
  const files: Record<string, FileTimingRecord> = Object.create(null) as Record<
    string,
    FileTimingRecord
  >
  const starts = timings.every((t) => t.startMs !== undefined)
  const origin = timings.reduce((m, t) => Math.min(m, t.startMs ?? Infinity), Infinity)
  for (const timing of timings) {
    const seen = Object.hasOwn(files, timing.file) ? files[timing.file] : undefined
    const start =
      starts && timing.startMs !== undefined && Number.isFinite(origin)
        ? round((timing.startMs - origin) / 1000)
        : undefined
    files[timing.file] = {
      seconds: round((seen?.seconds ?? 0) + timing.seconds),
      ...(start === undefined ? {} : { start: Math.min(seen?.start ?? start, start) }),
    }
  }
  return { laterAttemptsSeconds: round(laterWall), files: { ...files } }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}

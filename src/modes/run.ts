import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../core/errors.js'
import type { FileFailure } from '../core/outcomes.js'
import type { Plan } from '../core/plan.js'
import type { ShardResult } from '../core/shard-result.js'
import type { Log } from '../adapters/log.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import type { RunnerName } from '../adapters/runners/types.js'
import { noAttempts, runAttempts, type Attempts, type ShardRun } from './run/attempt.js'
import { runnableItems } from './run/planned-files.js'
import { startProgress } from './run/progress.js'
import { writeShardResult, type ShardEnd, type ShardFacts } from './run/result.js'

export interface RunOptions {
  readonly plan: Plan
  readonly planDigest: string
  /** 1-based. */
  readonly shardIndex: number
  readonly command: readonly string[]
  readonly runner: RunnerName | 'auto'
  readonly retries: number
  /** Runs every planned test this many times (hunting flaky tests). */
  readonly repeat: number
  readonly failOnFlaky: boolean
  readonly timeoutSeconds: number | undefined
  readonly resultsDir: string
  readonly junitGlobs: readonly string[]
  readonly coverageGlobs: readonly string[]
  readonly root: string
  readonly attempt: number
  readonly env: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
}

export interface RunDeps {
  readonly log: Log
  /** Where the runner's output goes (prefixed per shard by `shardwise test`). */
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** While the reader of `stdout`/`stderr` is behind, a promise of when to write again. */
  readonly ready?: () => Promise<void> | undefined
  /** Progress lines (tests done, time left); `undefined` for none. */
  readonly progress?: (text: string) => void
  /** How often progress is reported (default every 10 s). */
  readonly progressIntervalMs?: number
  readonly now: () => Date
}

export interface RunOutcome {
  readonly result: ShardResult
  readonly resultFile: string
  /** 0 passed (or flaky, unless failOnFlaky), 1 failed or incomplete. */
  readonly exitCode: number
}

/**
 * Runs one shard of a plan: exactly its items, with retries of what failed, and writes the
 * shard result. A shard with no items never starts the runner (it would run the whole suite).
 * The steps: check the planned files (run/planned-files), run the attempts and decide the
 * retries (run/attempt), report progress meanwhile (run/progress), write the result
 * (run/result).
 */
export async function runMode(options: RunOptions, deps: RunDeps): Promise<RunOutcome> {
  const { plan, shardIndex } = options
  const shard = plan.shards[shardIndex - 1]
  if (!shard) {
    throw new UsageError(`--shard ${shardIndex}: the plan has ${plan.shards.length} shards`)
  }
  const label = `shard ${shardIndex}/${plan.shards.length}`
  const startedAt = deps.now()
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9
  await mkdir(options.resultsDir, { recursive: true })
  const resolved = await resolveRunner(options.command, options.root, options.runner)
  const adapter = RUNNERS[resolved.runner]
  const items = [...shard.items]
  const facts: ShardFacts = { options, adapter, items, startedAt, elapsed }

  if (items.length === 0) {
    deps.log.notice(`${label} has no tests in the plan; the runner is not started`)
    return writeShardResult(facts, {
      status: 'empty',
      complete: true,
      reason: undefined,
      attempts: noAttempts(),
      refused: [],
    })
  }

  const { runnable, onDisk, refused } = await runnableItems(
    items,
    options.root,
    adapter.itemsArePaths,
    deps.log,
  )
  const run: ShardRun = {
    options,
    deps,
    adapter,
    command: resolved.command,
    shardEnv: {
      SHARDWISE_SHARD: String(shardIndex),
      SHARDWISE_SHARD_COUNT: String(plan.shards.length),
    },
    elapsed,
    onDisk,
    reportRoot: await mkdtemp(join(tmpdir(), `shardwise-${shardIndex}-`)),
    live: { finishedBefore: 0, current: undefined },
  }
  const progress = startProgress({
    adapter,
    deps,
    label,
    runnable,
    predictedSeconds: shard.predictedSeconds,
    elapsed,
    live: run.live,
  })
  let attempts: Attempts
  try {
    attempts = await runAttempts(run, runnable)
  } finally {
    progress.stop()
    await rm(run.reportRoot, { recursive: true, force: true })
  }

  return writeShardResult(facts, endOfRun(attempts, refused, options, label, deps.log))
}

/** How the run ended: complete, or partial after a timeout or an interrupt (said in a warning). */
function endOfRun(
  attempts: Attempts,
  refused: readonly FileFailure[],
  options: RunOptions,
  label: string,
  log: Log,
): ShardEnd {
  if (!attempts.stopped)
    return { status: 'passed', complete: true, reason: undefined, attempts, refused }
  const why =
    attempts.stopped === 'timeout'
      ? `timed out after ${String(options.timeoutSeconds)} s`
      : 'interrupted'
  log.warning(`${label} ${why}: the result is partial`)
  return { status: 'incomplete', complete: false, reason: why, attempts, refused }
}

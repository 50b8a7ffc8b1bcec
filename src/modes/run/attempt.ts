import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from '../../core/errors.js'
import { fileOfId } from '../../core/ids.js'
import type { FileFailure, FileTiming, TestOutcome } from '../../core/outcomes.js'
import { judgeAttempts, retryItems, type AttemptOutcome } from '../../core/shard-result.js'
import type { ProcessResult } from '../../adapters/process.js'
import type {
  Invocation,
  InvocationInput,
  ReadOutcomes,
  RunnerAdapter,
} from '../../adapters/runners/types.js'
import type { RunDeps, RunOptions } from '../run.js'
import { invoke } from './invoke.js'
import type { LiveInvocation } from './progress.js'

/** What stays the same across a shard's attempts. */
export interface ShardRun {
  readonly options: RunOptions
  readonly deps: RunDeps
  readonly adapter: RunnerAdapter
  /** The user's command as the runner is given it (`npm test --`). */
  readonly command: readonly string[]
  readonly shardEnv: Readonly<Record<string, string>>
  /** Seconds since the shard started. */
  readonly elapsed: () => number
  /** File id → its spelling on disk, where the two differ. */
  readonly onDisk: ReadonlyMap<string, string>
  /** A temporary directory for the runner's reports, one subdirectory per attempt. */
  readonly reportRoot: string
  readonly live: LiveInvocation
}

/** The attempts so far, and what the shard result needs of them. */
export interface Attempts {
  readonly attempts: AttemptOutcome[]
  lastExit: ProcessResult | undefined
  /** The first attempt's wall time, and the later ones' together. */
  firstWall: number
  laterWall: number
  /** The first attempt's per-file timing. */
  fileTimings: FileTiming[]
  /** Set when an invocation was stopped (timeout, interrupt): no further attempt starts. */
  stopped: ProcessResult['stopped']
}

export function noAttempts(): Attempts {
  return {
    attempts: [],
    lastExit: undefined,
    firstWall: 0,
    laterWall: 0,
    fileTimings: [],
    stopped: undefined,
  }
}

/** Runs one invocation within the shard's time and reads its outcomes. */
async function runInvocation(
  run: ShardRun,
  invocation: Invocation,
  input: InvocationInput,
  soFar: Attempts,
): Promise<{ result: ProcessResult; outcomes: ReadOutcomes }> {
  const { adapter, options, live } = run
  const deadline = options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000
  const remaining =
    deadline === undefined ? undefined : Math.max(1, deadline - run.elapsed() * 1000)
  await adapter.beforeInvocation?.(invocation, input)
  live.current = invocation
  const result = await invoke(adapter, invocation, options, run.deps, run.shardEnv, remaining)
  live.finishedBefore += adapter.finishedTests?.(invocation) ?? 0
  live.current = undefined
  soFar.lastExit = result
  if (result.spawnError !== undefined) {
    throw new UsageError(
      `cannot start the test command \`${invocation.argv[0] ?? ''}\`: ${result.spawnError}`,
    )
  }
  const outcomes = await adapter.readOutcomes(invocation, input, { exitCode: result.exitCode })
  for (const problem of outcomes.problems ?? []) run.deps.log.warning(problem)
  return { result, outcomes }
}

/** Runs `subset` once, every invocation it takes, and adds the attempt to `soFar`. */
export async function runAttempt(
  run: ShardRun,
  subset: readonly string[],
  label: string,
  soFar: Attempts,
): Promise<void> {
  const dir = join(run.reportRoot, label)
  await mkdir(dir, { recursive: true })
  const spelled = subset.map((item) => {
    const file = fileOfId(item)
    const disk = run.onDisk.get(file)
    return disk === undefined ? item : disk + item.slice(file.length)
  })
  const input: InvocationInput = {
    command: run.command,
    items: spelled,
    reportDir: dir,
    cwd: run.options.root,
    junitGlobs: run.options.junitGlobs,
  }
  const started = run.elapsed()
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const timings: FileTiming[] = []
  let worstExit: number | null = 0
  let signal: string | null = null
  for (const invocation of run.adapter.invocations(input)) {
    const { result, outcomes } = await runInvocation(run, invocation, input, soFar)
    tests.push(...outcomes.tests)
    fileFailures.push(...outcomes.fileFailures)
    timings.push(...(outcomes.files ?? []))
    if (result.exitCode !== 0) worstExit = result.exitCode
    if (result.signal !== null) signal = result.signal
    if (result.stopped) {
      soFar.stopped = result.stopped
      break
    }
  }
  if (soFar.attempts.length === 0) {
    soFar.firstWall = run.elapsed() - started
    soFar.fileTimings = timings
  } else {
    soFar.laterWall += run.elapsed() - started
  }
  soFar.attempts.push({
    items: subset,
    outcomes: { tests, fileFailures },
    exitCode: worstExit,
    signal,
  })
}

/**
 * Runs the shard's items: the first attempt, the repeats (`--repeat`), then retries of what
 * failed — single tests where the runner selects them, else their files — until nothing
 * failed, the retries are spent, or an attempt was stopped.
 */
export async function runAttempts(run: ShardRun, runnable: readonly string[]): Promise<Attempts> {
  const { options, adapter } = run
  const soFar = noAttempts()
  await runAttempt(run, runnable, 'attempt-1', soFar)
  for (let r = 2; r <= options.repeat && !soFar.stopped; r++)
    await runAttempt(run, runnable, `repeat-${r}`, soFar)
  for (let retry = 1; retry <= options.retries && !soFar.stopped; retry++) {
    const again = retryItems(
      runnable,
      judgeAttempts(runnable, soFar.attempts),
      adapter.selectsTests,
    )
    if (again.length === 0) break
    run.deps.log.info(
      `retry ${retry}/${options.retries}: running ${again.length} failed ${again.length === 1 ? 'item' : 'items'} again`,
    )
    await runAttempt(run, again, `retry-${retry}`, soFar)
  }
  return soFar
}

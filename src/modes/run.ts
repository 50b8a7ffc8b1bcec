import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { StringDecoder } from 'node:string_decoder'
import { access, readdir, rm, copyFile, lstat, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { UsageError, describeError } from '../core/errors.js'
import { fileOfId, isOutsideRoot } from '../core/ids.js'
import { encodeShardResult } from '../core/contracts/shard-result.js'
import type { FileFailure, FileTiming, Outcomes, TestOutcome } from '../core/outcomes.js'
import type { Plan } from '../core/plan.js'
import {
  judgeAttempts,
  retryItems,
  type AttemptOutcome,
  type FileTimingRecord,
  type ShardResult,
  type ShardTimingRecord,
  type ShardStatus,
} from '../core/shard-result.js'
import type { Log } from '../adapters/log.js'
import { childEnvironment, runProcess, type ProcessResult } from '../adapters/process.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import { readJunitOutcomes } from '../adapters/runners/junit-outcomes.js'
import type { Invocation, RunnerAdapter, RunnerName } from '../adapters/runners/types.js'

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

/** A display line longer than this is shown as it is rather than held for its end. */
const MAX_DISPLAY_LINE = 1024 * 1024

/**
 * Runs one invocation, streaming output and saving stdout reports (go test -json) as they
 * come. Nothing is held whole: the report goes to a file stream, the output to `deps`, and
 * while either is behind, the test process waits.
 */
async function invoke(
  adapter: RunnerAdapter,
  invocation: Invocation,
  options: RunOptions,
  deps: RunDeps,
  shardEnv: Readonly<Record<string, string>>,
  timeoutMs: number | undefined,
): Promise<ProcessResult> {
  const report =
    invocation.stdoutReport === undefined ? undefined : createWriteStream(invocation.stdoutReport)
  let reportError: unknown
  report?.on('error', (error) => (reportError = error))
  if (report) await once(report, 'open')
  // Decoders keep a character split across chunks whole.
  const outText = new StringDecoder('utf8')
  const errText = new StringDecoder('utf8')
  let pending = ''
  const show = (text: string) => {
    if (!adapter.display) return deps.stdout(text)
    pending += text
    const end = pending.lastIndexOf('\n')
    if (end >= 0) {
      deps.stdout(adapter.display(pending.slice(0, end + 1)))
      pending = pending.slice(end + 1)
    }
    if (pending.length > MAX_DISPLAY_LINE) {
      deps.stdout(adapter.display(`${pending}\n`))
      pending = ''
    }
  }
  const result = await runProcess(invocation.argv, {
    cwd: options.root,
    env: childEnvironment(options.env, { ...shardEnv, ...invocation.env }),
    onStdout: (chunk) => {
      if (report && reportError === undefined) report.write(chunk)
      show(outText.write(chunk))
    },
    onStderr: (chunk) => deps.stderr(errText.write(chunk)),
    outputReady: () => {
      const waits = [
        report?.writableNeedDrain === true && reportError === undefined
          ? once(report, 'drain').then(
              () => undefined,
              () => undefined,
            )
          : undefined,
        deps.ready?.(),
      ].filter((w) => w !== undefined)
      return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined)
    },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  show(outText.end())
  deps.stderr(errText.end())
  if (pending !== '' && adapter.display) deps.stdout(adapter.display(`${pending}\n`))
  if (report) {
    report.end()
    if (reportError === undefined) await once(report, 'close').catch(() => undefined)
    if (reportError !== undefined)
      deps.log.warning(
        `cannot save the runner's report ${invocation.stdoutReport ?? ''}: ${describeError(reportError)}`,
      )
  }
  if (result.strays === true)
    deps.log.warning(
      `\`${invocation.argv[0] ?? ''}\` exited but left processes holding its output; they were stopped (its exit status ${String(result.exitCode)} stands)`,
    )
  return result
}

/**
 * The path of a file id as spelled on disk: the id itself, or — where the file system keeps a
 * name decomposed (NFD) — the entry whose NFC form is the id's.
 */
async function findOnDisk(root: string, id: string): Promise<string | undefined> {
  try {
    await access(resolve(root, id))
    return id
  } catch {
    // Look for another Unicode spelling, one segment at a time.
  }
  let dir = root
  const parts: string[] = []
  for (const segment of id.split('/')) {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch {
      return undefined
    }
    const name =
      names.find((n) => n === segment) ?? names.find((n) => n.normalize('NFC') === segment)
    if (name === undefined) return undefined
    parts.push(name)
    dir = join(dir, name)
  }
  return parts.join('/')
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

/** A signature (modification time and size) of each file the globs match. */
async function snapshot(globs: readonly string[], root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (globs.length === 0) return out
  for (const path of await glob([...globs], {
    cwd: root,
    absolute: true,
    followSymbolicLinks: false,
  })) {
    const info = await lstat(path)
    if (info.isFile()) out.set(path, `${info.mtimeMs}:${info.size}`)
  }
  return out
}

/**
 * Outcomes for a runner that reports nothing itself: the JUnit files the invocation wrote or
 * changed (compared with a snapshot taken before it started), keeping only cases of its own
 * files — another shard running beside it may write to the same place. Without JUnit files,
 * the exit status stands for every file of the invocation.
 */
async function genericOutcomes(
  files: readonly string[],
  options: RunOptions,
  exitCode: number | null,
  before: ReadonlyMap<string, string>,
): Promise<Outcomes & { problems: readonly string[] }> {
  if (options.junitGlobs.length > 0) {
    const after = await snapshot(options.junitGlobs, options.root)
    const written = [...after]
      .filter(([path, signature]) => before.get(path) !== signature)
      .map(([path]) => path)
    const read = await readJunitOutcomes(written.sort(), [options.root])
    const own = new Set(files.map((f) => f.normalize('NFC')))
    const tests = read.tests.filter((t) => own.has(t.file))
    const foreign = read.tests.length - tests.length
    const problems = [...read.problems]
    if (foreign > 0)
      problems.push(
        `${foreign} JUnit test cases belong to files this invocation did not run; ignored`,
      )
    if (written.length === 0)
      problems.push(`the command wrote no JUnit report matching ${options.junitGlobs.join(', ')}`)
    return { tests, fileFailures: read.fileFailures.filter((f) => own.has(f.file)), problems }
  }
  const status = exitCode === 0 ? 'passed' : 'failed'
  const tests: TestOutcome[] = files.map((file) => ({
    id: file,
    file,
    status,
    seconds: undefined,
    message: status === 'failed' ? `the command exited with ${String(exitCode)}` : undefined,
  }))
  return { tests, fileFailures: [], problems: [] }
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

/**
 * Runs one shard of a plan: exactly its items, with retries of what failed, and writes the
 * shard result. A shard with no items never starts the runner (it would run the whole suite).
 */
export async function runMode(options: RunOptions, deps: RunDeps): Promise<RunOutcome> {
  const { plan } = options
  const { log } = deps
  const shard = plan.shards[options.shardIndex - 1]
  if (!shard) {
    throw new UsageError(`--shard ${options.shardIndex}: the plan has ${plan.shards.length} shards`)
  }
  const startedAt = deps.now()
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9
  await mkdir(options.resultsDir, { recursive: true })
  const resolved = await resolveRunner(options.command, options.root, options.runner)
  const adapter = RUNNERS[resolved.runner]
  const items = [...shard.items]
  const shardEnv = {
    SHARDWISE_SHARD: String(options.shardIndex),
    SHARDWISE_SHARD_COUNT: String(plan.shards.length),
  }

  const finish = async (fields: {
    status: ShardStatus
    complete: boolean
    reason: string | undefined
    exit: ProcessResult | undefined
    attempts: AttemptOutcome[]
    extraFailures: FileFailure[]
    firstWall: number
    laterWall: number
    fileTimings: readonly FileTiming[]
  }): Promise<RunOutcome> => {
    const judgement = judgeAttempts(items, fields.attempts)
    const fileFailures = [...judgement.fileFailures, ...fields.extraFailures]
    const firstTests = fields.attempts[0]?.outcomes.tests ?? []
    const testSeconds = firstTests.reduce((total, t) => total + (t.seconds ?? 0), 0)
    const artifacts = {
      junit: await collect(
        options.junitGlobs,
        options.root,
        join(options.resultsDir, 'junit'),
        startedAt.getTime(),
      ),
      coverage: await collect(
        options.coverageGlobs,
        options.root,
        join(options.resultsDir, 'coverage'),
        startedAt.getTime(),
      ),
    }
    const missing = judgement.missing.filter(
      (item) => !fields.extraFailures.some((f) => f.file === fileOfId(item)),
    )
    const failed =
      judgement.counts.failed > 0 ||
      missing.length > 0 ||
      fileFailures.length > 0 ||
      (options.failOnFlaky && judgement.counts.flaky > 0)
    let status = fields.status
    let reason = fields.reason
    if (status === 'passed' && failed) status = 'failed'
    // A runner that exits non-zero with every test passing failed for a reason of its own
    // (a coverage threshold, leaked handles, a crash after the report): never a pass.
    const lastExit = fields.attempts[fields.attempts.length - 1]?.exitCode
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
    const result: ShardResult = {
      version: 1,
      tool: 'shardwise',
      kind: 'shard-result',
      planDigest: options.planDigest,
      shard: { index: options.shardIndex, count: plan.shards.length },
      attempt: options.attempt,
      runner: adapter.name,
      command: [...options.command],
      items,
      status,
      complete: fields.complete,
      reason,
      exitCode: fields.exit?.exitCode ?? null,
      signal: fields.exit?.signal ?? null,
      startedAt: startedAt.toISOString(),
      wallSeconds: round(elapsed()),
      setupSeconds: round(Math.max(0, fields.firstWall - testSeconds)),
      testSeconds: round(testSeconds),
      timing: timingRecord(fields.fileTimings, fields.laterWall),
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

  if (items.length === 0) {
    log.notice(
      `shard ${options.shardIndex}/${plan.shards.length} has no tests in the plan; the runner is not started`,
    )
    return finish({
      status: 'empty',
      complete: true,
      reason: undefined,
      exit: undefined,
      attempts: [],
      extraFailures: [],
      firstWall: 0,
      laterWall: 0,
      fileTimings: [],
    })
  }

  // A planned item outside the repository is refused: the plan came from somewhere else, and
  // its ids from timings, listings or results, none of which may point the runner elsewhere.
  const extraFailures: FileFailure[] = []
  const outside = [...new Set(items.filter(isOutsideRoot).map(fileOfId))].sort()
  if (outside.length > 0) {
    log.warning(
      `${outside.length} planned ${outside.length === 1 ? 'item resolves' : 'items resolve'} outside ${options.root} and ${outside.length === 1 ? 'is' : 'are'} not run: ${outside.slice(0, 5).join(', ')}`,
    )
    for (const file of outside)
      extraFailures.push({ file, message: `refused: ${file} is outside the repository root` })
  }
  const inside = outside.length === 0 ? items : items.filter((item) => !isOutsideRoot(item))
  // A planned file that is gone cannot run: say so instead of letting the runner ignore it.
  // Ids are NFC; a file stored decomposed (as macOS writes names) is found by its spelling on disk.
  let runnable = inside
  const onDisk = new Map<string, string>()
  if (adapter.name !== 'go') {
    const files = [...new Set(inside.map(fileOfId))]
    const gone = new Set<string>()
    for (const file of files) {
      const found = await findOnDisk(options.root, file)
      if (found === undefined) {
        gone.add(file)
        extraFailures.push({ file, message: `planned file not found: ${file}` })
      } else if (found !== file) {
        onDisk.set(file, found)
      }
    }
    if (gone.size > 0) {
      log.warning(
        `${gone.size} planned files are missing from ${options.root}: ${[...gone].slice(0, 5).join(', ')}`,
      )
      runnable = inside.filter((item) => !gone.has(fileOfId(item)))
    }
  }

  const reportRoot = await mkdtemp(join(tmpdir(), `shardwise-${options.shardIndex}-`))
  const predicted = shard.predictedSeconds
  const deadline = options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000
  // Tests finished so far, where the runner reports them live (node:test, go test -json).
  let finishedBefore = 0
  let current: Invocation | undefined
  const expectedTests = runnable.filter((item) => item.includes('::')).length
  const progressTimer = deps.progress
    ? setInterval(() => {
        // Nothing in a timer may throw: it would kill the process and orphan the tests.
        try {
          reportProgress()
        } catch {
          // Progress is a courtesy; the run goes on.
        }
      }, deps.progressIntervalMs ?? 10_000)
    : undefined
  function reportProgress(): void {
    const spent = elapsed()
    const left = predicted - spent
    const live = current && adapter.finishedTests ? adapter.finishedTests(current) : undefined
    const done =
      live === undefined
        ? ''
        : `${finishedBefore + live}${expectedTests > 0 ? ` of ${expectedTests}` : ''} tests done, `
    deps.progress?.(
      `shard ${options.shardIndex}/${plan.shards.length}: ${done}${runnable.length} items, ${spent.toFixed(0)} s elapsed, ${
        left > 0
          ? `about ${left.toFixed(0)} s left`
          : `${(-left).toFixed(0)} s over the predicted ${predicted.toFixed(0)} s`
      }`,
    )
  }
  progressTimer?.unref()

  const attempts: AttemptOutcome[] = []
  let lastExit: ProcessResult | undefined
  let firstWall = 0
  let laterWall = 0
  let fileTimings: FileTiming[] = []
  let stopped: ProcessResult['stopped']
  try {
    const runOnce = async (subset: readonly string[], label: string): Promise<void> => {
      const dir = join(reportRoot, label)
      await mkdir(dir, { recursive: true })
      const spelled = subset.map((item) => {
        const file = fileOfId(item)
        const disk = onDisk.get(file)
        return disk === undefined ? item : disk + item.slice(file.length)
      })
      const input = { command: resolved.command, items: spelled, reportDir: dir, cwd: options.root }
      const invocationsStarted = elapsed()
      const tests: TestOutcome[] = []
      const fileFailures: FileFailure[] = []
      const timings: FileTiming[] = []
      let worstExit: number | null = 0
      let signal: string | null = null
      for (const invocation of adapter.invocations(input)) {
        const remaining =
          deadline === undefined ? undefined : Math.max(1, deadline - elapsed() * 1000)
        const before =
          adapter.name === 'generic'
            ? await snapshot(options.junitGlobs, options.root)
            : new Map<string, string>()
        current = invocation
        const result = await invoke(adapter, invocation, options, deps, shardEnv, remaining)
        finishedBefore += adapter.finishedTests?.(invocation) ?? 0
        current = undefined
        lastExit = result
        if (result.spawnError !== undefined) {
          throw new UsageError(
            `cannot start the test command \`${invocation.argv[0] ?? ''}\`: ${result.spawnError}`,
          )
        }
        const outcomes =
          adapter.name === 'generic'
            ? await genericOutcomes(
                [...new Set((invocation.items ?? subset).map(fileOfId))],
                options,
                result.exitCode,
                before,
              )
            : await adapter.readOutcomes(invocation, input)
        tests.push(...outcomes.tests)
        fileFailures.push(...outcomes.fileFailures)
        timings.push(...(outcomes.files ?? []))
        if ('problems' in outcomes && Array.isArray(outcomes.problems)) {
          for (const problem of outcomes.problems as string[]) log.warning(problem)
        }
        if (result.exitCode !== 0) worstExit = result.exitCode
        if (result.signal !== null) signal = result.signal
        if (result.stopped) {
          stopped = result.stopped
          break
        }
      }
      if (attempts.length === 0) {
        firstWall = elapsed() - invocationsStarted
        fileTimings = timings
      } else {
        laterWall += elapsed() - invocationsStarted
      }
      attempts.push({
        items: subset,
        outcomes: { tests, fileFailures },
        exitCode: worstExit,
        signal,
      })
    }

    await runOnce(runnable, 'attempt-1')
    for (let r = 2; r <= options.repeat && !stopped; r++) await runOnce(runnable, `repeat-${r}`)
    for (let retry = 1; retry <= options.retries && !stopped; retry++) {
      const again = retryItems(runnable, judgeAttempts(runnable, attempts), adapter.selectsTests)
      if (again.length === 0) break
      log.info(
        `retry ${retry}/${options.retries}: running ${again.length} failed ${again.length === 1 ? 'item' : 'items'} again`,
      )
      await runOnce(again, `retry-${retry}`)
    }
  } finally {
    if (progressTimer) clearInterval(progressTimer)
    await rm(reportRoot, { recursive: true, force: true })
  }

  if (stopped) {
    const why =
      stopped === 'timeout' ? `timed out after ${String(options.timeoutSeconds)} s` : 'interrupted'
    log.warning(`shard ${options.shardIndex}/${plan.shards.length} ${why}: the result is partial`)
    return finish({
      status: 'incomplete',
      complete: false,
      reason: why,
      exit: lastExit,
      attempts,
      extraFailures,
      firstWall,
      laterWall,
      fileTimings,
    })
  }
  return finish({
    status: 'passed',
    complete: true,
    reason: undefined,
    exit: lastExit,
    attempts,
    extraFailures,
    firstWall,
    laterWall,
    fileTimings,
  })
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

import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describeError } from '../core/errors.js'
import { fileOfId } from '../core/ids.js'
import { encodePlan } from '../core/contracts/plan.js'
import type { Plan, ShardCountRequest, Granularity } from '../core/plan.js'
import { renderPlanTable } from '../core/render-plan.js'
import { TEST_VERDICTS, emptyCounts, type ShardResult } from '../core/shard-result.js'
import { testCount } from '../core/combine.js'
import { runTime, storeCostModel, type RunTime } from '../core/store.js'
import type { CostModel } from '../core/cost-model.js'
import type { Log } from '../adapters/log.js'
import { RUNNERS, resolveRunner, type ResolvedCommand } from '../adapters/runners/index.js'
import { TYPICAL_COSTS } from '../adapters/runners/typical.js'
import type { RunnerName } from '../adapters/runners/types.js'
import { listItemsTimed } from '../adapters/runners/list.js'
import { planMode } from './plan.js'
import { readStore } from '../adapters/store-file.js'
import { combineMode } from './combine.js'
import { coverageReport } from '../adapters/coverage-report.js'
import { planDigest } from '../adapters/plan-file.js'
import { runMode } from './run.js'

export interface TestOptions {
  readonly shards: ShardCountRequest
  readonly parallel: number
  readonly granularity: Granularity
  /** Per-shard start-up; by default what the store measured last time (0 without history). */
  readonly shardOverheadSeconds: number | undefined
  readonly patterns: readonly string[]
  /** A file of ids to plan (one per line) instead of the runner's own list. */
  readonly itemsFrom?: string | undefined
  readonly timings: readonly string[]
  readonly command: readonly string[]
  readonly runner: RunnerName | 'auto'
  readonly retries: number
  readonly repeat: number
  readonly failOnFlaky: boolean
  readonly timeoutSeconds: number | undefined
  readonly junitGlobs: readonly string[]
  readonly coverageGlobs: readonly string[]
  /** Fail below this merged line coverage (percent). */
  readonly coverageThreshold?: number | undefined
  readonly root: string
  /** `.shardwise/` under the root: the local timings store and run directories. */
  readonly stateDir: string
  readonly env: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
}

export interface TestDeps {
  readonly log: Log
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** While the reader of `out`/`err` is behind, a promise of when to write again. */
  readonly ready?: () => Promise<void> | undefined
  readonly now: () => Date
}

export interface TestOutcome {
  readonly plan: Plan
  readonly results: readonly ShardResult[]
  readonly exitCode: number
  readonly runDir: string
  readonly summary: string
}

const STORE_FILE = 'timings.json'

/**
 * Creates `.shardwise/` with a `.gitignore` of `*` the first time, so that timings, plans and
 * run reports never show up as changes to commit (nothing in it is meant for version control:
 * the Actions cache carries the history on CI).
 */
async function ensureStateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const ignore = join(dir, '.gitignore')
  if (!existsSync(ignore))
    await writeFile(ignore, '# Written by Shardwise: local timings and run reports.\n*\n')
}

function seconds(value: number): string {
  return value >= 120 ? `${(value / 60).toFixed(1)} min` : `${value.toFixed(1)} s`
}

/**
 * The terminal summary. Every figure is one that was measured or is labelled as an estimate:
 * the longest shard is what a CI run with one job per shard would take; the wall time here
 * is what this machine took running `parallel` shards at a time; one job's time is measured
 * only when the run had one shard, else estimated from the files' measured costs plus one
 * start-up (never the sum of the shards, which pays the start-up once per shard).
 */
function summarize(
  plan: Plan,
  results: readonly ShardResult[],
  wallSeconds: number,
  parallel: number,
  time: RunTime | undefined,
): string {
  const lines: string[] = ['', 'shard  status      tests  predicted     actual']
  for (const result of results) {
    const predicted = plan.shards[result.shard.index - 1]?.predictedSeconds ?? 0
    const tests = testCount(result)
    lines.push(
      `${String(result.shard.index).padStart(5)}  ${result.status.padEnd(10)} ${String(tests).padStart(6)}  ${seconds(predicted).padStart(9)}  ${seconds(result.wallSeconds).padStart(9)}`,
    )
  }
  const totals = emptyCounts()
  for (const result of results)
    for (const key of TEST_VERDICTS) totals[key] += (result.counts[key] as number | undefined) ?? 0
  lines.push('')
  const estimate = plan.timings.runs === 0 ? ' (estimated: no timing history yet)' : ''
  if (time) {
    lines.push(
      `longest shard ${seconds(time.makespanSeconds)} (predicted ${seconds(plan.predictedMakespanSeconds)}${estimate}): the wall time with one job per shard`,
    )
    if (results.length > parallel) {
      lines.push(
        `wall time here ${seconds(wallSeconds)}, running ${results.length} shards ${parallel} at a time (--parallel ${parallel})`,
      )
    }
    if (time.shards > 1) {
      lines.push(
        `one job (every file in one shard) would take ${time.serialBasis === 'measured' ? '' : 'about '}${seconds(time.serialSeconds)} (${time.serialBasis === 'measured' ? 'measured' : `estimated: the files' measured costs plus one ${seconds(time.overheadSeconds)} start-up`}): ${(time.serialSeconds / Math.max(time.makespanSeconds, 0.001)).toFixed(2)}× faster with ${time.shards} shards`,
      )
    }
  }
  lines.push(
    `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.flaky} flaky, ${totals.skipped} skipped${totals.xfailed > 0 ? `, ${totals.xfailed} xfailed` : ''}${totals.xpassed > 0 ? `, ${totals.xpassed} xpassed` : ''}`,
  )
  const flaky = results.flatMap((r) =>
    Object.entries(r.tests)
      .filter(([, t]) => t.verdict === 'flaky')
      .map(([id]) => id),
  )
  const failed = results.flatMap((r) =>
    Object.entries(r.tests)
      .filter(([, t]) => t.verdict === 'failed')
      .map(([id]) => id),
  )
  const missing = results.flatMap((r) => r.missing)
  const broken = results.flatMap((r) =>
    r.fileFailures.map((f) => `${f.file}: ${f.message.split('\n')[0] ?? ''}`),
  )
  for (const [label, list] of [
    ['flaky (failed, then passed on retry)', flaky],
    ['failed', failed],
    ['files that failed to run', broken],
    ['planned but never reported', missing],
  ] as const) {
    if (list.length === 0) continue
    lines.push(`${label}:`)
    for (const id of list.slice(0, 50)) lines.push(`  ${JSON.stringify(id).slice(1, -1)}`)
    if (list.length > 50) lines.push(`  … and ${list.length - 50} more`)
  }
  return lines.join('\n')
}

/** Runs `count` tasks with at most `parallel` at once, keeping results in task order. */
async function pool<T>(
  count: number,
  parallel: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      results[index] = await task(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker))
  return results
}

/** Prefixes each complete line with a label; keeps partial lines until they complete. */
function lineWriter(
  label: string,
  write: (text: string) => void,
): { push: (text: string) => void; flush: () => void } {
  let pending = ''
  return {
    push: (text) => {
      pending += text
      const end = pending.lastIndexOf('\n')
      if (end < 0) return
      write(
        pending
          .slice(0, end)
          .split('\n')
          .map((line) => `${label}${line}\n`)
          .join(''),
      )
      pending = pending.slice(end + 1)
    },
    flush: () => {
      if (pending !== '') write(`${label}${pending}\n`)
      pending = ''
    },
  }
}

/** The runner's own list of the suite, and how long listing took. */
interface Listed {
  /** Ids to plan; empty when globs choose them. */
  readonly items: string[]
  readonly seconds: number
  /** The files the runner itself would run, to check the globs against. */
  readonly runnerFiles?: { runner: string; files: Set<string> }
}

/**
 * Asks the runner for its tests when no glob is given; with globs, asks a runner that lists
 * cheaply which files it would run (globs may catch helper modules). The runner's own list
 * travels in memory: a file name may hold a newline. The listing's time is a first measure of
 * the runner's start-up, for a suite with no history yet.
 */
async function listSuite(
  options: TestOptions,
  resolved: ResolvedCommand,
  log: Log,
): Promise<Listed | undefined> {
  const listOptions = {
    root: options.root,
    env: options.env,
    ...(options.signal ? { signal: options.signal } : {}),
  }
  if (options.patterns.length === 0 && options.itemsFrom === undefined)
    return listItemsTimed(listOptions, resolved.runner, resolved.command, log)
  if (options.patterns.length === 0 || RUNNERS[resolved.runner].listsFilesCheaply !== true)
    return undefined
  try {
    const own = await listItemsTimed(listOptions, resolved.runner, resolved.command, log)
    return {
      items: [],
      seconds: own.seconds,
      runnerFiles: { runner: resolved.runner, files: new Set(own.items.map(fileOfId)) },
    }
  } catch (error) {
    log.info(
      `the globs were not checked against ${resolved.runner}'s own list: ${describeError(error).split('\n')[0] ?? ''}`,
    )
    return undefined
  }
}

/** Plans the run from the store's timings (and any given), writing the plan to the run directory. */
async function planRun(
  options: TestOptions,
  resolved: ResolvedCommand,
  listed: Listed | undefined,
  store: {
    readonly path: string
    readonly found: boolean
    readonly learned: CostModel | undefined
  },
  runDir: string,
  log: Log,
): Promise<Plan> {
  const timings = store.found ? [store.path, ...options.timings] : [...options.timings]
  if (!store.found && options.timings.length === 0)
    log.notice(
      `no timings yet in ${store.path}: this run's predictions are estimates, and it records what it measures`,
    )
  const typical = TYPICAL_COSTS[resolved.runner]
  const plan = await planMode(
    {
      shards: options.shards,
      shardOverheadSeconds: options.shardOverheadSeconds,
      priorCostModel: store.learned ?? {
        startupSeconds: listed?.seconds ?? typical.startupSeconds,
        warmupSeconds: 0,
        workers: 1,
      },
      defaultItemSeconds: typical.fileSeconds,
      granularity: RUNNERS[resolved.runner].selectsTests ? options.granularity : 'file',
      timings,
      patterns: options.patterns,
      itemsFrom: options.itemsFrom,
      ...(listed && listed.items.length > 0 ? { items: listed.items } : {}),
      ...(listed?.runnerFiles ? { runnerFiles: listed.runnerFiles } : {}),
      root: options.root,
      roots: [],
    },
    { log, readStdin: () => Promise.resolve('') },
  )
  await writeFile(join(runDir, 'plan.json'), `${encodePlan(plan, 2)}\n`)
  return plan
}

/** Runs one shard of the plan as a local process, its output lines labelled by shard. */
async function runShard(
  options: TestOptions,
  deps: TestDeps,
  run: { plan: Plan; digest: string; runner: RunnerName; runDir: string; parallel: number },
  index: number,
): Promise<ShardResult> {
  const shardCount = run.plan.shards.length
  const label = shardCount > 1 && run.parallel > 1 ? `[${index}/${shardCount}] ` : ''
  const stdout = lineWriter(label, deps.out)
  const stderr = lineWriter(label, deps.err)
  try {
    const outcome = await runMode(
      {
        plan: run.plan,
        planDigest: run.digest,
        shardIndex: index,
        command: options.command,
        runner: run.runner,
        retries: options.retries,
        repeat: options.repeat,
        failOnFlaky: options.failOnFlaky,
        timeoutSeconds: options.timeoutSeconds,
        resultsDir: join(run.runDir, `shard-${index}`),
        junitGlobs: options.junitGlobs,
        coverageGlobs: options.coverageGlobs,
        root: options.root,
        attempt: 1,
        env: options.env,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      {
        log: {
          info: (m) => stderr.push(`${m}\n`),
          warning: (m) => stderr.push(`warning: ${m}\n`),
          notice: (m) => stderr.push(`notice: ${m}\n`),
        },
        stdout: stdout.push,
        stderr: stderr.push,
        ...(deps.ready ? { ready: deps.ready } : {}),
        progress: (m) => stderr.push(`${m}\n`),
        now: deps.now,
      },
    )
    return outcome.result
  } finally {
    stdout.flush()
    stderr.flush()
  }
}

/** The same combine as in CI: completeness, timings into the store, coverage, the report. */
async function combineRun(
  options: TestOptions,
  deps: TestDeps,
  run: { plan: Plan; digest: string; runner: RunnerName; runDir: string; storePath: string },
): Promise<number> {
  const { log } = deps
  const { runDir } = run
  const quarantine = join(options.root, 'shardwise.quarantine.json')
  const combined = await combineMode(
    {
      plan: run.plan,
      planDigest: run.digest,
      resultsDir: runDir,
      storePath: run.storePath,
      quarantinePath: existsSync(quarantine) ? quarantine : undefined,
      flakyThreshold: 0.1,
      coverageThreshold: options.coverageThreshold,
      fallback: 'none',
      command: options.command,
      runner: run.runner,
      fallbackMaxItems: 0,
      reportMarkdown: join(runDir, 'report.md'),
      reportJson: join(runDir, 'report.json'),
      root: options.root,
      env: options.env,
      coverage: (shards) =>
        coverageReport(shards, {
          root: options.root,
          threshold: options.coverageThreshold,
          baseRef: undefined,
          outDir: join(runDir, 'coverage'),
          log,
        }),
    },
    { log, out: deps.err, err: deps.err, now: deps.now },
  )
  if (combined.coverage) {
    deps.err(
      `coverage: ${combined.coverage.percent.toFixed(2)}% of lines across all shards (merged lcov and Cobertura in ${join(runDir, 'coverage')})\n`,
    )
  }
  deps.err(`report: ${join(runDir, 'report.md')}; timings saved to ${run.storePath}\n`)
  return combined.exitCode
}

/**
 * The local all-in-one: plans (asking the runner for its tests when no glob is given), runs
 * every shard as local processes, at most `parallel` at once, prints a summary and saves what
 * it measured to `.shardwise/timings.json`, so the next run balances better.
 */
export async function testMode(options: TestOptions, deps: TestDeps): Promise<TestOutcome> {
  const { log } = deps
  const started = process.hrtime.bigint()
  const resolved = await resolveRunner(options.command, options.root, options.runner)
  const storePath = join(options.stateDir, STORE_FILE)
  const store = await readStore(storePath, log)
  const listed = await listSuite(options, resolved, log)
  // Only now, with something to run: a listing that fails leaves no empty run directory.
  await ensureStateDir(options.stateDir)
  const stamp = deps.now().toISOString().replace(/[:.]/g, '-')
  const runDir = join(options.stateDir, 'runs', stamp)
  await mkdir(runDir, { recursive: true })
  if (listed && listed.items.length > 0)
    await writeFile(join(runDir, 'items.json'), `${JSON.stringify(listed.items, null, 2)}\n`)
  const plan = await planRun(
    options,
    resolved,
    listed,
    { path: storePath, found: store !== undefined, learned: storeCostModel(store) },
    runDir,
    log,
  )
  deps.err(`${renderPlanTable(plan)}\n\n`)
  const digest = planDigest(plan)
  const shardCount = plan.shards.length
  const parallel = Math.max(1, Math.min(options.parallel, shardCount))
  deps.err(`running ${shardCount} shards with ${resolved.runner}, ${parallel} at a time\n`)
  const run = { plan, digest, runner: resolved.runner, runDir, parallel, storePath }
  const results = await pool(shardCount, parallel, (i) => runShard(options, deps, run, i + 1))
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const summary = summarize(plan, results, wallSeconds, parallel, runTime(results, plan.costModel))
  deps.err(`${summary}\n`)
  const exitCode = await combineRun(options, deps, run)
  return { plan, results, exitCode, runDir, summary }
}

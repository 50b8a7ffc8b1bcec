import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stableStringify } from '../core/json.js'
import type { Plan, ShardCountRequest, Granularity } from '../core/plan.js'
import { renderPlanTable } from '../core/render-plan.js'
import type { ShardResult } from '../core/shard-result.js'
import type { Log } from '../adapters/log.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import type { RunnerName } from '../adapters/runners/types.js'
import { listItems } from './list.js'
import { planMode } from './plan.js'
import { readStore } from '../adapters/store-file.js'
import { combineMode } from './combine.js'
import { coverageReport } from './coverage.js'
import { planDigest, runMode } from './run.js'

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

function seconds(value: number): string {
  return value >= 120 ? `${(value / 60).toFixed(1)} min` : `${value.toFixed(1)} s`
}

function summarize(plan: Plan, results: readonly ShardResult[], wallSeconds: number): string {
  const lines: string[] = ['', 'shard  status      tests  predicted     actual']
  for (const result of results) {
    // Predicted wall time of the shard: its tests plus the start-up every shard pays.
    const predicted =
      (plan.shards[result.shard.index - 1]?.predictedSeconds ?? 0) + plan.shardOverheadSeconds
    const tests = Object.keys(result.tests).length
    lines.push(
      `${String(result.shard.index).padStart(5)}  ${result.status.padEnd(10)} ${String(tests).padStart(6)}  ${seconds(predicted).padStart(9)}  ${seconds(result.wallSeconds).padStart(9)}`,
    )
  }
  const serial = results.reduce((t, r) => t + r.wallSeconds, 0)
  const totals = { passed: 0, failed: 0, flaky: 0, skipped: 0 }
  for (const result of results)
    for (const key of Object.keys(totals) as (keyof typeof totals)[])
      totals[key] += result.counts[key]
  lines.push('')
  lines.push(
    `wall time ${seconds(wallSeconds)} for ${seconds(serial)} of shard time (${(serial / Math.max(wallSeconds, 0.001)).toFixed(2)}× parallel); predicted longest shard ${seconds(plan.predictedMakespanSeconds + plan.shardOverheadSeconds)}`,
  )
  lines.push(
    `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.flaky} flaky, ${totals.skipped} skipped`,
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
  const stamp = deps.now().toISOString().replace(/[:.]/g, '-')
  const runDir = join(options.stateDir, 'runs', stamp)
  await mkdir(runDir, { recursive: true })

  // The runner's own list travels in memory: a file name may hold a newline.
  let listed: string[] | undefined
  if (options.patterns.length === 0 && options.itemsFrom === undefined) {
    listed = await listItems(
      {
        root: options.root,
        env: options.env,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      resolved.runner,
      resolved.command,
      log,
    )
    await writeFile(join(runDir, 'items.json'), `${JSON.stringify(listed, null, 2)}\n`)
  }
  const timings = store ? [storePath, ...options.timings] : [...options.timings]
  if (!store && options.timings.length === 0)
    log.notice(`no timings yet in ${storePath}: this run estimates and records them`)
  const plan = await planMode(
    {
      shards: options.shards,
      shardOverheadSeconds: options.shardOverheadSeconds ?? store?.shardSetupSeconds?.seconds ?? 0,
      granularity: RUNNERS[resolved.runner].selectsTests ? options.granularity : 'file',
      timings,
      patterns: options.patterns,
      itemsFrom: options.itemsFrom,
      ...(listed ? { items: listed } : {}),
      root: options.root,
      roots: [],
    },
    { log, readStdin: () => Promise.resolve('') },
  )
  const planFile = join(runDir, 'plan.json')
  await writeFile(planFile, `${stableStringify(plan, 2)}\n`)
  deps.err(`${renderPlanTable(plan)}\n\n`)
  const digest = planDigest(plan)
  const shardCount = plan.shards.length
  const parallel = Math.max(1, Math.min(options.parallel, shardCount))
  deps.err(`running ${shardCount} shards with ${resolved.runner}, ${parallel} at a time\n`)

  const results = await pool(shardCount, parallel, async (i) => {
    const index = i + 1
    const label = shardCount > 1 && parallel > 1 ? `[${index}/${shardCount}] ` : ''
    const stdout = lineWriter(label, deps.out)
    const stderr = lineWriter(label, deps.err)
    try {
      const outcome = await runMode(
        {
          plan,
          planDigest: digest,
          shardIndex: index,
          command: options.command,
          runner: resolved.runner,
          retries: options.retries,
          repeat: options.repeat,
          failOnFlaky: options.failOnFlaky,
          timeoutSeconds: options.timeoutSeconds,
          resultsDir: join(runDir, `shard-${index}`),
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
  })
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const summary = summarize(plan, results, wallSeconds)
  deps.err(`${summary}\n`)

  // The same combine as in CI: completeness, timings into the store, coverage, the report.
  const quarantine = join(options.root, 'shardwise.quarantine.json')
  const combined = await combineMode(
    {
      plan,
      planDigest: digest,
      resultsDir: runDir,
      storePath,
      quarantinePath: existsSync(quarantine) ? quarantine : undefined,
      flakyThreshold: 0.1,
      coverageThreshold: options.coverageThreshold,
      fallback: 'none',
      command: options.command,
      runner: resolved.runner,
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
  deps.err(`report: ${join(runDir, 'report.md')}; timings saved to ${storePath}\n`)
  return { plan, results, exitCode: combined.exitCode, runDir, summary }
}

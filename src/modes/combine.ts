import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { UsageError } from '../core/errors.js'
import {
  applyFallback,
  combineResults,
  fallbackItems,
  type Combined,
  type QuarantineEntry,
} from '../core/combine.js'
import type { CostModel } from '../core/cost-model.js'
import { stableStringify } from '../core/json.js'
import type { Plan } from '../core/plan.js'
import {
  renderReportMarkdown,
  reportJson,
  type CoverageReport,
  type FallbackReport,
  type ReportInput,
} from '../core/report.js'
import {
  emptyStore,
  measureRun,
  mergeRun,
  runTime,
  storeCostModel,
  type RunTime,
} from '../core/store.js'
import type { Log } from '../adapters/log.js'
import { writeOutputFile } from '../adapters/output-file.js'
import { readStore, updateStore } from '../adapters/store-file.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import type { RunnerName } from '../adapters/runners/types.js'
import { planDigest } from '../adapters/plan-file.js'
import { readQuarantine } from '../adapters/quarantine-file.js'
import { readResults } from '../adapters/shard-results.js'
import { runMode } from './run.js'

// Shard results are read by adapters/shard-results.ts; re-exported for modules that import it here.
export { readResults } from '../adapters/shard-results.js'

export interface CombineOptions {
  readonly plan: Plan
  readonly planDigest: string
  readonly resultsDir: string
  /** The timings store to merge into (read, then written back); `undefined` to leave it alone. */
  readonly storePath: string | undefined
  readonly quarantinePath: string | undefined
  readonly flakyThreshold: number
  readonly coverageThreshold: number | undefined
  readonly fallback: 'none' | 'serial'
  /** The test command for the serial fallback. */
  readonly command: readonly string[]
  readonly runner: RunnerName | 'auto'
  /** At most this many items run in the serial fallback; more means something systemic. */
  readonly fallbackMaxItems: number
  readonly reportMarkdown: string | undefined
  readonly reportJson: string | undefined
  /** How the Markdown names where the full report is, when tables are cut (default: `reportJson`). */
  readonly reportHint?: string
  readonly root: string
  readonly env: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
  /**
   * A serial fallback that already ran in a job of its own (the action): its shard result is
   * folded in instead of running the command here.
   */
  readonly fallbackResultsDir?: string
  /** Computes coverage from the chosen shard results (wired in by the caller). */
  readonly coverage?: (
    results: readonly { dir: string; workspace: string; files: readonly string[] }[],
  ) => Promise<CoverageReport | undefined>
}

/** What `combineMode` writes to and reads the clock from (the action's own deps are its callers'). */
export interface CombineModeDeps {
  readonly log: Log
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** While the reader of `out`/`err` is behind, a promise of when to write again. */
  readonly ready?: () => Promise<void> | undefined
  readonly now: () => Date
}

export interface CombineOutcome {
  readonly combined: Combined
  readonly markdown: string
  readonly exitCode: number
  readonly coverage: CoverageReport | undefined
  /** What the shards took and what one job would have taken. */
  readonly time: RunTime | undefined
}

/** The "no tests ran" exit code of a runner named in an (untrusted) shard result. */
function noTestsExitCode(runner: string): number | undefined {
  return Object.hasOwn(RUNNERS, runner) ? RUNNERS[runner as RunnerName].noTestsExitCode : undefined
}

/** The fallback's shard result, read, folded into the verdict, and what the report says of it. */
interface FallbackStep {
  readonly combined: Combined
  readonly fallback: FallbackReport | undefined
}

/**
 * Folds in a serial fallback that already ran in a job of its own (the action): its newest
 * result, where the run failed.
 */
async function foldFallbackResult(
  dir: string,
  combined: Combined,
  quarantine: readonly QuarantineEntry[],
  now: string,
  log: Log,
): Promise<FallbackStep> {
  const ran = (await readResults(dir, log)).sort((a, b) => b.result.attempt - a.result.attempt)[0]
  if (!ran || combined.verdict !== 'failed') return { combined, fallback: undefined }
  const items = fallbackItems(
    combined,
    ran.result.items.some((i) => i.includes('::')),
  )
  const why = new Map(items.map((i) => [i.id, i.why]))
  return {
    combined: applyFallback(combined, ran.result, quarantine, now, noTestsExitCode),
    fallback: {
      items: ran.result.items.map((id) => ({ id, why: why.get(id) ?? 'failed or unrun' })),
      passed: ran.result.counts.passed,
      failed: ran.result.counts.failed,
      skipped: undefined,
    },
  }
}

/**
 * Runs what failed or went unrun again, serially in one process with the user's own command,
 * and folds its result in; more than `fallbackMaxItems` items is systemic and is not re-run.
 */
async function runSerialFallback(
  options: CombineOptions,
  deps: CombineModeDeps,
  combined: Combined,
  quarantine: readonly QuarantineEntry[],
  now: string,
): Promise<FallbackStep> {
  const { log } = deps
  if (options.command.length === 0)
    throw new UsageError('`--fallback serial` needs the test command after `--`.')
  const resolved = await resolveRunner(options.command, options.root, options.runner)
  const items = fallbackItems(combined, RUNNERS[resolved.runner].selectsTests)
  if (items.length === 0) return { combined, fallback: undefined }
  if (items.length > options.fallbackMaxItems) {
    const skipped = `${items.length} items failed or went unrun, more than the ${options.fallbackMaxItems} a serial re-run takes: this looks systemic, not flaky`
    log.warning(skipped)
    return { combined, fallback: { items, passed: 0, failed: 0, skipped } }
  }
  log.info(`serial fallback: running ${items.length} items again in one process`)
  const plan: Plan = {
    ...options.plan,
    shards: [{ index: 1, items: items.map((i) => i.id), predictedSeconds: 0 }],
  }
  const outcome = await runMode(
    {
      plan,
      planDigest: planDigest(plan),
      shardIndex: 1,
      command: options.command,
      runner: resolved.runner,
      retries: 0,
      repeat: 1,
      failOnFlaky: false,
      timeoutSeconds: undefined,
      // Beside, not inside, the results: a later combine must not take it for a shard.
      resultsDir: await mkdtemp(join(tmpdir(), 'shardwise-fallback-')),
      junitGlobs: [],
      coverageGlobs: [],
      root: options.root,
      attempt: 1,
      env: options.env,
      ...(options.signal ? { signal: options.signal } : {}),
    },
    {
      log,
      stdout: deps.out,
      stderr: deps.err,
      ...(deps.ready ? { ready: deps.ready } : {}),
      now: deps.now,
    },
  )
  return {
    combined: applyFallback(combined, outcome.result, quarantine, now, noTestsExitCode),
    fallback: {
      items,
      passed: outcome.result.counts.passed,
      failed: outcome.result.counts.failed,
      skipped: undefined,
    },
  }
}

/** Coverage of the chosen shard results, each read from its own artifact directory. */
async function mergedCoverage(
  options: CombineOptions,
  combined: Combined,
): Promise<CoverageReport | undefined> {
  if (!options.coverage) return undefined
  return options.coverage(
    combined.results.map((r, i) => {
      const source = combined.sources[i] ?? ''
      return {
        dir: join(options.resultsDir, dirname(source)),
        workspace: r.workspace,
        files: r.artifacts.coverage,
      }
    }),
  )
}

/**
 * Merges what the shards measured into the timings store, as it is when we write (another run
 * may have saved meanwhile); a store that cannot be written is a warning, and the report
 * follows regardless.
 */
async function saveTimings(
  storePath: string,
  combined: Combined,
  costModel: CostModel | undefined,
  now: string,
  log: Log,
): Promise<void> {
  const measured = measureRun(combined.results, costModel)
  if (measured.tests.size + measured.files.size + measured.outcomes.size === 0) return
  const saved = await updateStore(
    storePath,
    (current) => mergeRun(current ?? emptyStore(now), measured, now),
    log,
  )
  if (saved)
    log.info(
      `timings: ${measured.tests.size} tests from ${combined.results.filter((r) => r.complete).length} complete shards merged into ${storePath}`,
    )
}

/** Writes the Markdown and JSON reports where asked; returns the Markdown. */
async function writeReports(options: CombineOptions, input: ReportInput): Promise<string> {
  const markdown = renderReportMarkdown(input)
  if (options.reportMarkdown !== undefined)
    await writeOutputFile('--report-md', options.reportMarkdown, markdown)
  if (options.reportJson !== undefined)
    await writeOutputFile(
      '--report-json',
      options.reportJson,
      `${stableStringify(reportJson(input), 2)}\n`,
    )
  return markdown
}

/**
 * Combines the shard results in a directory: verdict, serial fallback, coverage, timings for
 * next time and the report. It never executes anything it reads; the fallback runs the
 * user's own command, given on the command line.
 */
export async function combineMode(
  options: CombineOptions,
  deps: CombineModeDeps,
): Promise<CombineOutcome> {
  const { log } = deps
  const now = deps.now().toISOString()
  const results = await readResults(options.resultsDir, log)
  const quarantine = await readQuarantine(options.quarantinePath, log)
  const store =
    options.storePath === undefined ? undefined : await readStore(options.storePath, log)
  const judged = combineResults({
    plan: options.plan,
    planDigest: options.planDigest,
    results,
    quarantine,
    history: store,
    now,
    flakyThreshold: options.flakyThreshold,
    noTestsExitCode,
  })
  const { combined, fallback } =
    options.fallbackResultsDir !== undefined
      ? await foldFallbackResult(options.fallbackResultsDir, judged, quarantine, now, log)
      : options.fallback === 'serial' && judged.verdict === 'failed'
        ? await runSerialFallback(options, deps, judged, quarantine, now)
        : { combined: judged, fallback: undefined }
  const coverage = await mergedCoverage(options, combined)
  const costModel = storeCostModel(store) ?? options.plan.costModel
  if (options.storePath !== undefined)
    await saveTimings(options.storePath, combined, costModel, now, log)
  const input: ReportInput = {
    combined,
    plan: options.plan,
    time: runTime(combined.results, costModel),
    coverage,
    fallback,
    unknownItems: options.plan.unknownItems,
    estimatedItems: Array.isArray(options.plan.estimatedItems) ? options.plan.estimatedItems : [],
    ...(options.reportJson ? { fullReportHint: options.reportHint ?? options.reportJson } : {}),
  }
  const markdown = await writeReports(options, input)
  const coverageFailed = coverage !== undefined && !coverage.passed
  const exitCode = combined.verdict === 'passed' && !coverageFailed ? 0 : 1
  return { combined, markdown, exitCode, coverage, time: input.time }
}

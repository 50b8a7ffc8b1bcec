import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { UsageError, describeError } from '../core/errors.js'
import {
  applyFallback,
  combineResults,
  fallbackItems,
  type Combined,
  type QuarantineEntry,
  type SourcedResult,
} from '../core/combine.js'
import { decodeQuarantine } from '../core/contracts/quarantine.js'
import { decodeShardResult } from '../core/contracts/shard-result.js'
import { stableStringify } from '../core/json.js'
import type { Plan } from '../core/plan.js'
import {
  renderReportMarkdown,
  reportJson,
  type CoverageReport,
  type FallbackReport,
} from '../core/report.js'
import {
  emptyStore,
  measureRun,
  mergeRun,
  runTime,
  storeCostModel,
  type RunTime,
} from '../core/store.js'
import { JsonFileError, readJsonFile } from '../adapters/json-file.js'
import type { Log } from '../adapters/log.js'
import { writeOutputFile } from '../adapters/output-file.js'
import { readStore, updateStore } from '../adapters/store-file.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import type { RunnerName } from '../adapters/runners/types.js'
import { planDigest } from '../adapters/plan-file.js'
import { runMode } from './run.js'

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

export interface CombineDeps {
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

const RESULT_FILE = 'shard-result.json'
const MAX_RESULT_BYTES = 256 * 1024 * 1024
const MAX_DEPTH = 6

/** Finds every shard result under `dir` (regular files only; links are not followed). */
async function findResults(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (current: string, depth: number): Promise<void> => {
    let entries
    try {
      entries = await readdir(current, { withFileTypes: true })
    } catch (error) {
      if (depth === 0)
        throw new UsageError(`--results-dir ${dir}: cannot read it (${describeError(error)})`)
      return
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(current, entry.name)
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(full, depth + 1)
      else if (entry.isFile() && entry.name === RESULT_FILE) found.push(full)
    }
  }
  await walk(dir, 0)
  return found
}

export async function readResults(dir: string, log: Log): Promise<SourcedResult[]> {
  const results: SourcedResult[] = []
  for (const path of await findResults(dir)) {
    const source = relative(dir, path) || path
    try {
      const result = await readJsonFile('--results-dir', path, decodeShardResult, {
        maxBytes: MAX_RESULT_BYTES,
      })
      results.push({ source, result })
    } catch (error) {
      // A result that cannot be used counts as missing: its shard's items fail, never pass.
      if (!(error instanceof JsonFileError)) throw error
      log.warning(
        error.problem === 'invalid'
          ? `${source}: ${error.detail}; ignored`
          : `${source}: unreadable shard result (${error.detail}); ignored`,
      )
    }
  }
  return results
}

/** Reads the quarantine list: `{"version":1,"tests":[{"id","until":"YYYY-MM-DD","reason"}]}`. */
export async function readQuarantine(
  path: string | undefined,
  log: Log,
): Promise<readonly QuarantineEntry[]> {
  if (path === undefined) return []
  const { tests } = await readJsonFile('--quarantine', path, decodeQuarantine)
  if (tests.length > 0) log.info(`quarantine: ${tests.length} entries from ${path}`)
  return tests
}

/** The "no tests ran" exit code of a runner named in an (untrusted) shard result. */
function noTestsExitCode(runner: string): number | undefined {
  return Object.hasOwn(RUNNERS, runner) ? RUNNERS[runner as RunnerName].noTestsExitCode : undefined
}

/**
 * Combines the shard results in a directory: verdict, serial fallback, coverage, timings for
 * next time and the report. It never executes anything it reads; the fallback runs the
 * user's own command, given on the command line.
 */
export async function combineMode(
  options: CombineOptions,
  deps: CombineDeps,
): Promise<CombineOutcome> {
  const { log } = deps
  const now = deps.now().toISOString()
  const results = await readResults(options.resultsDir, log)
  const quarantine = await readQuarantine(options.quarantinePath, log)
  const store =
    options.storePath === undefined ? undefined : await readStore(options.storePath, log)
  let combined = combineResults({
    plan: options.plan,
    planDigest: options.planDigest,
    results,
    quarantine,
    history: store,
    now,
    flakyThreshold: options.flakyThreshold,
    noTestsExitCode,
  })

  let fallback: FallbackReport | undefined
  if (options.fallbackResultsDir !== undefined) {
    const ran = (await readResults(options.fallbackResultsDir, log)).sort(
      (a, b) => b.result.attempt - a.result.attempt,
    )[0]
    if (ran && combined.verdict === 'failed') {
      const items = fallbackItems(
        combined,
        ran.result.items.some((i) => i.includes('::')),
      )
      combined = applyFallback(combined, ran.result, quarantine, now, noTestsExitCode)
      const why = new Map(items.map((i) => [i.id, i.why]))
      fallback = {
        items: ran.result.items.map((id) => ({ id, why: why.get(id) ?? 'failed or unrun' })),
        passed: ran.result.counts.passed,
        failed: ran.result.counts.failed,
        skipped: undefined,
      }
    }
  } else if (options.fallback === 'serial' && combined.verdict === 'failed') {
    if (options.command.length === 0)
      throw new UsageError('`--fallback serial` needs the test command after `--`.')
    const resolved = await resolveRunner(options.command, options.root, options.runner)
    const items = fallbackItems(combined, RUNNERS[resolved.runner].selectsTests)
    if (items.length === 0) {
      fallback = undefined
    } else if (items.length > options.fallbackMaxItems) {
      fallback = {
        items,
        passed: 0,
        failed: 0,
        skipped: `${items.length} items failed or went unrun, more than the ${options.fallbackMaxItems} a serial re-run takes: this looks systemic, not flaky`,
      }
      log.warning(fallback.skipped ?? '')
    } else {
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
      combined = applyFallback(combined, outcome.result, quarantine, now, noTestsExitCode)
      fallback = {
        items,
        passed: outcome.result.counts.passed,
        failed: outcome.result.counts.failed,
        skipped: undefined,
      }
    }
  }

  const coverage = options.coverage
    ? await options.coverage(
        combined.results.map((r, i) => {
          const source = combined.sources[i] ?? ''
          return {
            dir: join(options.resultsDir, dirname(source)),
            workspace: r.workspace,
            files: r.artifacts.coverage,
          }
        }),
      )
    : undefined

  if (options.storePath !== undefined) {
    const measured = measureRun(combined.results, storeCostModel(store) ?? options.plan.costModel)
    if (measured.tests.size + measured.files.size + measured.outcomes.size > 0) {
      // Merged into the store as it is when we write (another run may have saved meanwhile);
      // a store that cannot be written is a warning, and the report follows regardless.
      const saved = await updateStore(
        options.storePath,
        (current) => mergeRun(current ?? emptyStore(now), measured, now),
        log,
      )
      if (saved)
        log.info(
          `timings: ${measured.tests.size} tests from ${combined.results.filter((r) => r.complete).length} complete shards merged into ${options.storePath}`,
        )
    }
  }

  const input = {
    combined,
    plan: options.plan,
    time: runTime(combined.results, storeCostModel(store) ?? options.plan.costModel),
    coverage,
    fallback,
    unknownItems: options.plan.unknownItems,
    estimatedItems: Array.isArray(options.plan.estimatedItems) ? options.plan.estimatedItems : [],
    ...(options.reportJson ? { fullReportHint: options.reportHint ?? options.reportJson } : {}),
  }
  const markdown = renderReportMarkdown(input)
  if (options.reportMarkdown !== undefined)
    await writeOutputFile('--report-md', options.reportMarkdown, markdown)
  if (options.reportJson !== undefined)
    await writeOutputFile(
      '--report-json',
      options.reportJson,
      `${stableStringify(reportJson(input), 2)}\n`,
    )
  const coverageFailed = coverage !== undefined && !coverage.passed
  const exitCode = combined.verdict === 'passed' && !coverageFailed ? 0 : 1
  return { combined, markdown, exitCode, coverage, time: input.time }
}

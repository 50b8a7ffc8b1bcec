import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { InternalError, UsageError, describeError } from './core/errors.js'
import { MAX_SHARDS, type ShardCountRequest } from './core/plan.js'
import { planMatrix, renderPlanJson, renderPlanTable } from './core/render-plan.js'
import { stableStringify } from './core/json.js'
import { jsonForLog } from './core/log-guard.js'
import { stderrLog, type Log } from './adapters/log.js'
import { writeOutputFile } from './adapters/output-file.js'
import { outputSink, type OutputSink } from './adapters/output-stream.js'
import { RUNNER_NAMES } from './adapters/runners/types.js'
import {
  GRANULARITIES,
  parseChoice,
  parseNonNegativeSeconds,
  parsePercentage,
  parsePositiveSeconds,
  parseShards,
  parseTimeoutSeconds,
  parseWholeNumber,
} from './modes/inputs.js'
import { planMode, type PlanOptions } from './modes/plan.js'

const VERSION = '0.1.0'

const USAGE = `Usage: shardwise <command> [options]

Commands:
  test      plan, run every shard locally, report and learn timings (the all-in-one)
  plan      split the tests into balanced shards from timing history
  run       run one shard of a plan with your test runner
  combine   combine the shard results: verdict, timings, coverage, flaky tests, report

Run 'shardwise <command> --help' for a command's options.
Exit codes: 0 ok, 1 tests failed, 2 usage or input error.`

const PLAN_FLAGS = `  --shards <N|auto>              shard count, 1–${MAX_SHARDS}, or auto (default 4)
  --target-seconds <S>           with --shards auto: the wall time to reach per shard
  --max-shards <M>               with --shards auto: the most shards to use (default ${MAX_SHARDS})
  --shard-overhead-seconds <O>   start-up each shard pays besides its files (default:
                                 learned by the timings store, else 0)
  --timings <path>               timings file or directory; repeatable. Formats are detected:
                                 Shardwise store, JUnit XML, pytest-split .test_durations,
                                 Knapsack JSON, parallel_tests log, cypress-split JSON,
                                 Jest --json, go test -json
  --granularity <file|test|auto> plan whole files, single tests, or split only the files that
                                 alone exceed a shard's share (default file)
  --root <dir>                   repository root for globs and ids (default: current directory)`

const RUN_FLAGS = `  --runner <name>                auto (default: from the command), ${RUNNER_NAMES.join(', ')}
  --retries <N>                  run failed tests again up to N times (default 0); a test that
                                 fails and then passes is flaky
  --repeat <N>                   run every test N times to hunt flaky tests (default 1)
  --fail-on-flaky                fail when a test is flaky (default: report, do not fail)
  --timeout <S>                  stop the shard after S seconds and keep a partial result
  --junit <glob>                 JUnit reports the command writes (generic runner); repeatable
  --coverage <glob>              coverage files to collect beside the result; repeatable`

const PLAN_USAGE = `Usage: shardwise plan [options] [<glob>…]

Splits test files (matched by the globs, listed by --items-from, or else those in the
timings) into shards of near-equal predicted time.

Options:
${PLAN_FLAGS}
  --items-from <file|->          ids to plan, one per line (- for standard input)
  --format <table|json|matrix>   output on stdout (default: table on a terminal, else json)
  --output <file>                also write the plan JSON to this file
  -h, --help                     show this help`

const RUN_USAGE = `Usage: shardwise run --plan plan.json --shard I [options] -- <test command…>
       shardwise run --shard I/N [plan options] [<glob>…] -- <test command…>

Runs exactly the tests of shard I with your runner and writes a shard result. Without
--plan, the plan is computed here from the plan options (every shard must pass the same
ones). Without --shard, GitLab (CI_NODE_INDEX/CI_NODE_TOTAL), CircleCI (CIRCLE_NODE_INDEX/
CIRCLE_NODE_TOTAL) and Buildkite (BUILDKITE_PARALLEL_JOB/…_COUNT) variables are used.

Options:
  --plan <file>                  the plan written by 'shardwise plan --output'
  --shard <I|I/N>                which shard (1-based)
  --results-dir <dir>            where the shard result goes (default .shardwise/results/shard-I)
${RUN_FLAGS}
${PLAN_FLAGS}
  -h, --help                     show this help`

const TEST_USAGE = `Usage: shardwise test [options] [<glob>…] -- <test command…>

Plans the suite (asking the runner for its tests when no glob is given), runs every shard
as local processes, prints a summary and saves the timings it measured in .shardwise/, so
the next run balances better.

Options:
  --parallel <P>                 shards running at once (default: the shard count)
  --coverage-threshold <P>       fail when merged line coverage is below P percent
${RUN_FLAGS}
${PLAN_FLAGS}
  -h, --help                     show this help

Example: shardwise test --shards 4 --parallel 2 -- npx jest`

const COMBINE_USAGE = `Usage: shardwise combine --results-dir DIR --plan plan.json [options] [-- <test command…>]

Reads every shard result under DIR, checks that each planned test ran exactly once (newest
attempt of each shard), merges timings into the store, merges coverage, flags flaky tests
and writes the report. Exit 0 when everything passed, 1 on failures or missing work.

Options:
  --results-dir <dir>            the shard results (each shard's results directory, any depth)
  --plan <file>                  the plan the shards ran
  --store <file>                 timings store to update (default .shardwise/timings.json)
  --no-store                     do not update any timings store
  --quarantine <file>            known-flaky tests that report without failing (default
                                 shardwise.quarantine.json when present)
  --flaky-threshold <0-1>        list tests flaky in at least this share of recent runs (0.1)
  --coverage-threshold <P>       fail when merged line coverage is below P percent
  --base-ref <ref>               with coverage: also report coverage of lines changed since ref
  --fallback <none|serial>       run failed tests and missing shards' tests again, serially,
                                 with the command after -- (default none)
  --fallback-max-items <N>       skip the fallback above N items: systemic (default 50)
  --runner <name>                runner of the fallback command (default: from the command)
  --report-md <file>             write the Markdown report here (default: print it)
  --report-json <file>           write the full JSON report here
  --root <dir>                   repository root (default: current directory)
  -h, --help                     show this help`

interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  readonly readStdin: () => Promise<string>
  readonly signal?: AbortSignal
}

/** What the commands print to: the streams behind a workflow-command guard, EPIPE-safe. */
interface CliIo extends Omit<Io, 'stdout' | 'stderr'> {
  readonly stdout: OutputSink
  readonly stderr: OutputSink
}

/** While either stream's reader is behind, a promise of when both can take more. */
function outputReady(io: CliIo): Promise<void> | undefined {
  const waits = [io.stdout.ready(), io.stderr.ready()].filter((w) => w !== undefined)
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

type Options = NonNullable<ParseArgsConfig['options']>

const PLAN_OPTIONS: Options = {
  shards: { type: 'string' },
  'target-seconds': { type: 'string' },
  'max-shards': { type: 'string' },
  'shard-overhead-seconds': { type: 'string' },
  timings: { type: 'string', multiple: true },
  granularity: { type: 'string' },
  root: { type: 'string' },
}

const RUN_OPTIONS: Options = {
  runner: { type: 'string' },
  retries: { type: 'string' },
  repeat: { type: 'string' },
  'fail-on-flaky': { type: 'boolean' },
  timeout: { type: 'string' },
  junit: { type: 'string', multiple: true },
  coverage: { type: 'string', multiple: true },
}

interface Parsed {
  readonly str: (name: string) => string | undefined
  readonly list: (name: string) => string[]
  readonly flag: (name: string) => boolean
  readonly positionals: string[]
  /** The words after `--`: the test command. */
  readonly command: string[]
}

function parseCommandArgs(args: readonly string[], options: Options): Parsed {
  const dashes = args.indexOf('--')
  const own = dashes < 0 ? [...args] : args.slice(0, dashes)
  const command = dashes < 0 ? [] : args.slice(dashes + 1)
  let parsed
  try {
    parsed = parseArgs({
      args: own,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(`${describeError(error)}. Run with --help for the options.`)
  }
  const values = parsed.values as Record<string, unknown>
  return {
    str: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
    list: (name) => (Array.isArray(values[name]) ? (values[name] as string[]) : []),
    flag: (name) => values[name] === true,
    positionals: parsed.positionals,
    command,
  }
}

function shardRequest(parsed: Parsed, fallback: string): ShardCountRequest {
  const shards = parseShards('--shards', parsed.str('shards') ?? fallback)
  const target = parsed.str('target-seconds')
  if (shards === 'auto' && target === undefined) {
    throw new UsageError(
      '`--shards auto` needs `--target-seconds <S>`: the wall time each shard should reach.',
    )
  }
  if (shards !== 'auto' && (target !== undefined || parsed.str('max-shards') !== undefined)) {
    throw new UsageError('`--target-seconds` and `--max-shards` go with `--shards auto`.')
  }
  return shards === 'auto'
    ? {
        kind: 'auto',
        targetSeconds: parsePositiveSeconds('--target-seconds', target ?? ''),
        maxShards: parseWholeNumber(
          '--max-shards',
          parsed.str('max-shards') ?? String(MAX_SHARDS),
          1,
          MAX_SHARDS,
        ),
      }
    : { kind: 'fixed', count: shards }
}

/** `--shard-overhead-seconds`: absent means "what the timings history learned". */
function optionalSeconds(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : parseNonNegativeSeconds('--shard-overhead-seconds', raw)
}

function planOptions(parsed: Parsed, io: CliIo, shardsFallback: string): PlanOptions {
  const itemsFrom = parsed.str('items-from')
  return {
    shards: shardRequest(parsed, shardsFallback),
    shardOverheadSeconds: optionalSeconds(parsed.str('shard-overhead-seconds')),
    granularity: parseChoice('--granularity', parsed.str('granularity') ?? 'file', GRANULARITIES),
    timings: parsed.list('timings').map((p) => resolve(io.cwd, p)),
    patterns: parsed.positionals,
    itemsFrom:
      itemsFrom === undefined ? undefined : itemsFrom === '-' ? '-' : resolve(io.cwd, itemsFrom),
    root: resolve(io.cwd, parsed.str('root') ?? '.'),
    roots: io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [],
  }
}

function runFlags(parsed: Parsed) {
  const timeout = parsed.str('timeout')
  return {
    runner: parseChoice('--runner', parsed.str('runner') ?? 'auto', [
      'auto',
      ...RUNNER_NAMES,
    ] as const),
    retries: parseWholeNumber('--retries', parsed.str('retries') ?? '0', 0, 10),
    repeat: parseWholeNumber('--repeat', parsed.str('repeat') ?? '1', 1, 100),
    failOnFlaky: parsed.flag('fail-on-flaky'),
    timeoutSeconds: timeout === undefined ? undefined : parseTimeoutSeconds('--timeout', timeout),
    junitGlobs: parsed.list('junit'),
    coverageGlobs: parsed.list('coverage'),
  }
}

function requireCommand(parsed: Parsed, usage: string): string[] {
  if (parsed.command.length === 0) {
    throw new UsageError(`the test command goes after \`--\`, for example: ${usage}`)
  }
  return parsed.command
}

async function planCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...PLAN_OPTIONS,
    'items-from': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  })
  if (parsed.flag('help')) {
    io.stdout.write(`${PLAN_USAGE}\n`)
    return 0
  }
  const options = withLocalStore(planOptions(parsed, io, '4'), stderrLog(io.stderr))
  const format = parseChoice(
    '--format',
    parsed.str('format') ?? (io.stdout.isTTY ? 'table' : 'json'),
    ['table', 'json', 'matrix'] as const,
  )
  const plan = await planMode(options, { log: stderrLog(io.stderr), readStdin: io.readStdin })
  const output = parsed.str('output')
  // Rendered once: a plan of a million items is 40 MB of JSON.
  const json = output !== undefined || format === 'json' ? renderPlanJson(plan) : ''
  if (output !== undefined) await writeOutputFile('--output', resolve(io.cwd, output), `${json}\n`)
  const text =
    format === 'table'
      ? renderPlanTable(plan)
      : // JSON keeps its value: `##[` in a name is escaped, not marked (see jsonForLog).
        jsonForLog(format === 'matrix' ? stableStringify(planMatrix(plan)) : json)
  writeInPieces(io.stdout, text)
  io.stdout.write('\n')
  return 0
}

/**
 * `plan` with no `--timings` reads the local store that `shardwise test` keeps, so the loop on a
 * laptop needs no flags. (`run` without a plan does not: every CI job must plan from the same
 * inputs, and a store local to one machine would split the suite differently on each.)
 */
function withLocalStore(options: PlanOptions, log: Log): PlanOptions {
  if (options.timings.length > 0) return options
  const store = join(options.root, '.shardwise', 'timings.json')
  if (!existsSync(store)) return options
  log.info(`timings: ${store} (the local store of \`shardwise test\`; --timings reads others)`)
  return { ...options, timings: [store] }
}

/**
 * Writes a long text a megabyte at a time, so that writing a 40 MB plan does not also hold a
 * 40 MB copy of it in bytes.
 */
function writeInPieces(stream: { write(text: string): unknown }, text: string): void {
  const piece = 1 << 20
  for (let at = 0; at < text.length; at += piece) stream.write(text.slice(at, at + piece))
}

/** `--shard I` or `I/N`, else the CI's own parallel-job variables. */
function shardFromFlagOrEnv(
  raw: string | undefined,
  env: NodeJS.ProcessEnv,
): { index: number; count: number | undefined } {
  if (raw !== undefined) {
    const match = /^(\d+)(?:\/(\d+))?$/.exec(raw.trim())
    const index = Number(match?.[1])
    const count = match?.[2] === undefined ? undefined : Number(match[2])
    if (
      !match ||
      index < 1 ||
      (count !== undefined && (count < 1 || count > MAX_SHARDS || index > count))
    ) {
      throw new UsageError(
        `\`--shard\` must be I or I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}; got \`${raw}\`.`,
      )
    }
    return { index, count }
  }
  const pairs: [string, string, number][] = [
    ['CI_NODE_INDEX', 'CI_NODE_TOTAL', 0], // GitLab: 1-based
    ['CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 1], // CircleCI: 0-based
    ['BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 1], // Buildkite: 0-based
  ]
  for (const [indexName, countName, offset] of pairs) {
    const index = env[indexName]
    const count = env[countName]
    if (index !== undefined && count !== undefined && /^\d+$/.test(index) && /^\d+$/.test(count)) {
      return shardFromFlagOrEnv(`${Number(index) + offset}/${count}`, {})
    }
  }
  throw new UsageError(
    '`--shard I[/N]` is required (or run inside GitLab, CircleCI or Buildkite parallel jobs).',
  )
}

async function runCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...PLAN_OPTIONS,
    ...RUN_OPTIONS,
    plan: { type: 'string' },
    shard: { type: 'string' },
    'results-dir': { type: 'string' },
    'items-from': { type: 'string' },
  })
  if (parsed.flag('help')) {
    io.stdout.write(`${RUN_USAGE}\n`)
    return 0
  }
  const command = requireCommand(parsed, 'shardwise run --plan plan.json --shard 1 -- npx jest')
  const shard = shardFromFlagOrEnv(parsed.str('shard'), io.env)
  const log = stderrLog(io.stderr)
  const planPath = parsed.str('plan')
  let loaded
  if (planPath !== undefined) {
    const { readPlanFile } = await import('./adapters/plan-file.js')
    loaded = await readPlanFile(resolve(io.cwd, planPath))
    if (shard.count !== undefined && shard.count !== loaded.plan.shards.length) {
      throw new UsageError(
        `\`--shard ${shard.index}/${shard.count}\`: the plan ${planPath} has ${loaded.plan.shards.length} shards.`,
      )
    }
  } else {
    if (shard.count === undefined)
      throw new UsageError(
        'without `--plan`, `--shard` must be I/N so the plan can be computed here.',
      )
    const options = planOptions(parsed, io, String(shard.count))
    const plan = await planMode(
      { ...options, shards: { kind: 'fixed', count: shard.count } },
      { log, readStdin: io.readStdin },
    )
    const { planDigest } = await import('./adapters/plan-file.js')
    loaded = { plan, digest: planDigest(plan) }
  }
  const root = resolve(io.cwd, parsed.str('root') ?? '.')
  const resultsDir = resolve(
    io.cwd,
    parsed.str('results-dir') ?? `.shardwise/results/shard-${shard.index}`,
  )
  try {
    await mkdir(resultsDir, { recursive: true })
  } catch (error) {
    throw new UsageError(
      `--results-dir ${resultsDir}: cannot use it as a directory (${describeError(error)})`,
    )
  }
  const { runMode } = await import('./modes/run.js')
  const outcome = await runMode(
    {
      plan: loaded.plan,
      planDigest: loaded.digest,
      shardIndex: shard.index,
      command,
      ...runFlags(parsed),
      resultsDir,
      root,
      attempt: /^\d+$/.test(io.env.GITHUB_RUN_ATTEMPT ?? '')
        ? Number(io.env.GITHUB_RUN_ATTEMPT)
        : 1,
      env: io.env,
      ...(io.signal ? { signal: io.signal } : {}),
    },
    {
      log,
      stdout: (text) => io.stdout.write(text),
      stderr: (text) => io.stderr.write(text),
      ready: () => outputReady(io),
      progress: (text) => io.stderr.write(`[shardwise] ${text}\n`),
      now: () => new Date(),
    },
  )
  const { counts } = outcome.result
  io.stderr.write(
    `[shardwise] shard ${shard.index}/${loaded.plan.shards.length} ${outcome.result.status}: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped, ${outcome.result.missing.length} missing in ${outcome.result.wallSeconds.toFixed(1)} s; result: ${outcome.resultFile}\n`,
  )
  return outcome.exitCode
}

/** `--items-from -` for `test`: standard input kept in a file the planner reads. */
async function stdinToFile(io: CliIo): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shardwise-items-'))
  const path = join(dir, 'items.txt')
  await writeFile(path, await io.readStdin())
  return path
}

function coverageThresholdFlag(parsed: Parsed): number | undefined {
  const raw = parsed.str('coverage-threshold')
  return raw === undefined ? undefined : parsePercentage('--coverage-threshold', raw)
}

async function testCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...PLAN_OPTIONS,
    ...RUN_OPTIONS,
    parallel: { type: 'string' },
    'items-from': { type: 'string' },
    'coverage-threshold': { type: 'string' },
  })
  if (parsed.flag('help')) {
    io.stdout.write(`${TEST_USAGE}\n`)
    return 0
  }
  const coverageThreshold = coverageThresholdFlag(parsed)
  const command = requireCommand(parsed, 'shardwise test --shards 4 -- npx jest')
  const plan = planOptions(parsed, io, '4')
  const parallelRaw = parsed.str('parallel')
  const root = plan.root
  const { testMode } = await import('./modes/test.js')
  const outcome = await testMode(
    {
      shards: plan.shards,
      parallel:
        parallelRaw === undefined
          ? MAX_SHARDS
          : parseWholeNumber('--parallel', parallelRaw, 1, MAX_SHARDS),
      granularity: plan.granularity,
      shardOverheadSeconds: plan.shardOverheadSeconds,
      patterns: plan.patterns,
      itemsFrom: plan.itemsFrom === '-' ? await stdinToFile(io) : plan.itemsFrom,
      timings: plan.timings,
      command,
      ...runFlags(parsed),
      root,
      stateDir: resolve(root, '.shardwise'),
      coverageThreshold,
      env: io.env,
      ...(io.signal ? { signal: io.signal } : {}),
    },
    {
      log: stderrLog(io.stderr),
      out: (text) => io.stdout.write(text),
      err: (text) => io.stderr.write(text),
      ready: () => outputReady(io),
      now: () => new Date(),
    },
  )
  return outcome.exitCode
}

async function combineCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    'results-dir': { type: 'string' },
    plan: { type: 'string' },
    store: { type: 'string' },
    'no-store': { type: 'boolean' },
    quarantine: { type: 'string' },
    'flaky-threshold': { type: 'string' },
    'coverage-threshold': { type: 'string' },
    'base-ref': { type: 'string' },
    fallback: { type: 'string' },
    'fallback-max-items': { type: 'string' },
    runner: { type: 'string' },
    'report-md': { type: 'string' },
    'report-json': { type: 'string' },
    root: { type: 'string' },
  })
  if (parsed.flag('help')) {
    io.stdout.write(`${COMBINE_USAGE}\n`)
    return 0
  }
  const resultsDir = parsed.str('results-dir')
  const planPath = parsed.str('plan')
  if (resultsDir === undefined)
    throw new UsageError('`--results-dir <dir>` is required: where the shard results are.')
  if (planPath === undefined)
    throw new UsageError('`--plan <file>` is required: the plan the shards ran.')
  const root = resolve(io.cwd, parsed.str('root') ?? '.')
  const coverageThreshold = coverageThresholdFlag(parsed)
  const { readPlanFile } = await import('./adapters/plan-file.js')
  const { plan, digest } = await readPlanFile(resolve(io.cwd, planPath))
  const quarantineFlag = parsed.str('quarantine')
  const defaultQuarantine = resolve(root, 'shardwise.quarantine.json')
  const flakyRaw = parsed.str('flaky-threshold') ?? '0.1'
  if (!/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(flakyRaw.trim())) {
    throw new UsageError(`\`--flaky-threshold\` must be a number from 0 to 1; got \`${flakyRaw}\`.`)
  }
  const reportMd = parsed.str('report-md')
  const reportJsonPath = parsed.str('report-json')
  const log = stderrLog(io.stderr)
  const baseRef = parsed.str('base-ref')
  const { combineMode } = await import('./modes/combine.js')
  const { coverageReport } = await import('./adapters/coverage-report.js')
  const outcome = await combineMode(
    {
      plan,
      planDigest: digest,
      resultsDir: resolve(io.cwd, resultsDir),
      storePath: parsed.flag('no-store')
        ? undefined
        : resolve(io.cwd, parsed.str('store') ?? resolve(root, '.shardwise/timings.json')),
      quarantinePath:
        quarantineFlag !== undefined
          ? resolve(io.cwd, quarantineFlag)
          : existsSync(defaultQuarantine)
            ? defaultQuarantine
            : undefined,
      flakyThreshold: Number(flakyRaw),
      coverageThreshold,
      fallback: parseChoice('--fallback', parsed.str('fallback') ?? 'none', [
        'none',
        'serial',
      ] as const),
      command: parsed.command,
      runner: parseChoice('--runner', parsed.str('runner') ?? 'auto', [
        'auto',
        ...RUNNER_NAMES,
      ] as const),
      fallbackMaxItems: parseWholeNumber(
        '--fallback-max-items',
        parsed.str('fallback-max-items') ?? '50',
        0,
        100_000,
      ),
      reportMarkdown: reportMd === undefined ? undefined : resolve(io.cwd, reportMd),
      reportJson: reportJsonPath === undefined ? undefined : resolve(io.cwd, reportJsonPath),
      root,
      env: io.env,
      ...(io.signal ? { signal: io.signal } : {}),
      coverage: (shards) =>
        coverageReport(shards, { root, threshold: coverageThreshold, baseRef, log }),
    },
    {
      log,
      out: (t) => io.stderr.write(t),
      err: (t) => io.stderr.write(t),
      ready: () => outputReady(io),
      now: () => new Date(),
    },
  )
  if (reportMd === undefined) io.stdout.write(outcome.markdown)
  const c = outcome.combined
  io.stderr.write(
    `shardwise: ${c.verdict}: ${c.counts.passed} passed, ${c.failed.length} failed, ${c.counts.flaky} flaky, ${c.quarantined.length} quarantined, ${c.unaccounted.length} unaccounted\n`,
  )
  return outcome.exitCode
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[], streams: Io): Promise<number> {
  const [command, ...rest] = argv
  const io: CliIo = {
    ...streams,
    stdout: outputSink(streams.stdout),
    stderr: outputSink(streams.stderr),
  }
  try {
    switch (command) {
      case 'plan':
        return await planCommand(rest, io)
      case 'run':
        return await runCommand(rest, io)
      case 'test':
        return await testCommand(rest, io)
      case 'combine':
        return await combineCommand(rest, io)
      case '--version':
      case '-v':
        io.stdout.write(`${VERSION}\n`)
        return 0
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(`${USAGE}\n`)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(
          `unknown command \`${command}\`. Commands: test, plan, run, combine. Run shardwise --help.`,
        )
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`shardwise: ${error.message}\n`)
      return 2
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : describeError(error)
    const kind = error instanceof InternalError ? 'internal error (please report it)' : 'error'
    io.stderr.write(`shardwise: ${kind}: ${detail}\n`)
    return error instanceof InternalError ? 70 : 2
  }
}

/** The real process: SIGINT/SIGTERM stop the running shard and still write its result. */
export function processIo(): Io {
  const controller = new AbortController()
  let signals = 0
  const onSignal = (signal: NodeJS.Signals) => {
    signals++
    if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143)
    process.stderr.write(
      `\nshardwise: ${signal}: stopping the tests and writing partial results (again to quit now)\n`,
    )
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readAll(process.stdin),
    signal: controller.signal,
  }
}

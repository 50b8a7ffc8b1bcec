import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { UsageError } from '../core/errors.js'
import { stderrLog } from '../adapters/log.js'
import { readPlanFile } from '../adapters/plan-file.js'
import { combineMode, type CombineOptions } from '../modes/combine.js'
import { coverageReport } from '../adapters/coverage-report.js'
import { combineSettings } from '../options/combine.js'
import { fallbackMaxItems } from '../options/run.js'
import { runnerSetting } from '../options/runner.js'
import { actionDefault, valueOf } from '../options/source.js'
import { parseChoice } from '../options/values.js'
import { outputReady, parseCommandArgs, type CliIo, type Flags, type Parsed } from './args.js'
import { COMBINE_USAGE } from './usage.js'

const COMBINE_FLAGS: Flags = {
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
}

/** The files and settings of a command line: paths resolved against the working directory. */
async function combineOptions(
  parsed: Parsed,
  io: CliIo,
): Promise<Omit<CombineOptions, 'coverage'> & { baseRef: string | undefined }> {
  const resultsDir = parsed.str('results-dir')
  const planPath = parsed.str('plan')
  if (resultsDir === undefined)
    throw new UsageError('`--results-dir <dir>` is required: where the shard results are.')
  if (planPath === undefined)
    throw new UsageError('`--plan <file>` is required: the plan the shards ran.')
  const root = resolve(io.cwd, valueOf(parsed.source, 'working-directory'))
  const settings = combineSettings(parsed.source)
  const { plan, digest } = await readPlanFile(resolve(io.cwd, planPath))
  // The default list is used when present; a list named on the command line must be there.
  const defaultQuarantine = resolve(root, actionDefault('quarantine'))
  const reportMd = parsed.str('report-md')
  const reportJson = parsed.str('report-json')
  return {
    plan,
    planDigest: digest,
    resultsDir: resolve(io.cwd, resultsDir),
    storePath: parsed.flag('no-store')
      ? undefined
      : resolve(io.cwd, parsed.str('store') ?? resolve(root, '.shardwise/timings.json')),
    quarantinePath:
      settings.quarantine !== undefined
        ? resolve(io.cwd, settings.quarantine)
        : existsSync(defaultQuarantine)
          ? defaultQuarantine
          : undefined,
    flakyThreshold: settings.flakyThreshold,
    coverageThreshold: settings.coverageThreshold,
    baseRef: settings.baseRef,
    fallback: parseChoice('--fallback', parsed.str('fallback') ?? 'none', [
      'none',
      'serial',
    ] as const),
    command: parsed.command,
    runner: runnerSetting(parsed.source),
    fallbackMaxItems: fallbackMaxItems(parsed.source),
    reportMarkdown: reportMd === undefined ? undefined : resolve(io.cwd, reportMd),
    reportJson: reportJson === undefined ? undefined : resolve(io.cwd, reportJson),
    root,
    env: io.env,
    ...(io.signal ? { signal: io.signal } : {}),
  }
}

export async function combineCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, COMBINE_FLAGS)
  if (parsed.flag('help')) {
    io.stdout.write(`${COMBINE_USAGE}\n`)
    return 0
  }
  const { baseRef, ...options } = await combineOptions(parsed, io)
  const log = stderrLog(io.stderr)
  const outcome = await combineMode(
    {
      ...options,
      coverage: (shards) =>
        coverageReport(shards, {
          root: options.root,
          threshold: options.coverageThreshold,
          baseRef,
          log,
        }),
    },
    {
      log,
      out: (t) => io.stderr.write(t),
      err: (t) => io.stderr.write(t),
      ready: () => outputReady(io),
      now: () => new Date(),
    },
  )
  if (options.reportMarkdown === undefined) io.stdout.write(outcome.markdown)
  const c = outcome.combined
  io.stderr.write(
    `shardwise: ${c.verdict}: ${c.counts.passed} passed, ${c.failed.length} failed, ${c.counts.flaky} flaky, ${c.quarantined.length} quarantined, ${c.unaccounted.length} unaccounted\n`,
  )
  return outcome.exitCode
}

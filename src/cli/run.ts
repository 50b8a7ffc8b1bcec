import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError, describeError } from '../core/errors.js'
import type { Plan } from '../core/plan.js'
import { stderrLog, type Log } from '../adapters/log.js'
import { planDigest, readPlanFile } from '../adapters/plan-file.js'
import { planMode } from '../modes/plan.js'
import { runMode } from '../modes/run.js'
import { runSettings } from '../options/run.js'
import { valueOf, withFallbacks } from '../options/source.js'
import { parseShardNumber, shardFromCiVariables } from '../options/values.js'
import {
  PLAN_FLAGS,
  RUN_FLAGS,
  outputReady,
  parseCommandArgs,
  requireCommand,
  type CliIo,
  type Parsed,
} from './args.js'
import { planOptions } from './plan.js'
import { RUN_USAGE } from './usage.js'

interface ShardToRun {
  readonly index: number
  readonly count: number | undefined
}

/** `--shard I` or `I/N`, else the CI's own parallel-job variables. */
function shardToRun(raw: string | undefined, env: NodeJS.ProcessEnv): ShardToRun {
  if (raw !== undefined) {
    const shard = parseShardNumber('--shard', raw, { fallback: false })
    if (shard.kind === 'shard') return shard
  }
  const fromCi = shardFromCiVariables(env)
  if (fromCi !== undefined) return fromCi
  throw new UsageError(
    '`--shard I[/N]` is required (or run inside GitLab, CircleCI or Buildkite parallel jobs).',
  )
}

/** The plan of `--plan`, or — with `--shard I/N` — the plan computed here from the plan options. */
async function planToRun(
  parsed: Parsed,
  io: CliIo,
  shard: ShardToRun,
  log: Log,
): Promise<{ plan: Plan; digest: string }> {
  const planPath = parsed.str('plan')
  if (planPath !== undefined) {
    const loaded = await readPlanFile(resolve(io.cwd, planPath))
    if (shard.count !== undefined && shard.count !== loaded.plan.shards.length) {
      throw new UsageError(
        `\`--shard ${shard.index}/${shard.count}\`: the plan ${planPath} has ${loaded.plan.shards.length} shards.`,
      )
    }
    return loaded
  }
  if (shard.count === undefined)
    throw new UsageError(
      'without `--plan`, `--shard` must be I/N so the plan can be computed here.',
    )
  const options = planOptions(
    parsed,
    io,
    withFallbacks(parsed.source, { shards: String(shard.count) }),
  )
  const plan = await planMode(
    { ...options, shards: { kind: 'fixed', count: shard.count } },
    { log, readStdin: io.readStdin },
  )
  return { plan, digest: planDigest(plan) }
}

async function resultsDirectory(parsed: Parsed, io: CliIo, shard: ShardToRun): Promise<string> {
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
  return resultsDir
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...PLAN_FLAGS,
    ...RUN_FLAGS,
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
  const shard = shardToRun(parsed.str('shard'), io.env)
  const log = stderrLog(io.stderr)
  const loaded = await planToRun(parsed, io, shard, log)
  const root = resolve(io.cwd, valueOf(parsed.source, 'working-directory'))
  const resultsDir = await resultsDirectory(parsed, io, shard)
  const outcome = await runMode(
    {
      plan: loaded.plan,
      planDigest: loaded.digest,
      shardIndex: shard.index,
      command,
      ...runSettings(parsed.source),
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
  const { result } = outcome
  const { counts } = result
  io.stderr.write(
    `[shardwise] shard ${shard.index}/${loaded.plan.shards.length} ${result.status}: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped, ${result.missing.length} missing in ${result.wallSeconds.toFixed(1)} s; result: ${outcome.resultFile}\n`,
  )
  return outcome.exitCode
}

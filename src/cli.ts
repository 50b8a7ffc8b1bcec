import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { InternalError, UsageError, describeError } from './core/errors.js'
import { MAX_SHARDS } from './core/plan.js'
import { planMatrix, renderPlanJson, renderPlanTable } from './core/render-plan.js'
import { stableStringify } from './core/json.js'
import { stderrLog } from './adapters/log.js'
import {
  GRANULARITIES,
  parseChoice,
  parseNonNegativeSeconds,
  parsePositiveSeconds,
  parseShards,
  parseWholeNumber,
} from './modes/inputs.js'
import { planMode, type PlanOptions } from './modes/plan.js'

const VERSION = '0.1.0'

const USAGE = `Usage: shardwise <command> [options]

Commands:
  plan      split the tests into balanced shards from timing history

Run 'shardwise <command> --help' for a command's options.
Exit codes: 0 ok, 1 tests failed, 2 usage or input error.`

const PLAN_USAGE = `Usage: shardwise plan [options] [<glob>…]

Splits test files (matched by the globs, listed by --items-from, or else those in the
timings) into shards of near-equal predicted time.

Options:
  --shards <N|auto>              shard count, 1–${MAX_SHARDS}, or auto (default 4)
  --target-seconds <S>           with --shards auto: the wall time to reach per shard
  --max-shards <M>               with --shards auto: the most shards to use (default ${MAX_SHARDS})
  --shard-overhead-seconds <O>   start-up each shard pays before its first test (default 0)
  --timings <path>               timings file or directory; repeatable. Formats are detected:
                                 Shardwise store, JUnit XML, pytest-split .test_durations,
                                 Knapsack JSON, parallel_tests log, cypress-split JSON,
                                 Jest --json, go test -json
  --items-from <file|->          ids to plan, one per line (- for standard input)
  --granularity <file|test|auto> plan whole files, single tests, or split only the files that
                                 alone exceed a shard's share (default file)
  --format <table|json|matrix>   output on stdout (default: table on a terminal, else json)
  --output <file>                also write the plan JSON to this file
  --root <dir>                   repository root for globs and ids (default: current directory)
  -h, --help                     show this help`

interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  readonly readStdin: () => Promise<string>
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseCommandArgs(
  args: string[],
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'],
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(`${describeError(error)}. Run with --help for the options.`)
  }
}

async function planCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    shards: { type: 'string' },
    'target-seconds': { type: 'string' },
    'max-shards': { type: 'string' },
    'shard-overhead-seconds': { type: 'string' },
    timings: { type: 'string', multiple: true },
    'items-from': { type: 'string' },
    granularity: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    root: { type: 'string' },
  })
  if (values.help === true) {
    io.stdout.write(`${PLAN_USAGE}\n`)
    return 0
  }
  const str = (name: string): string | undefined => {
    const value = (values as Record<string, unknown>)[name]
    return typeof value === 'string' ? value : undefined
  }
  const shards = parseShards('--shards', str('shards') ?? '4')
  const overhead = parseNonNegativeSeconds(
    '--shard-overhead-seconds',
    str('shard-overhead-seconds') ?? '0',
  )
  const target = str('target-seconds')
  if (shards === 'auto' && target === undefined) {
    throw new UsageError(
      '`--shards auto` needs `--target-seconds <S>`: the wall time each shard should reach.',
    )
  }
  if (shards !== 'auto' && (target !== undefined || str('max-shards') !== undefined)) {
    throw new UsageError('`--target-seconds` and `--max-shards` go with `--shards auto`.')
  }
  const root = resolve(io.cwd, str('root') ?? '.')
  const options: PlanOptions = {
    shards:
      shards === 'auto'
        ? {
            kind: 'auto',
            targetSeconds: parsePositiveSeconds('--target-seconds', target ?? ''),
            maxShards: parseWholeNumber(
              '--max-shards',
              str('max-shards') ?? String(MAX_SHARDS),
              1,
              MAX_SHARDS,
            ),
          }
        : { kind: 'fixed', count: shards },
    shardOverheadSeconds: overhead,
    granularity: parseChoice('--granularity', str('granularity') ?? 'file', GRANULARITIES),
    timings:
      ((values as Record<string, unknown>).timings as string[] | undefined)?.map((p) =>
        resolve(io.cwd, p),
      ) ?? [],
    patterns: positionals,
    itemsFrom:
      str('items-from') === '-'
        ? '-'
        : str('items-from') === undefined
          ? undefined
          : resolve(io.cwd, str('items-from') ?? ''),
    root,
    roots: io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [],
  }
  const format = parseChoice(
    '--format',
    str('format') ?? (io.stdout.isTTY === true ? 'table' : 'json'),
    ['table', 'json', 'matrix'] as const,
  )
  const plan = await planMode(options, { log: stderrLog(io.stderr), readStdin: io.readStdin })
  const output = str('output')
  if (output !== undefined) await writeFile(resolve(io.cwd, output), `${renderPlanJson(plan)}\n`)
  const text =
    format === 'table'
      ? renderPlanTable(plan)
      : format === 'matrix'
        ? stableStringify(planMatrix(plan))
        : renderPlanJson(plan)
  io.stdout.write(`${text}\n`)
  return 0
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'plan':
        return await planCommand(rest, io)
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
          `unknown command \`${command}\`. Commands: plan. Run shardwise --help.`,
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

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readAll(process.stdin),
  }
}

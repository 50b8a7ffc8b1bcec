import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { MAX_SHARDS } from '../core/plan.js'
import { stderrLog } from '../adapters/log.js'
import { testMode } from '../modes/test.js'
import { coverageThreshold } from '../options/combine.js'
import { runSettings } from '../options/run.js'
import { parseWholeNumber } from '../options/values.js'
import {
  PLAN_FLAGS,
  RUN_FLAGS,
  outputReady,
  parseCommandArgs,
  requireCommand,
  type CliIo,
} from './args.js'
import { planOptions } from './plan.js'
import { TEST_USAGE } from './usage.js'

/** `--items-from -` for `test`: standard input kept in a file the planner reads. */
async function stdinToFile(io: CliIo): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shardwise-items-'))
  const path = join(dir, 'items.txt')
  await writeFile(path, await io.readStdin())
  return path
}

export async function testCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...PLAN_FLAGS,
    ...RUN_FLAGS,
    parallel: { type: 'string' },
    'items-from': { type: 'string' },
    'coverage-threshold': { type: 'string' },
  })
  if (parsed.flag('help')) {
    io.stdout.write(`${TEST_USAGE}\n`)
    return 0
  }
  const threshold = coverageThreshold(parsed.source)
  const command = requireCommand(parsed, 'shardwise test --shards 4 -- npx jest')
  const plan = planOptions(parsed, io)
  const parallelRaw = parsed.str('parallel')
  const root = plan.root
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
      ...runSettings(parsed.source),
      root,
      stateDir: resolve(root, '.shardwise'),
      coverageThreshold: threshold,
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

import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { planMatrix, renderPlanJson, renderPlanTable } from '../core/render-plan.js'
import { stableStringify } from '../core/json.js'
import { jsonForLog } from '../core/log-guard.js'
import { stderrLog, type Log } from '../adapters/log.js'
import { writeOutputFile } from '../adapters/output-file.js'
import { planMode, type PlanOptions } from '../modes/plan.js'
import { planSettings } from '../options/plan.js'
import { valueOf, type OptionSource } from '../options/source.js'
import { parseChoice } from '../options/values.js'
import { PLAN_FLAGS, parseCommandArgs, type CliIo, type Parsed } from './args.js'
import { PLAN_USAGE } from './usage.js'

/** The plan options of a command line: paths resolved against the working directory. */
export function planOptions(
  parsed: Parsed,
  io: CliIo,
  source: OptionSource = parsed.source,
): PlanOptions {
  const settings = planSettings(source)
  const itemsFrom = parsed.str('items-from')
  return {
    ...settings,
    timings: settings.timings.map((p) => resolve(io.cwd, p)),
    patterns: parsed.positionals,
    itemsFrom:
      itemsFrom === undefined ? undefined : itemsFrom === '-' ? '-' : resolve(io.cwd, itemsFrom),
    root: resolve(io.cwd, valueOf(parsed.source, 'working-directory')),
    roots: io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [],
  }
}

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...PLAN_FLAGS,
    'items-from': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  })
  if (parsed.flag('help')) {
    io.stdout.write(`${PLAN_USAGE}\n`)
    return 0
  }
  const options = withLocalStore(planOptions(parsed, io), stderrLog(io.stderr))
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

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError, describeError } from '../core/errors.js'
import type { OutputSink } from '../adapters/output-stream.js'
import { cliSource, type OptionSource } from '../options/source.js'

/** What the CLI runs with: its streams, environment, directory and standard input. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  readonly readStdin: () => Promise<string>
  readonly signal?: AbortSignal
}

/** What the commands print to: the streams behind a workflow-command guard, EPIPE-safe. */
export interface CliIo extends Omit<Io, 'stdout' | 'stderr'> {
  readonly stdout: OutputSink
  readonly stderr: OutputSink
}

/** While either stream's reader is behind, a promise of when both can take more. */
export function outputReady(io: CliIo): Promise<void> | undefined {
  const waits = [io.stdout.ready(), io.stderr.ready()].filter((w) => w !== undefined)
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined)
}

export type Flags = NonNullable<ParseArgsConfig['options']>

export const PLAN_FLAGS: Flags = {
  shards: { type: 'string' },
  'target-seconds': { type: 'string' },
  'max-shards': { type: 'string' },
  'shard-overhead-seconds': { type: 'string' },
  timings: { type: 'string', multiple: true },
  granularity: { type: 'string' },
  root: { type: 'string' },
}

export const RUN_FLAGS: Flags = {
  runner: { type: 'string' },
  retries: { type: 'string' },
  repeat: { type: 'string' },
  'fail-on-flaky': { type: 'boolean' },
  timeout: { type: 'string' },
  junit: { type: 'string', multiple: true },
  coverage: { type: 'string', multiple: true },
}

export interface Parsed {
  /** The options, named as action.yml names the inputs (see options/source.ts). */
  readonly source: OptionSource
  readonly str: (flag: string) => string | undefined
  readonly flag: (flag: string) => boolean
  readonly positionals: string[]
  /** The words after `--`: the test command. */
  readonly command: string[]
}

/** A command's own arguments (before `--`) by its flags; the test command after `--`. */
export function parseCommandArgs(args: readonly string[], flags: Flags): Parsed {
  const dashes = args.indexOf('--')
  const own = dashes < 0 ? [...args] : args.slice(0, dashes)
  const command = dashes < 0 ? [] : args.slice(dashes + 1)
  let parsed
  try {
    parsed = parseArgs({
      args: own,
      options: { ...flags, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(`${describeError(error)}. Run with --help for the options.`)
  }
  const values = parsed.values as Record<string, unknown>
  const str = (name: string) => {
    const value = values[name]
    return typeof value === 'string' ? value : undefined
  }
  const list = (name: string) => {
    const value = values[name]
    return Array.isArray(value) ? (value as string[]) : []
  }
  const flag = (name: string) => values[name] === true
  const booleans = new Set(
    Object.entries(flags)
      .filter(([, spec]) => spec.type === 'boolean')
      .map(([name]) => name),
  )
  return {
    source: cliSource({ str, list, flag, booleans }),
    str,
    flag,
    positionals: parsed.positionals,
    command,
  }
}

export function requireCommand(parsed: Parsed, usage: string): string[] {
  if (parsed.command.length === 0) {
    throw new UsageError(`the test command goes after \`--\`, for example: ${usage}`)
  }
  return parsed.command
}

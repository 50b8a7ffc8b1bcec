import { InternalError, UsageError, describeError } from './core/errors.js'
import { outputSink } from './adapters/output-stream.js'
import type { CliIo, Io } from './cli/args.js'
import { planCommand } from './cli/plan.js'
import { USAGE } from './cli/usage.js'

export type { Io } from './cli/args.js'

const VERSION = '0.1.0'

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** One command; `run`, `test` and `combine` load only when used (planning starts fast). */
async function runCommandNamed(command: string | undefined, rest: string[], io: CliIo) {
  switch (command) {
    case 'plan':
      return planCommand(rest, io)
    case 'run':
      return (await import('./cli/run.js')).runCommand(rest, io)
    case 'test':
      return (await import('./cli/test.js')).testCommand(rest, io)
    case 'combine':
      return (await import('./cli/combine.js')).combineCommand(rest, io)
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
    return await runCommandNamed(command, rest, io)
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

import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { StringDecoder } from 'node:string_decoder'
import { describeError } from '../../core/errors.js'
import type { Log } from '../../adapters/log.js'
import { childEnvironment, runProcess, type ProcessResult } from '../../adapters/process.js'
import type { Invocation, RunnerAdapter } from '../../adapters/runners/types.js'
import type { RunDeps, RunOptions } from '../run.js'

/** A display line longer than this is shown as it is rather than held for its end. */
const MAX_DISPLAY_LINE = 1024 * 1024

/** Shows the runner's stdout, through the adapter's `display` (whole lines) where it has one. */
function displayWriter(
  display: ((chunk: string) => string) | undefined,
  write: (text: string) => void,
): { write(text: string): void; end(): void } {
  let pending = ''
  return {
    write(text) {
      if (!display) return write(text)
      pending += text
      const end = pending.lastIndexOf('\n')
      if (end >= 0) {
        write(display(pending.slice(0, end + 1)))
        pending = pending.slice(end + 1)
      }
      if (pending.length > MAX_DISPLAY_LINE) {
        write(display(`${pending}\n`))
        pending = ''
      }
    },
    end() {
      if (pending !== '' && display) write(display(`${pending}\n`))
    },
  }
}

/** The file an invocation's stdout report (go test -json) is saved to as it comes. */
interface ReportFile {
  write(chunk: Buffer): void
  /** While the file is behind, a promise of when to write again. */
  ready(): Promise<void> | undefined
  close(log: Log): Promise<void>
}

async function openReport(path: string): Promise<ReportFile> {
  const report: WriteStream = createWriteStream(path)
  let reportError: unknown
  report.on('error', (error) => (reportError = error))
  await once(report, 'open')
  return {
    write(chunk) {
      if (reportError === undefined) report.write(chunk)
    },
    ready() {
      return report.writableNeedDrain && reportError === undefined
        ? once(report, 'drain').then(
            () => undefined,
            () => undefined,
          )
        : undefined
    },
    async close(log) {
      report.end()
      if (reportError === undefined) await once(report, 'close').catch(() => undefined)
      if (reportError !== undefined)
        log.warning(`cannot save the runner's report ${path}: ${describeError(reportError)}`)
    },
  }
}

/**
 * Runs one invocation, streaming output and saving stdout reports (go test -json) as they
 * come. Nothing is held whole: the report goes to a file stream, the output to `deps`, and
 * while either is behind, the test process waits.
 */
export async function invoke(
  adapter: RunnerAdapter,
  invocation: Invocation,
  options: RunOptions,
  deps: RunDeps,
  shardEnv: Readonly<Record<string, string>>,
  timeoutMs: number | undefined,
): Promise<ProcessResult> {
  const report =
    invocation.stdoutReport === undefined ? undefined : await openReport(invocation.stdoutReport)
  // Decoders keep a character split across chunks whole.
  const outText = new StringDecoder('utf8')
  const errText = new StringDecoder('utf8')
  const shown = displayWriter(adapter.display, deps.stdout)
  const result = await runProcess(invocation.argv, {
    cwd: options.root,
    env: childEnvironment(options.env, { ...shardEnv, ...invocation.env }),
    onStdout: (chunk) => {
      report?.write(chunk)
      shown.write(outText.write(chunk))
    },
    onStderr: (chunk) => deps.stderr(errText.write(chunk)),
    outputReady: () => {
      const waits = [report?.ready(), deps.ready?.()].filter((w) => w !== undefined)
      return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined)
    },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  shown.write(outText.end())
  deps.stderr(errText.end())
  shown.end()
  await report?.close(deps.log)
  if (result.strays === true)
    deps.log.warning(
      `\`${invocation.argv[0] ?? ''}\` exited but left processes holding its output; they were stopped (its exit status ${String(result.exitCode)} stands)`,
    )
  return result
}

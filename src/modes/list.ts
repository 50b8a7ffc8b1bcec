import { UsageError } from '../core/errors.js'
import { normalizeId } from '../core/ids.js'
import type { Log } from '../adapters/log.js'
import { childEnvironment, runProcess } from '../adapters/process.js'
import { RUNNERS } from '../adapters/runners/index.js'
import type { RunnerName } from '../adapters/runners/types.js'

export interface ListOptions {
  readonly root: string
  readonly env: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
}

/** Asks the runner which tests it would run, so the plan matches its own configuration. */
export async function listItems(
  options: ListOptions,
  runner: RunnerName,
  command: readonly string[],
  log: Log,
): Promise<string[]> {
  return (await listItemsTimed(options, runner, command, log)).items
}

/** `listItems`, and how long the listing took (a first measure of the runner's start-up). */
export async function listItemsTimed(
  options: ListOptions,
  runner: RunnerName,
  command: readonly string[],
  log: Log,
): Promise<{ items: string[]; seconds: number }> {
  const adapter = RUNNERS[runner]
  if (!adapter.list) {
    throw new UsageError(
      `the ${runner} runner cannot list its tests: give test globs before \`--\` (for example 'test/**/*.test.js')`,
    )
  }
  const argv = adapter.list.argv(command)
  let stdout = ''
  let stderr = ''
  const result = await runProcess(argv, {
    cwd: options.root,
    // A report destination set for the real runs would swallow the listing's output.
    env: childEnvironment(options.env, {}, [
      'PLAYWRIGHT_JSON_OUTPUT_FILE',
      'PLAYWRIGHT_JSON_OUTPUT_NAME',
      'PLAYWRIGHT_JSON_OUTPUT_DIR',
    ]),
    onStdout: (chunk) => (stdout += chunk.toString('utf8')),
    onStderr: (chunk) => (stderr += chunk.toString('utf8')),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  if (result.spawnError !== undefined)
    throw new UsageError(`cannot list the tests with \`${argv.join(' ')}\`: ${result.spawnError}`)
  if (result.exitCode !== 0) {
    throw new UsageError(
      // pytest prints collection errors to stdout, jest to stderr: show the end of both.
      `listing the tests with \`${argv.join(' ')}\` failed (exit ${String(result.exitCode)}):\n${[stdout.trim().slice(-1500), stderr.trim().slice(-1500)].filter((t) => t !== '').join('\n')}`,
    )
  }
  const items = adapter.list
    .parse(stdout, options.root)
    .map((id) => normalizeId(id, { roots: [options.root] }))
  if (items.length === 0) throw new UsageError(`\`${argv.join(' ')}\` listed no tests`)
  log.info(`${runner} lists ${items.length} ${items.length === 1 ? 'item' : 'items'}`)
  return { items, seconds: result.wallSeconds }
}

import { UsageError } from '../../core/errors.js'
import { normalizeId } from '../../core/ids.js'
import type { Log } from '../log.js'
import { childEnvironment, runProcess } from '../process.js'
import { RUNNERS } from './index.js'
import type { RunnerName } from './types.js'

export interface ListOptions {
  readonly root: string
  readonly env: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
}

const GLOBS_HINT =
  "give test globs before `--` (for example 'test/**/*.test.ts') to plan without it"

/**
 * Why a listing failed, for people: the command, the runner's own one-line reason and the way
 * out. A runner too old to list (Vitest before 2.1 has no `list --filesOnly`) says so in one
 * line; otherwise the runner's last lines follow (pytest prints collection errors to stdout,
 * Jest to stderr), without stack frames.
 */
export function listingFailure(
  argv: readonly string[],
  exitCode: number | null,
  stdout: string,
  stderr: string,
): string {
  const lines = `${stderr}\n${stdout}`
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s+at\s/.test(line) && !/^Node\.js v\d/.test(line))
  const command = `\`${argv.join(' ')}\``
  // The runner's own message (`CACError: Unknown option …`), not the source line a crash prints
  // above it.
  const said = (line: string) => /^\s*[\w.]*(?:Error|Exception|error)\b:?/.test(line)
  const unknowns = lines.filter((line) => /unknown (?:option|command|argument)/i.test(line))
  const unknown = unknowns.find(said) ?? unknowns[0]
  if (unknown !== undefined) {
    return `${command} failed: ${unknown.trim()} — this version of the runner cannot list its tests; ${GLOBS_HINT}`
  }
  const reason = lines.find(said) ?? lines.at(-1)
  const tail = [stdout.trim().slice(-1500), stderr.trim().slice(-1500)]
    .filter((t) => t !== '')
    .join('\n')
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line))
    .slice(-20)
    .join('\n')
  return `${command} failed (exit ${String(exitCode)})${reason === undefined ? '' : `: ${reason.trim()}`}; fix the runner's configuration, or ${GLOBS_HINT}${tail === '' ? '' : `\n${tail}`}`
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
    env: childEnvironment(options.env, {}, adapter.list.dropEnv),
    onStdout: (chunk) => (stdout += chunk.toString('utf8')),
    onStderr: (chunk) => (stderr += chunk.toString('utf8')),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  if (result.spawnError !== undefined)
    throw new UsageError(`cannot list the tests with \`${argv.join(' ')}\`: ${result.spawnError}`)
  if (result.exitCode !== 0)
    throw new UsageError(listingFailure(argv, result.exitCode, stdout, stderr))
  const items = adapter.list
    .parse(stdout, options.root)
    .map((id) => normalizeId(id, { roots: [options.root] }))
  if (items.length === 0) throw new UsageError(`\`${argv.join(' ')}\` listed no tests`)
  log.info(`${runner} lists ${items.length} ${items.length === 1 ? 'item' : 'items'}`)
  return { items, seconds: result.wallSeconds }
}

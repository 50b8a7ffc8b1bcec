import { spawn } from 'node:child_process'
import { describeError } from '../core/errors.js'

/**
 * Variables a test process must not see: with them, code under test could write caches and
 * artifacts in the workflow's name (cache poisoning), mint OIDC tokens, or read the inputs and
 * token of the action that started it.
 */
const STRIPPED_EXACT = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'GITHUB_TOKEN',
])
const STRIPPED_PREFIXES = ['ACTIONS_ID_TOKEN_REQUEST_', 'INPUT_']

export function isStrippedVariable(name: string): boolean {
  const upper = name.toUpperCase()
  return STRIPPED_EXACT.has(upper) || STRIPPED_PREFIXES.some((p) => upper.startsWith(p))
}

/** The environment for a test process: the parent's, minus credentials, plus `extra`. */
export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  extra: Readonly<Record<string, string>> = {},
  drop: readonly string[] = [],
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && !isStrippedVariable(name) && !drop.includes(name)) env[name] = value
  }
  return { ...env, ...extra }
}

export interface ProcessResult {
  readonly exitCode: number | null
  readonly signal: string | null
  readonly wallSeconds: number
  /** Why the process did not run to its own end, if it did not. */
  readonly stopped: 'timeout' | 'interrupted' | undefined
  /** Set when the process could not be started (ENOENT, E2BIG, EACCES). */
  readonly spawnError: string | undefined
}

export interface ProcessOptions {
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  /** Receives stdout; by default it goes to our stdout. */
  readonly onStdout?: (chunk: Buffer) => void
  readonly onStderr?: (chunk: Buffer) => void
  /** Kill the process group after this long. */
  readonly timeoutMs?: number
  /** Kill the process group when this aborts (SIGINT/SIGTERM of the parent). */
  readonly signal?: AbortSignal
  /** Time between SIGTERM and SIGKILL. */
  readonly killGraceMs?: number
}

/**
 * Runs a command without a shell, in its own process group so that a timeout or an interrupt
 * stops everything it started (test workers, browsers, servers), and streams its output as it
 * comes — never buffering it whole.
 */
export function runProcess(
  argv: readonly string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  const [file, ...args] = argv
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9
  if (file === undefined) {
    return Promise.resolve({
      exitCode: null,
      signal: null,
      wallSeconds: 0,
      stopped: undefined,
      spawnError: 'empty command',
    })
  }
  return new Promise((resolve) => {
    let stopped: ProcessResult['stopped']
    let spawnError: string | undefined
    let child
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        shell: false,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    } catch (error) {
      resolve({
        exitCode: null,
        signal: null,
        wallSeconds: elapsed(),
        stopped: undefined,
        spawnError: describeError(error),
      })
      return
    }
    const group = child.pid
    let killTimer: NodeJS.Timeout | undefined
    const stop = (why: NonNullable<ProcessResult['stopped']>) => {
      if (stopped || group === undefined) return
      stopped = why
      try {
        process.kill(-group, 'SIGTERM')
      } catch {
        // Already gone.
      }
      killTimer = setTimeout(() => {
        try {
          process.kill(-group, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }, options.killGraceMs ?? 5000)
      killTimer.unref()
    }
    const timeout =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => stop('timeout'), options.timeoutMs)
    const onAbort = () => stop('interrupted')
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.signal?.aborted === true) onAbort()
    child.stdout.on('data', options.onStdout ?? ((chunk: Buffer) => process.stdout.write(chunk)))
    child.stderr.on('data', options.onStderr ?? ((chunk: Buffer) => process.stderr.write(chunk)))
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError =
        error.code === 'ENOENT'
          ? `command not found: ${file}`
          : error.code === 'E2BIG'
            ? 'the argument list is too long for the operating system (E2BIG)'
            : describeError(error)
    })
    child.on('close', (code, signal) => {
      if (timeout) clearTimeout(timeout)
      options.signal?.removeEventListener('abort', onAbort)
      if (killTimer && stopped === undefined) clearTimeout(killTimer)
      // Whatever the child left behind in its group goes too.
      if (group !== undefined) {
        try {
          process.kill(-group, 'SIGKILL')
        } catch {
          // The group is empty.
        }
      }
      resolve({ exitCode: code, signal, wallSeconds: elapsed(), stopped, spawnError })
    })
  })
}

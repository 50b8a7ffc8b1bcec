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
  /**
   * The command exited but processes it started kept its output open; after the grace
   * period they were stopped. The command's own exit status stands.
   */
  readonly strays?: boolean
}

/** The longest delay a Node timer takes: a longer one fires at once (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1

export interface ProcessOptions {
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  /** Receives stdout; by default it goes to our stdout. */
  readonly onStdout?: (chunk: Buffer) => void
  readonly onStderr?: (chunk: Buffer) => void
  /**
   * Asked after each chunk: a promise while whoever takes the output is behind. The child's
   * pipes are paused until it settles, so the child waits instead of our memory growing.
   */
  readonly outputReady?: () => Promise<void> | undefined
  /** Kill the process group after this long. */
  readonly timeoutMs?: number
  /** Kill the process group when this aborts (SIGINT/SIGTERM of the parent). */
  readonly signal?: AbortSignal
  /** Time between SIGTERM and SIGKILL. */
  readonly killGraceMs?: number
  /**
   * After the command itself exits, how long processes it left behind (`sleep 20 &`) may keep
   * its output open before they are stopped (default 2 s).
   */
  readonly exitGraceMs?: number
}

/** `setTimeout` for any delay: beyond MAX_TIMER_MS it waits in steps instead of firing at once. */
function longTimeout(ms: number, fire: () => void): { clear(): void } {
  let timer: NodeJS.Timeout
  const arm = (left: number) => {
    timer = setTimeout(
      () => (left > MAX_TIMER_MS ? arm(left - MAX_TIMER_MS) : fire()),
      Math.min(Math.max(0, left), MAX_TIMER_MS),
    )
  }
  arm(ms)
  return { clear: () => clearTimeout(timer) }
}

function killGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal)
  } catch {
    // The group is empty.
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs a command without a shell, in its own process group so that a timeout or an interrupt
 * stops everything it started (test workers, browsers, servers), and streams its output as it
 * comes — never buffering it whole, and pausing the child while the output's reader is
 * behind. The command's end is its own exit: what it left running in the background is
 * given a short grace to finish its output, then stopped, and does not change the outcome.
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
    const { stdout, stderr } = child
    const timers: { clear(): void }[] = []
    const later = (ms: number, fire: () => void) => {
      const timer = longTimeout(ms, fire)
      timers.push(timer)
      return timer
    }
    const killGraceMs = options.killGraceMs ?? 5000
    let exit: { code: number | null; signal: string | null; seconds: number } | undefined
    const stop = (why: NonNullable<ProcessResult['stopped']>) => {
      if (stopped || group === undefined) return
      // After the command's own exit, only its leftovers are stopped: the outcome stands.
      if (exit === undefined) stopped = why
      killGroup(group, 'SIGTERM')
      later(killGraceMs, () => killGroup(group, 'SIGKILL'))
    }
    const timeout =
      options.timeoutMs === undefined ? undefined : later(options.timeoutMs, () => stop('timeout'))
    const onAbort = () => stop('interrupted')
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.signal?.aborted === true) onAbort()

    // Backpressure: both pipes pause while the reader of our output is behind.
    let paused = false
    const afterChunk = () => {
      if (paused) return
      const wait = options.outputReady?.()
      if (wait === undefined) return
      paused = true
      stdout.pause()
      stderr.pause()
      const resume = () => {
        paused = false
        stdout.resume()
        stderr.resume()
      }
      wait.then(resume, resume)
    }
    const onStdout = options.onStdout ?? ((chunk: Buffer) => process.stdout.write(chunk))
    const onStderr = options.onStderr ?? ((chunk: Buffer) => process.stderr.write(chunk))
    stdout.on('data', (chunk: Buffer) => {
      onStdout(chunk)
      afterChunk()
    })
    stderr.on('data', (chunk: Buffer) => {
      onStderr(chunk)
      afterChunk()
    })

    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError =
        error.code === 'ENOENT'
          ? `command not found: ${file}`
          : error.code === 'E2BIG'
            ? 'the argument list is too long for the operating system (E2BIG)'
            : describeError(error)
    })

    // The command's own exit decides the outcome. Its pipes stay open as long as anything it
    // started holds them; after a grace for late output, those processes are stopped, and if
    // something outside the group still holds the pipes, we stop reading them.
    let strays = false
    const exitGraceMs = options.exitGraceMs ?? 2000
    child.on('exit', (code, signal) => {
      exit = { code, signal, seconds: elapsed() }
      timeout?.clear()
      if (group === undefined) return
      later(exitGraceMs, () => {
        if (groupAlive(group)) {
          strays = true
          killGroup(group, 'SIGTERM')
          later(Math.min(killGraceMs, 1000), () => killGroup(group, 'SIGKILL'))
        }
        const abandon = () => {
          // Output already read is kept; a reader that is behind still gets what is in the pipe.
          if (paused) return void later(exitGraceMs, abandon)
          stdout.destroy()
          stderr.destroy()
        }
        later(exitGraceMs + Math.min(killGraceMs, 1000), abandon)
      })
    })
    child.on('close', (code, signal) => {
      for (const timer of timers) timer.clear()
      options.signal?.removeEventListener('abort', onAbort)
      // Whatever the child left behind in its group goes too.
      if (group !== undefined) killGroup(group, 'SIGKILL')
      resolve({
        exitCode: exit ? exit.code : code,
        signal: exit ? exit.signal : signal,
        wallSeconds: exit ? exit.seconds : elapsed(),
        stopped,
        spawnError,
        ...(strays ? { strays } : {}),
      })
    })
  })
}

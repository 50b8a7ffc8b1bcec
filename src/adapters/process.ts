import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'
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

/** Timers that all go when the process is done. */
interface Timers {
  readonly later: (ms: number, fire: () => void) => { clear(): void }
  readonly clearAll: () => void
}

function timers(): Timers {
  const all: { clear(): void }[] = []
  return {
    later: (ms, fire) => {
      const timer = longTimeout(ms, fire)
      all.push(timer)
      return timer
    },
    clearAll: () => {
      for (const timer of all) timer.clear()
    },
  }
}

type Child = ChildProcessByStdio<null, Readable, Readable>

/** What is known of a running command, shared by the steps that watch it. */
interface Supervision {
  readonly child: Child
  /** The process group: the child's pid (it leads its own group). */
  readonly group: number | undefined
  readonly timers: Timers
  readonly killGraceMs: number
  stopped: ProcessResult['stopped']
  /** The command's own exit, once it happened. */
  exit: { code: number | null; signal: string | null; seconds: number } | undefined
  /** Whether the pipes are paused for a reader that is behind. */
  paused: boolean
  strays: boolean
}

/** Stops the process group: SIGTERM, then SIGKILL after the grace. */
function stopGroup(run: Supervision, why: NonNullable<ProcessResult['stopped']>): void {
  const { group } = run
  if (run.stopped || group === undefined) return
  // After the command's own exit, only its leftovers are stopped: the outcome stands.
  if (run.exit === undefined) run.stopped = why
  killGroup(group, 'SIGTERM')
  run.timers.later(run.killGraceMs, () => killGroup(group, 'SIGKILL'))
}

/** Hands the output on as it comes; both pipes pause while its reader is behind. */
function streamOutput(run: Supervision, options: ProcessOptions): void {
  const { stdout, stderr } = run.child
  const afterChunk = () => {
    if (run.paused) return
    const wait = options.outputReady?.()
    if (wait === undefined) return
    run.paused = true
    stdout.pause()
    stderr.pause()
    const resume = () => {
      run.paused = false
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
}

/**
 * After the command's own exit: its pipes stay open as long as anything it started holds
 * them; after a grace for late output, those processes are stopped, and if something outside
 * the group still holds the pipes, we stop reading them.
 */
function afterExit(run: Supervision, exitGraceMs: number): void {
  const { group } = run
  const { later } = run.timers
  if (group === undefined) return
  later(exitGraceMs, () => {
    if (groupAlive(group)) {
      run.strays = true
      killGroup(group, 'SIGTERM')
      later(Math.min(run.killGraceMs, 1000), () => killGroup(group, 'SIGKILL'))
    }
    const abandon = () => {
      // Output already read is kept; a reader that is behind still gets what is in the pipe.
      if (run.paused) return void later(exitGraceMs, abandon)
      run.child.stdout.destroy()
      run.child.stderr.destroy()
    }
    later(exitGraceMs + Math.min(run.killGraceMs, 1000), abandon)
  })
}

function spawnErrorText(file: string, error: NodeJS.ErrnoException): string {
  return error.code === 'ENOENT'
    ? `command not found: ${file}`
    : error.code === 'E2BIG'
      ? 'the argument list is too long for the operating system (E2BIG)'
      : describeError(error)
}

/** Watches a started command to its end: timeout, interrupt, output, exit and leftovers. */
function supervise(
  child: Child,
  file: string,
  options: ProcessOptions,
  elapsed: () => number,
): Promise<ProcessResult> {
  const run: Supervision = {
    child,
    group: child.pid,
    timers: timers(),
    killGraceMs: options.killGraceMs ?? 5000,
    stopped: undefined,
    exit: undefined,
    paused: false,
    strays: false,
  }
  const timeout =
    options.timeoutMs === undefined
      ? undefined
      : run.timers.later(options.timeoutMs, () => stopGroup(run, 'timeout'))
  const onAbort = () => stopGroup(run, 'interrupted')
  options.signal?.addEventListener('abort', onAbort, { once: true })
  if (options.signal?.aborted === true) onAbort()
  streamOutput(run, options)
  let spawnError: string | undefined
  child.on('error', (error: NodeJS.ErrnoException) => (spawnError = spawnErrorText(file, error)))
  // The command's own exit decides the outcome.
  child.on('exit', (code, signal) => {
    run.exit = { code, signal, seconds: elapsed() }
    timeout?.clear()
    afterExit(run, options.exitGraceMs ?? 2000)
  })
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      run.timers.clearAll()
      options.signal?.removeEventListener('abort', onAbort)
      // Whatever the child left behind in its group goes too.
      if (run.group !== undefined) killGroup(run.group, 'SIGKILL')
      const { exit } = run
      resolve({
        exitCode: exit ? exit.code : code,
        signal: exit ? exit.signal : signal,
        wallSeconds: exit ? exit.seconds : elapsed(),
        stopped: run.stopped,
        spawnError,
        ...(run.strays ? { strays: true } : {}),
      })
    })
  })
}

function notStarted(spawnError: string, wallSeconds: number): ProcessResult {
  return { exitCode: null, signal: null, wallSeconds, stopped: undefined, spawnError }
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
  if (file === undefined) return Promise.resolve(notStarted('empty command', 0))
  let child: Child
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      shell: false,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    return Promise.resolve(notStarted(describeError(error), elapsed()))
  }
  return supervise(child, file, options, elapsed)
}

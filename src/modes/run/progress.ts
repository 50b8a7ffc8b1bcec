import type { Invocation, RunnerAdapter } from '../../adapters/runners/types.js'
import type { RunDeps } from '../run.js'

/** What is running now, and the tests finished by the invocations before it. */
export interface LiveInvocation {
  finishedBefore: number
  current: Invocation | undefined
}

export interface ProgressInput {
  readonly adapter: RunnerAdapter
  readonly deps: RunDeps
  /** `shard I/N`, as people read it. */
  readonly label: string
  readonly runnable: readonly string[]
  readonly predictedSeconds: number
  readonly elapsed: () => number
  readonly live: LiveInvocation
}

/** One progress line: tests done (where the runner reports them live), time spent and left. */
function progressLine(input: ProgressInput, expectedTests: number): string {
  const { adapter, live, runnable, predictedSeconds: predicted } = input
  const spent = input.elapsed()
  const left = predicted - spent
  const now =
    live.current && adapter.finishedTests ? adapter.finishedTests(live.current) : undefined
  const done =
    now === undefined
      ? ''
      : `${live.finishedBefore + now}${expectedTests > 0 ? ` of ${expectedTests}` : ''} tests done, `
  return `${input.label}: ${done}${runnable.length} items, ${spent.toFixed(0)} s elapsed, ${
    left > 0
      ? `about ${left.toFixed(0)} s left`
      : `${(-left).toFixed(0)} s over the predicted ${predicted.toFixed(0)} s`
  }`
}

/** Reports progress every interval until stopped; nothing when nobody listens. */
export function startProgress(input: ProgressInput): { stop(): void } {
  const { progress, progressIntervalMs } = input.deps
  if (!progress) return { stop: () => undefined }
  const expectedTests = input.runnable.filter((item) => item.includes('::')).length
  const timer = setInterval(() => {
    // Nothing in a timer may throw: it would kill the process and orphan the tests.
    try {
      progress(progressLine(input, expectedTests))
    } catch {
      // Progress is a courtesy; the run goes on.
    }
  }, progressIntervalMs ?? 10_000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

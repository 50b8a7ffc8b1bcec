import type { RunnerName } from '../adapters/runners/types.js'
import { runnerSetting } from './runner.js'
import { flagOf, given, listOf, valueOf, type OptionSource } from './source.js'
import { parseTimeoutSeconds, parseWholeNumber } from './values.js'

/** How a shard runs: the options `run`, `test` and the action's run step share. */
export interface RunSettings {
  readonly runner: RunnerName | 'auto'
  readonly retries: number
  readonly repeat: number
  readonly failOnFlaky: boolean
  readonly timeoutSeconds: number | undefined
  readonly junitGlobs: readonly string[]
  readonly coverageGlobs: readonly string[]
}

export function runSettings(source: OptionSource): RunSettings {
  const timeout = given(source, 'timeout-seconds')
  return {
    runner: runnerSetting(source),
    retries: parseWholeNumber(source.label('retries'), valueOf(source, 'retries'), 0, 10),
    repeat: parseWholeNumber(source.label('repeat'), valueOf(source, 'repeat'), 1, 100),
    failOnFlaky: flagOf(source, 'fail-on-flaky'),
    timeoutSeconds:
      timeout === undefined
        ? undefined
        : parseTimeoutSeconds(source.label('timeout-seconds'), timeout),
    junitGlobs: listOf(source, 'junit'),
    coverageGlobs: listOf(source, 'coverage'),
  }
}

/** The most failed or unrun tests the serial fallback runs again: more look systemic. */
export function fallbackMaxItems(source: OptionSource): number {
  return parseWholeNumber(
    source.label('fallback-max-items'),
    valueOf(source, 'fallback-max-items'),
    0,
    100_000,
  )
}

import { UsageError } from '../core/errors.js'
import { MAX_SHARDS, type Granularity } from '../core/plan.js'

/**
 * Strict parsers for option values, shared by the CLI and the action so both say the same
 * thing about the same mistake: "`name` must be …; got `value`."
 */

function fail(name: string, expected: string, got: string): never {
  throw new UsageError(`\`${name}\` must be ${expected}; got \`${got}\`.`)
}

export function parseWholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = raw.trim()
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(name, `a whole number from ${min} to ${max}`, raw)
  }
  return Number(value)
}

export function parseNonNegativeSeconds(name: string, raw: string): number {
  const value = raw.trim()
  if (!/^\d+(?:\.\d+)?$/.test(value)) fail(name, 'a number of seconds ≥ 0', raw)
  return Number(value)
}

export function parsePositiveSeconds(name: string, raw: string): number {
  const seconds = parseNonNegativeSeconds(name, raw)
  if (seconds <= 0) fail(name, 'a number of seconds > 0', raw)
  return seconds
}

/** A percentage from 0 to 100 (coverage thresholds). */
export function parsePercentage(name: string, raw: string): number {
  const value = raw.trim()
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100)
    fail(name, 'a percentage from 0 to 100', raw)
  return Number(value)
}

export function parseShards(name: string, raw: string): number | 'auto' {
  if (raw.trim() === 'auto') return 'auto'
  const value = raw.trim()
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SHARDS) {
    fail(name, `a whole number from 1 to ${MAX_SHARDS} or \`auto\``, raw)
  }
  return Number(value)
}

export function parseChoice<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  const value = raw.trim()
  const found = choices.find((c) => c === value)
  if (found === undefined) fail(name, `one of ${choices.map((c) => `\`${c}\``).join(', ')}`, raw)
  return found
}

export const GRANULARITIES: readonly Granularity[] = ['file', 'test', 'auto']

/** The longest timeout a Node timer can wait (2^31 − 1 ms), in whole seconds: about 24.8 days. */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000)

/** A test timeout: seconds > 0, and no longer than a timer holds (a longer one fired at once). */
export function parseTimeoutSeconds(name: string, raw: string): number {
  const seconds = parsePositiveSeconds(name, raw)
  if (seconds > MAX_TIMEOUT_SECONDS)
    fail(name, `a number of seconds from 0 to ${MAX_TIMEOUT_SECONDS} (about 24 days)`, raw)
  return seconds
}

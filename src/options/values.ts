import { UsageError } from '../core/errors.js'
import { MAX_SHARDS, type Granularity } from '../core/plan.js'

/**
 * Strict parsers for option values, one per kind of value, shared by the CLI and the action so
 * both say the same thing about the same mistake: "`label` must be …; got `value`." The label
 * is how the caller names the option: `--shards` on the command line, `shards` in a step.
 */

function fail(label: string, expected: string, got: string): never {
  throw new UsageError(`\`${label}\` must be ${expected}; got \`${got}\`.`)
}

export function parseWholeNumber(label: string, raw: string, min: number, max: number): number {
  const value = raw.trim()
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(label, `a whole number from ${min} to ${max}`, raw)
  }
  return Number(value)
}

export function parseNonNegativeSeconds(label: string, raw: string): number {
  const value = raw.trim()
  if (!/^\d+(?:\.\d+)?$/.test(value)) fail(label, 'a number of seconds ≥ 0', raw)
  return Number(value)
}

export function parsePositiveSeconds(label: string, raw: string): number {
  const seconds = parseNonNegativeSeconds(label, raw)
  if (seconds <= 0) fail(label, 'a number of seconds > 0', raw)
  return seconds
}

/** The longest timeout a Node timer can wait (2^31 − 1 ms), in whole seconds: about 24.8 days. */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000)

/** A test timeout: seconds > 0, and no longer than a timer holds (a longer one fired at once). */
export function parseTimeoutSeconds(label: string, raw: string): number {
  const seconds = parsePositiveSeconds(label, raw)
  if (seconds > MAX_TIMEOUT_SECONDS)
    fail(label, `a number of seconds from 0 to ${MAX_TIMEOUT_SECONDS} (about 24 days)`, raw)
  return seconds
}

/** A percentage from 0 to 100 (coverage thresholds). */
export function parsePercent(label: string, raw: string): number {
  const value = raw.trim()
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100)
    fail(label, 'a percentage from 0 to 100', raw)
  return Number(value)
}

/** A share from 0 to 1 (the flaky threshold). */
export function parseFraction(label: string, raw: string): number {
  if (!/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(raw.trim())) fail(label, 'a number from 0 to 1', raw)
  return Number(raw.trim())
}

/** A shard count: 1 to MAX_SHARDS, or `auto`. */
export function parseShardCount(label: string, raw: string): number | 'auto' {
  const value = raw.trim()
  if (value === 'auto') return 'auto'
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SHARDS) {
    fail(label, `a whole number from 1 to ${MAX_SHARDS} or \`auto\``, raw)
  }
  return Number(value)
}

/** Which shard to run: 1-based, with the shard count when the caller knows it. */
export type ShardNumber =
  | { readonly kind: 'shard'; readonly index: number; readonly count: number | undefined }
  | { readonly kind: 'fallback' }

/**
 * A shard number: `I` or `I/N` (1 ≤ I ≤ N ≤ MAX_SHARDS), or `fallback` — the serial re-run
 * of failed tests and missing shards — where the caller has one.
 */
export function parseShardNumber(
  label: string,
  raw: string,
  accepts: { readonly fallback: boolean },
): ShardNumber {
  const value = raw.trim()
  if (accepts.fallback && value === 'fallback') return { kind: 'fallback' }
  const match = /^(\d+)(?:\/(\d+))?$/.exec(value)
  const index = Number(match?.[1])
  const count = match?.[2] === undefined ? undefined : Number(match[2])
  if (
    !match ||
    index < 1 ||
    index > MAX_SHARDS ||
    (count !== undefined && (count < 1 || count > MAX_SHARDS || index > count))
  ) {
    fail(
      label,
      `I or I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}${accepts.fallback ? ', or `fallback`' : ''}`,
      raw,
    )
  }
  return { kind: 'shard', index, count }
}

/**
 * The shard of a CI's own parallel jobs, 1-based: GitLab (`CI_NODE_INDEX`, 1-based), CircleCI
 * and Buildkite (0-based); `undefined` outside them.
 */
export function shardFromCiVariables(
  env: Readonly<Record<string, string | undefined>>,
): { readonly index: number; readonly count: number } | undefined {
  const pairs: [string, string, number][] = [
    ['CI_NODE_INDEX', 'CI_NODE_TOTAL', 0],
    ['CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 1],
    ['BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 1],
  ]
  for (const [indexName, countName, offset] of pairs) {
    const index = env[indexName]
    const count = env[countName]
    if (index !== undefined && count !== undefined && /^\d+$/.test(index) && /^\d+$/.test(count)) {
      const parsed = parseShardNumber(
        `${indexName}/${countName}`,
        `${Number(index) + offset}/${count}`,
        { fallback: false },
      )
      if (parsed.kind === 'shard') return { index: parsed.index, count: parsed.count ?? 0 }
    }
  }
  return undefined
}

export function parseChoice<T extends string>(
  label: string,
  raw: string,
  choices: readonly T[],
): T {
  const value = raw.trim()
  const found = choices.find((c) => c === value)
  if (found === undefined) fail(label, `one of ${choices.map((c) => `\`${c}\``).join(', ')}`, raw)
  return found
}

/** `true` or `false`, nothing looser (`yes` is a mistake, not a truth). */
export function parseBoolean(label: string, raw: string): boolean {
  const value = raw.trim()
  if (value === 'true') return true
  if (value === 'false' || value === '') return false
  throw new UsageError(`\`${label}\` must be \`true\` or \`false\`; got \`${value}\`.`)
}

export const GRANULARITIES: readonly Granularity[] = ['file', 'test', 'auto']

/** The non-empty lines of a multi-line value, trimmed. */
export function lines(raw: string): string[] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

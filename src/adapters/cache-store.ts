import * as cache from '@actions/cache'
import { createHash } from 'node:crypto'
import { describeError } from '../core/errors.js'
import type { Log } from './log.js'

/**
 * The timings store in the Actions cache. Cache keys are immutable and scoped per branch (a
 * pull request reads its base branch's entries), so every save uses a fresh key and every
 * restore asks for the newest key with our prefix. A cache failure is a warning and a
 * fallback, never a failed build.
 */

export const CACHE_SCHEMA = 'v1'

/** `shardwise-timings-v1-<name hash>-`: constants and a hash only, so no branch or PR text can break a key. */
export function cacheKeyPrefix(invocation: string): string {
  const hash = createHash('sha256').update(invocation).digest('hex').slice(0, 16)
  return `shardwise-timings-${CACHE_SCHEMA}-${hash}-`
}

export function cacheSaveKey(invocation: string, runId: string, attempt: string): string {
  const safe = (value: string) => value.replace(/[^0-9A-Za-z]/g, '').slice(0, 20) || '0'
  return `${cacheKeyPrefix(invocation)}${safe(runId)}-${safe(attempt)}`
}

export interface TimingsCache {
  /** Restores the newest store into `path` (relative to the workspace); the matched key or undefined. */
  restore(
    path: string,
    invocation: string,
    runId: string,
    attempt: string,
  ): Promise<string | undefined>
  /** Saves `path` under a fresh key; true when saved. */
  save(path: string, invocation: string, runId: string, attempt: string): Promise<boolean>
}

/**
 * Runs `fn` while holding back the `::warning::` and `::error::` lines written to stdout, and
 * returns their messages. `@actions/cache` reports a failed service call only that way:
 * `restoreCache` then returns `undefined` exactly as for a miss, so these lines are the only
 * difference between "no history yet" and "the cache is down". Everything else passes through.
 */
export async function withToolkitProblems<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; problems: string[] }> {
  const problems: string[] = []
  const stdout = process.stdout
  const original = Reflect.get<typeof stdout, 'write'>(stdout, 'write')
  const intercept = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text =
      typeof chunk === 'string'
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : undefined
    if (text === undefined) return Reflect.apply(original, stdout, [chunk, ...rest]) as boolean
    const kept = text
      .split(/(?<=\n)/)
      .filter((line) => {
        const match = /^::(?:warning|error)(?: [^:]*)?::(.*?)\r?\n?$/.exec(line)
        if (match) problems.push(unescapeCommandData(match[1] ?? ''))
        return !match
      })
      .join('')
    if (kept !== '') return Reflect.apply(original, stdout, [kept, ...rest]) as boolean
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    callback?.()
    return true
  }
  stdout.write = intercept
  try {
    return { value: await fn(), problems }
  } finally {
    stdout.write = original
  }
}

/** Undoes the toolkit's escaping of a workflow command's message (`%25`, `%0D`, `%0A`). */
function unescapeCommandData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

export function actionsTimingsCache(log: Log): TimingsCache {
  return {
    async restore(path, invocation, runId, attempt) {
      if (!cache.isFeatureAvailable()) {
        log.notice('the Actions cache is not available here: planning without timing history')
        return undefined
      }
      try {
        const { value: key, problems } = await withToolkitProblems(() =>
          cache.restoreCache([path], cacheSaveKey(invocation, runId, attempt), [
            cacheKeyPrefix(invocation),
          ]),
        )
        if (key !== undefined) {
          log.info(`timings restored from cache key ${key}`)
          for (const problem of problems) log.warning(`the Actions cache: ${problem}`)
        } else if (problems.length > 0) {
          // Not a miss: the history may well be there, but the cache could not be read.
          log.warning(
            `restoring the timing history from the Actions cache failed (${problems.join('; ')}); planning by estimate: this is a cache failure, not a missing history`,
          )
        } else {
          log.notice('no timing history in the cache yet: tests are estimated')
        }
        return key
      } catch (error) {
        log.warning(
          `restoring the timing history from the Actions cache failed (${describeError(error)}); planning by estimate: this is a cache failure, not a missing history`,
        )
        return undefined
      }
    },
    async save(path, invocation, runId, attempt) {
      if (!cache.isFeatureAvailable()) {
        log.notice('the Actions cache is not available here: timings not saved')
        return false
      }
      const key = cacheSaveKey(invocation, runId, attempt)
      try {
        const { value: id, problems } = await withToolkitProblems(() =>
          cache.saveCache([path], key),
        )
        if (id === -1) {
          log.warning(
            `timings not saved to the cache (key ${key})${problems.length > 0 ? `: ${problems.join('; ')}` : '; see the cache messages above'}`,
          )
          return false
        }
        for (const problem of problems) log.warning(`the Actions cache: ${problem}`)
        log.info(`timings saved to the cache under ${key}`)
        return true
      } catch (error) {
        log.warning(`saving timings to the cache failed (${describeError(error)})`)
        return false
      }
    },
  }
}

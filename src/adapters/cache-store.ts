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

export function actionsTimingsCache(log: Log): TimingsCache {
  return {
    async restore(path, invocation, runId, attempt) {
      if (!cache.isFeatureAvailable()) {
        log.notice('the Actions cache is not available here: planning without timing history')
        return undefined
      }
      try {
        const key = await cache.restoreCache([path], cacheSaveKey(invocation, runId, attempt), [
          cacheKeyPrefix(invocation),
        ])
        if (key === undefined) log.notice('no timing history in the cache yet: tests are estimated')
        else log.info(`timings restored from cache key ${key}`)
        return key
      } catch (error) {
        log.warning(
          `restoring timings from the cache failed (${describeError(error)}); planning without them`,
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
        const id = await cache.saveCache([path], key)
        if (id === -1) {
          log.warning(`timings not saved to the cache (key ${key}); see the cache messages above`)
          return false
        }
        log.info(`timings saved to the cache under ${key}`)
        return true
      } catch (error) {
        log.warning(`saving timings to the cache failed (${describeError(error)})`)
        return false
      }
    },
  }
}

import { createHash } from 'node:crypto'
import { decodePlan, encodePlan, type Plan } from '../core/contracts/plan.js'
import { stableStringify } from '../core/json.js'
import { readJsonFile } from './json-file.js'

/**
 * The plan file (`--plan`, the plan artifact) and its digest. The digest is here rather than
 * beside the plan's contract because the core is pure (no `node:crypto`).
 */

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * The digest of a plan's canonical JSON (sorted keys, as `encodePlan` writes it): shard
 * results name the plan they ran, and combine ignores results of another plan.
 */
export function planDigest(plan: Plan): string {
  return sha256(encodePlan(plan))
}

/**
 * Reads and decodes a plan file written by `shardwise plan --output` or the action (or by
 * hand, in the documented minimal shape). The digest is of the file's own content, not of
 * the decoded plan with its defaults: the shards that ran it computed it the same way.
 */
export async function readPlanFile(
  path: string,
  flag = '--plan',
): Promise<{ plan: Plan; digest: string }> {
  return readJsonFile(flag, path, (data) => ({
    plan: decodePlan(data),
    digest: sha256(stableStringify(data)),
  }))
}

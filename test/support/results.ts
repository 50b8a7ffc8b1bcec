import { readFile, writeFile } from 'node:fs/promises'
import type { Plan } from '../../src/core/plan.js'
import type { ShardResult, TestRecord, TestVerdict } from '../../src/core/shard-result.js'

/** A plan over the given shards of items, as `shardwise plan` would write it. */
export function makePlan(shards: string[][]): Plan {
  return {
    version: 1,
    shards: shards.map((items, i) => ({ index: i + 1, items, predictedSeconds: items.length })),
    granularity: 'file',
    itemCount: shards.flat().length,
    totalSeconds: shards.flat().length,
    lowerBoundSeconds: 1,
    fileLowerBoundSeconds: 1,
    predictedMakespanSeconds: Math.max(...shards.map((s) => s.length)),
    shardOverheadSeconds: 0,
    costModel: { startupSeconds: 0, warmupSeconds: 0, workers: 1 },
    unknownItems: 0,
    estimatedItems: [],
    estimates: { 'same-file': 0, directory: 0, size: 0, default: 0 },
    timings: { runs: 1, matchedItems: shards.flat().length, matchedBySuffix: 0, staleFiles: 0 },
    splitFiles: [],
    notes: [],
  }
}

export interface TestSpec {
  readonly verdict?: TestVerdict
  readonly seconds?: number
  readonly message?: string | undefined
}

/** A shard result as `shardwise run` writes it, for hand-made result directories. */
export function makeResult(
  plan: Plan,
  digest: string,
  index: number,
  tests: Record<string, TestSpec>,
  overrides: Partial<ShardResult> = {},
): ShardResult {
  const records: Record<string, TestRecord> = {}
  const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0, xfailed: 0, xpassed: 0 }
  for (const [id, spec] of Object.entries(tests)) {
    const verdict = spec.verdict ?? 'passed'
    counts[verdict]++
    const seconds = spec.seconds ?? 1
    const attempts =
      verdict === 'flaky'
        ? [
            { status: 'failed' as const, seconds },
            { status: 'passed' as const, seconds },
          ]
        : [{ status: verdict, seconds }]
    records[id] = {
      file: id.split('::')[0] ?? id,
      verdict,
      attempts,
      ...(spec.message !== undefined || verdict === 'failed'
        ? { message: spec.message ?? `${id} failed` }
        : {}),
    }
  }
  const failed = counts.failed > 0
  // The runner's own per-file timing, files one after another (as Jest or Vitest report it).
  const perFile = new Map<string, number>()
  for (const [id, spec] of Object.entries(tests)) {
    const file = id.split('::')[0] ?? id
    perFile.set(file, (perFile.get(file) ?? 0) + (spec.seconds ?? 1))
  }
  const files: Record<string, { seconds: number; start: number }> = {}
  let start = 0
  for (const [file, seconds] of [...perFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files[file] = { seconds, start }
    start += seconds
  }
  return {
    version: 1,
    tool: 'shardwise',
    kind: 'shard-result',
    planDigest: digest,
    shard: { index, count: plan.shards.length },
    attempt: 1,
    runner: 'generic',
    command: ['run-tests'],
    items: [...(plan.shards[index - 1]?.items ?? [])],
    status: failed ? 'failed' : 'passed',
    complete: true,
    reason: undefined,
    exitCode: failed ? 1 : 0,
    signal: null,
    startedAt: '2026-11-22T00:00:00.000Z',
    wallSeconds: Object.values(tests).reduce((t, s) => t + (s.seconds ?? 1), 0) + 2,
    setupSeconds: 2,
    testSeconds: Object.values(tests).reduce((t, s) => t + (s.seconds ?? 1), 0),
    timing: { laterAttemptsSeconds: 0, files },
    tests: records,
    missing: [],
    fileFailures: [],
    counts,
    workspace: '/home/runner/work/r/r',
    artifacts: { junit: [], coverage: [] },
    ...overrides,
  }
}

/** A plan file with the given items per shard (written by hand: an empty shard is the point). */
export async function writePlan(
  path: string,
  shards: readonly (readonly string[])[],
): Promise<void> {
  await writeFile(path, `${JSON.stringify(makePlan(shards.map((items) => [...items])), null, 2)}\n`)
}

export async function readResult(path: string): Promise<ShardResult> {
  return JSON.parse(await readFile(path, 'utf8')) as ShardResult
}

/** Every test id across the shards, with the number of shards that reported it. */
export function testsAcross(results: readonly ShardResult[]): Map<string, number> {
  const seen = new Map<string, number>()
  for (const result of results)
    for (const id of Object.keys(result.tests)) seen.set(id, (seen.get(id) ?? 0) + 1)
  return seen
}

/** Variables the test process must never see (DESIGN.md, trust zones), with fake values. */
export const SECRETS: Readonly<Record<string, string>> = {
  ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
  ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results',
  ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'fake-oidc-token',
  INPUT_FOO: 'fake-input',
  GITHUB_TOKEN: 'fake-github-token',
}

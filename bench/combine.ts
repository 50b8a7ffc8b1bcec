/**
 * Section 5: what combine costs — merging a 100,000-test run into a 100,000-test history, and
 * merging 64 shards × lcov of 5,000 source files (each shard from its own workspace root).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCoverage } from '../src/adapters/coverage-files.js'
import { mergeCoverageModels } from '../src/core/coverage/merge.js'
import type { CoverageModel } from '../src/core/coverage/model.js'
import { summarizeCoverage } from '../src/core/coverage/summary.js'
import { combineResults } from '../src/core/combine.js'
import type { Plan } from '../src/core/plan.js'
import type { ShardResult, TestRecord } from '../src/core/shard-result.js'
import { emptyStore, measureRun, mergeRun } from '../src/core/store.js'
import { fixed, median, mulberry32, table } from './lib.js'

const NOW = '2026-11-22T00:00:00.000Z'

function results(
  tests: number,
  shards: number,
  random: () => number,
): { plan: Plan; results: ShardResult[] } {
  const byShard: Record<string, TestRecord>[] = Array.from({ length: shards }, () => ({}))
  const items: string[][] = Array.from({ length: shards }, () => [])
  for (let t = 0; t < tests; t++) {
    const shard = t % shards
    const file = `pkg${t % 97}/dir${t % 13}/test_${Math.floor(t / 20)}.py`
    if (t % 20 === shard % 20) items[shard]?.push(file)
    const record = byShard[shard]
    if (record)
      record[`${file}::test_${t}`] = {
        file,
        verdict: 'passed',
        attempts: [{ status: 'passed', seconds: 0.01 + random() * 2 }],
      }
  }
  const plan: Plan = {
    version: 1,
    shards: items.map((list, i) => ({
      index: i + 1,
      items: [...new Set(list)],
      predictedSeconds: 1,
    })),
    granularity: 'test',
    itemCount: tests,
    totalSeconds: tests,
    lowerBoundSeconds: 1,
    fileLowerBoundSeconds: 1,
    predictedMakespanSeconds: 1,
    shardOverheadSeconds: 0,
    costModel: { startupSeconds: 0, warmupSeconds: 0, workers: 1 },
    unknownItems: 0,
    estimatedItems: [],
    estimates: { 'same-file': 0, directory: 0, size: 0, default: 0 },
    timings: { runs: 1, matchedItems: tests, matchedBySuffix: 0, staleFiles: 0 },
    splitFiles: [],
    notes: [],
  }
  const out = byShard.map<ShardResult>((tests, i) => ({
    version: 1,
    tool: 'shardwise',
    kind: 'shard-result',
    planDigest: 'bench',
    shard: { index: i + 1, count: shards },
    attempt: 1,
    runner: 'pytest',
    command: ['pytest'],
    items: plan.shards[i]?.items ?? [],
    status: 'passed',
    complete: true,
    reason: undefined,
    exitCode: 0,
    signal: null,
    startedAt: NOW,
    wallSeconds: 100,
    setupSeconds: 3,
    testSeconds: 97,
    tests,
    missing: [],
    fileFailures: [],
    counts: {
      passed: Object.keys(tests).length,
      failed: 0,
      flaky: 0,
      skipped: 0,
      xfailed: 0,
      xpassed: 0,
    },
    workspace: '/home/runner/work/r/r',
    artifacts: { junit: [], coverage: [] },
  }))
  return { plan, results: out }
}

function lcov(files: number, root: string, shard: number): string {
  const parts: string[] = []
  for (let f = 0; f < files; f++) {
    parts.push(`SF:${root}/src/module${f}.js`)
    for (let line = 1; line <= 20; line++) parts.push(`DA:${line},${(line + f + shard) % 3}`)
    parts.push('end_of_record')
  }
  return `${parts.join('\n')}\n`
}

export async function runCombine(print: (text: string) => void): Promise<Record<string, unknown>> {
  const random = mulberry32(42)
  // History: 100,000 tests over 64 shards, merged into a store already holding them.
  const { plan, results: shardResults } = results(100_000, 64, random)
  const combineMs: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    combineResults({
      plan,
      planDigest: 'bench',
      results: shardResults.map((result, j) => ({ source: `s${j}`, result })),
      quarantine: [],
      history: undefined,
      now: NOW,
      flakyThreshold: 0.1,
    })
    combineMs.push(performance.now() - started)
  }
  const first = mergeRun(emptyStore(NOW), measureRun(shardResults), NOW)
  const mergeMs: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    mergeRun(first, measureRun(shardResults), NOW)
    mergeMs.push(performance.now() - started)
  }
  const storeBytes = Buffer.byteLength(JSON.stringify(first))

  // Coverage: 64 shards × lcov of 5,000 files, four different workspace roots.
  const dir = await mkdtemp(join(tmpdir(), 'shardwise-bench-cov-'))
  const roots = ['/home/runner/work/r/r', '/Users/runner/work/r/r', 'D:\\a\\r\\r', '/builds/g/r']
  let bytes = 0
  let coverage: { ms: number; lines: number }
  try {
    const paths: { path: string; workspace: string }[] = []
    for (let s = 0; s < 64; s++) {
      const root = roots[s % roots.length] ?? '/w'
      const text = lcov(5000, root.replace(/\\/g, '/'), s)
      bytes += text.length
      const path = join(dir, `shard-${s}.info`)
      await writeFile(path, text)
      paths.push({ path, workspace: root })
    }
    const started = performance.now()
    const models: CoverageModel[] = []
    for (const { path, workspace } of paths)
      models.push((await loadCoverage([path], { workspace, roots: [] })).coverage)
    const merged = mergeCoverageModels(models)
    const totals = summarizeCoverage(merged.files)
    coverage = { ms: performance.now() - started, lines: totals.total.lines.found }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  print(
    table(
      [
        { title: 'work', align: 'left' },
        { title: 'size', align: 'left' },
        { title: 'median (ms)', align: 'right' },
      ],
      [
        [
          'combine 64 shard results (verdict, completeness)',
          '100,000 tests',
          fixed(median(combineMs), 0),
        ],
        [
          'merge a run into the timings history',
          `100,000 tests, store ${fixed(storeBytes / 1024 / 1024, 1)} MiB`,
          fixed(median(mergeMs), 0),
        ],
        [
          'read, parse and merge lcov',
          `64 shards × 5,000 files (${fixed(bytes / 1024 / 1024, 0)} MiB, ${coverage.lines} lines)`,
          fixed(coverage.ms, 0),
        ],
      ],
    ),
  )
  return {
    combineMs: median(combineMs),
    historyMergeMs: median(mergeMs),
    storeBytes,
    coverageMs: coverage.ms,
    coverageBytes: bytes,
  }
}

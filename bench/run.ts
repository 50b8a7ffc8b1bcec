/**
 * Shardwise benchmark (`npm run bench`, i.e. `node --expose-gc --import tsx bench/run.ts`).
 * Prints plain-text tables to stdout and writes the same figures to bench/results.json.
 *
 * 1. Balance on the real-world datasets (test/fixtures/datasets) against common splitters.
 * 2. Planning speed on 100k / 10k synthetic items, in process; 2b. the bundled CLI as a whole
 *    process against a plain LPT script, 100k and 1M items.
 * 3. JUnit parse throughput and memory on generated 500 MiB (BENCH_JUNIT_MB) and 50 MiB reports.
 * 4. Estimates for new items: plans with 10% of the timings hidden, scored with the true times.
 * 5–6. Combine, and what `shardwise run` adds.
 * 7. Hostile inputs: a 40,000-times cypress-split spec, 20,000 nested JUnit suites, and the
 *    peak memory of `shardwise run` printing BENCH_PIPE_MB (1024) MiB to a slow reader.
 * 8. Real-runner suites: Shardwise against the runners' own `--shard` (several minutes).
 *
 * `BENCH_ONLY=8` (or `1,4`) runs only those sections.
 */
import { writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runBalance } from './balance.js'
import { datasetsDir, loadDatasets } from './datasets.js'
import { runEstimator } from './estimator.js'
import { runJunit } from './junit.js'
import { fixed, mib, section } from './lib.js'
import { runSpeed } from './speed.js'
import { runProcessSpeed } from './process-speed.js'
import { runCombine } from './combine.js'
import { runOverhead } from './overhead.js'
import { runSuites } from './suites.js'
import { runHostile } from './hostile.js'

const print = (text: string): void => void process.stdout.write(`${text}\n`)

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())

async function timed<T>(
  title: string,
  results: Record<string, unknown>,
  key: string,
  work: () => T | Promise<T>,
): Promise<void> {
  if (only !== undefined && !only.includes(title.split('.')[0] ?? '')) return
  print(section(title))
  const started = performance.now()
  try {
    results[key] = await work()
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    print(`FAILED: ${message}`)
    results[key] = { error: message }
    process.exitCode = 1
  }
  const seconds = (performance.now() - started) / 1000
  print(`(section took ${fixed(seconds, 1)} s)`)
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    throw new Error('run with node --expose-gc (npm run bench does)')
  }
  const started = performance.now()
  const cpu = cpus()
  const environment = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    memoryMiB: Math.round(mib(totalmem())),
    datasets: datasetsDir(),
    date: new Date().toISOString(),
  }
  print(
    `Shardwise benchmark — Node ${environment.node}, ${environment.platform}, ${environment.cpu}, ${environment.memoryMiB} MiB RAM`,
  )
  const results: Record<string, unknown> = { version: 1, environment }
  const datasets = await loadDatasets()

  await timed(
    '1. Shard balance on real timing data (makespan / lower bound)',
    results,
    'balance',
    () => runBalance(datasets, print),
  )
  await timed('2. Planning speed (synthetic, log-normal durations)', results, 'speed', () =>
    runSpeed(print),
  )
  await timed(
    '2b. Whole-process planning: the bundled CLI against a plain LPT script',
    results,
    'processSpeed',
    () => runProcessSpeed(print),
  )
  await timed('3. JUnit parse throughput and memory (generated reports)', results, 'junit', () =>
    runJunit(print),
  )
  await timed(
    '4. Estimates for new items: 10% of the timings hidden (true makespan / lower bound)',
    results,
    'estimator',
    () => runEstimator(datasets, print),
  )

  await timed('5. Combine: verdict, timings history and coverage merges', results, 'combine', () =>
    runCombine(print),
  )
  await timed(
    '6. What shardwise run adds, and the example suite serial vs sharded',
    results,
    'overhead',
    () => runOverhead(print),
  )
  await timed(
    "8. Real-runner suites: Shardwise against the runners' own --shard",
    results,
    'suites',
    () => runSuites(print),
  )

  await timed(
    '7. Hostile inputs: quadratic-prone parses, and output to a slow reader',
    results,
    'hostile',
    () => runHostile(print),
  )

  const totalSeconds = (performance.now() - started) / 1000
  results.totalSeconds = totalSeconds
  const out = fileURLToPath(new URL('./results.json', import.meta.url))
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`)
  print(`\nTotal ${fixed(totalSeconds, 1)} s. Figures written to bench/results.json.`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})

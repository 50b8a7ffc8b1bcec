/**
 * Child process of section 3: reads one JUnit file and prints one JSON line with the figures.
 * A fresh process per measurement keeps peak RSS free of what the rest of the benchmark
 * allocated. Usage: node --expose-gc --import tsx bench/junit-worker.ts parse|read <file>
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { TextDecoder } from 'node:util'
import { JunitParser } from '../src/core/formats/junit.js'
import { streamJunit } from '../src/adapters/timings-files.js'

export interface WorkerResult {
  readonly mode: 'parse' | 'read'
  readonly bytes: number
  readonly ms: number
  readonly baselineRss: number
  readonly baselineHeap: number
  readonly peakRss: number
  readonly peakHeap: number
  readonly samples: number
  /** Heap used after a full gc once the parse is done, with its summary still referenced. */
  readonly heapAfterGc: number
  readonly rssAfterGc: number
  readonly cases: number
  readonly files: number
  readonly tests: number
  readonly untimed: number
  readonly statusCounts: Record<string, number>
  readonly warnings: number
  readonly partial: boolean
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run with node --expose-gc')
  collect()
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2)
  if ((mode !== 'parse' && mode !== 'read') || path === undefined) {
    throw new Error('usage: junit-worker.ts parse|read <file>')
  }
  const bytes = (await stat(path)).size
  gc()
  const baseline = process.memoryUsage()
  let peakRss = baseline.rss
  let peakHeap = baseline.heapUsed
  let samples = 0
  const sample = () => {
    const usage = process.memoryUsage()
    samples++
    if (usage.rss > peakRss) peakRss = usage.rss
    if (usage.heapUsed > peakHeap) peakHeap = usage.heapUsed
  }
  const timer = setInterval(sample, 50)
  const started = performance.now()
  let summary: ReturnType<JunitParser['end']> | undefined
  try {
    if (mode === 'parse') {
      const parser = new JunitParser(path)
      await streamJunit(path, parser)
      summary = parser.end()
    } else {
      // The I/O floor: the same 1 MiB reads and UTF-8 decoding, no parsing.
      const decoder = new TextDecoder('utf-8')
      let chars = 0
      for await (const chunk of createReadStream(path, {
        highWaterMark: 1 << 20,
      }) as AsyncIterable<Buffer>) {
        chars += decoder.decode(chunk, { stream: true }).length
      }
      chars += decoder.decode().length
      if (chars < 0) throw new Error('unreachable')
    }
  } finally {
    clearInterval(timer)
  }
  const ms = performance.now() - started
  sample()
  gc()
  const after = process.memoryUsage()
  const result: WorkerResult = {
    mode,
    bytes,
    ms,
    baselineRss: baseline.rss,
    baselineHeap: baseline.heapUsed,
    peakRss,
    peakHeap,
    samples,
    heapAfterGc: after.heapUsed,
    rssAfterGc: after.rss,
    cases: summary?.cases ?? 0,
    files: summary?.run.files.size ?? 0,
    tests: summary?.run.tests.size ?? 0,
    untimed: summary?.run.untimed.size ?? 0,
    statusCounts: { ...(summary?.statusCounts ?? {}) },
    warnings: summary?.warnings.length ?? 0,
    partial: summary?.partial !== undefined,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})

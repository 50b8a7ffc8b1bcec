/**
 * Section 7: hostile and oversized inputs (issue 9). Parse time of a cypress-split file that
 * lists one spec 40,000 times and of a JUnit report nested 20,000 suites deep (both were
 * quadratic: 50 s and 31 s), and the peak memory of `shardwise run` when the test command
 * prints BENCH_PIPE_MB (default 1024) MiB to a reader slower than it.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { JunitParser, parseJunit } from '../src/core/formats/junit.js'
import { parseCypressSplit } from '../src/core/formats/text-formats.js'
import { fixed, median, table } from './lib.js'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

function timeMs(work: () => unknown, repeats = 3): number {
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return median(times)
}

export function cypressRepeated(entries: number): {
  durations: { spec: string; duration: number }[]
} {
  return {
    durations: Array.from({ length: entries }, (_, i) => ({
      spec: 'cypress/e2e/one.cy.ts',
      duration: 1000 + (i % 97),
    })),
  }
}

/** `levels` suites each inside the last, each with one test case: about 90 bytes a level. */
export function junitNested(levels: number): string {
  const parts = ['<testsuites>']
  for (let i = 0; i < levels; i++)
    parts.push(
      `<testsuite name="Suite${i}" time="1.5"><testcase classname="pkg.Class${i}" name="test${i}" time="0.5"/>`,
    )
  for (let i = 0; i < levels; i++) parts.push('</testsuite>')
  parts.push('</testsuites>')
  return parts.join('')
}

/** Peak resident memory (VmHWM) of a process, read until it exits. */
function watchPeakRss(pid: number): { stop(): number } {
  let peak = 0
  const read = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      if (kb !== undefined) peak = Math.max(peak, Number(kb) * 1024)
    } catch {
      // Gone.
    }
  }
  const timer = setInterval(read, 50)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}

interface PipeFigures {
  readonly outputMiB: number
  readonly exitCode: number | null
  readonly receivedMiB: number
  readonly seconds: number
  readonly peakRssMiB: number
}

/** `shardwise run` (source, through tsx) printing `mib` MiB to a reader that keeps pausing. */
export async function slowReader(mib: number): Promise<PipeFigures> {
  const temp = await mkdtemp(join(tmpdir(), 'shardwise-bench-pipe-'))
  try {
    await writeFile(join(temp, 'a.test.js'), '')
    const plan = join(temp, 'plan.json')
    await writeFile(
      plan,
      JSON.stringify({ version: 1, shards: [{ index: 1, items: ['a.test.js'] }] }),
    )
    const printer = [
      "const chunk = ('x'.repeat(63) + '\\n').repeat(16384)",
      'let n = 0',
      `const go = () => { while (n < ${mib}) { n++; if (!process.stdout.write(chunk)) return process.stdout.once('drain', go) } }`,
      'go()',
    ].join(';')
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsx,
        join(ROOT, 'src/cli-main.ts'),
        'run',
        '--plan',
        plan,
        '--shard',
        '1',
        '--results-dir',
        join(temp, 'result'),
        '--',
        process.execPath,
        '-e',
        printer,
      ],
      { cwd: temp, stdio: ['ignore', 'pipe', 'ignore'] },
    )
    const rss = watchPeakRss(child.pid ?? 0)
    let received = 0
    // The reader takes 1 MiB, then looks away for 10 ms: at most 100 MiB/s.
    let sinceBreak = 0
    child.stdout.on('data', (chunk: Buffer) => {
      received += chunk.length
      sinceBreak += chunk.length
      if (sinceBreak >= 1024 * 1024) {
        sinceBreak = 0
        child.stdout.pause()
        setTimeout(() => child.stdout.resume(), 10)
      }
    })
    const exitCode = await new Promise<number | null>((done) => child.once('close', done))
    return {
      outputMiB: mib,
      exitCode,
      receivedMiB: received / 2 ** 20,
      seconds: (performance.now() - started) / 1000,
      peakRssMiB: rss.stop() / 2 ** 20,
    }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

export async function runHostile(print: (text: string) => void): Promise<Record<string, unknown>> {
  const cypress = cypressRepeated(40_000)
  const cypressMs = timeMs(() => parseCypressSplit('bench', cypress, {}))
  const nested = junitNested(20_000)
  const junitMs = timeMs(() => parseJunit('bench', nested))
  const nestedChunked = timeMs(() => {
    // Streamed in 64 KiB pieces, as files are read.
    const parser = new JunitParser('bench')
    for (let i = 0; i < nested.length; i += 65536) parser.write(nested.slice(i, i + 65536))
    parser.end()
  })
  // A million numeric character references in failure text (THREATS D3), and a ten-level
  // billion laughs (D2), rejected before any expansion.
  const refs = `<testsuite name="a.test.ts"><testcase name="big" time="2"><failure message="${'&#65;'.repeat(200_000)}">${'&#65;'.repeat(1_000_000)}</failure></testcase></testsuite>`
  const refsMs = timeMs(() => parseJunit('bench', refs))
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [${Array.from({ length: 10 }, (_, i) =>
    i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
  ).join('')}]><testsuite name="a"><testcase name="&lol9;"/></testsuite>`
  const laughsMs = timeMs(() => {
    try {
      parseJunit('bench', laughs)
    } catch {
      // Rejected, as it must be.
    }
  })
  print(
    table(
      [{ title: 'input', align: 'left' }, { title: 'size' }, { title: 'parse ms (median of 3)' }],
      [
        [
          'cypress-split: one spec listed 40,000 times',
          `${fixed(JSON.stringify(cypress).length / 2 ** 20, 1)} MiB`,
          fixed(cypressMs, 0),
        ],
        [
          'JUnit: 20,000 nested <testsuite> levels',
          `${fixed(nested.length / 2 ** 20, 1)} MiB`,
          fixed(junitMs, 0),
        ],
        ['  the same, streamed in 64 KiB chunks', '', fixed(nestedChunked, 0)],
        [
          'JUnit: 1,000,000 numeric character references',
          `${fixed(refs.length / 2 ** 20, 1)} MiB`,
          fixed(refsMs, 0),
        ],
        ['JUnit: ten-level billion laughs (rejected)', `${laughs.length} B`, fixed(laughsMs, 0)],
      ],
    ),
  )
  const mib = Number(process.env.BENCH_PIPE_MB ?? 1024)
  const pipe = await slowReader(mib)
  print('')
  print(
    table(
      [
        { title: 'shardwise run output', align: 'left' },
        { title: 'received MiB' },
        { title: 'exit' },
        { title: 'seconds' },
        { title: 'peak RSS MiB' },
      ],
      [
        [
          `${mib} MiB to a reader at ≤ 100 MiB/s`,
          fixed(pipe.receivedMiB, 0),
          String(pipe.exitCode),
          fixed(pipe.seconds, 1),
          fixed(pipe.peakRssMiB, 0),
        ],
      ],
    ),
  )
  return {
    cypressRepeated40k: { ms: cypressMs },
    junitNested20k: { bytes: nested.length, ms: junitMs, chunkedMs: nestedChunked },
    junitNumericReferences: { bytes: refs.length, ms: refsMs },
    junitBillionLaughs: { ms: laughsMs },
    slowReader: pipe,
  }
}

/**
 * Section 3: JUnit parse throughput and memory. Generates large, text-heavy JUnit reports in
 * os.tmpdir() with streamed writes, then measures each in a fresh child process (see
 * junit-worker.ts). The generated files are always deleted.
 */
import { execFile } from 'node:child_process'
import { createWriteStream, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { fixed, mib, mulberry32, table } from './lib.js'
import type { WorkerResult } from './junit-worker.js'

const run = promisify(execFile)

export interface GeneratedReport {
  readonly path: string
  readonly bytes: number
  readonly suites: number
  readonly cases: number
  readonly failed: number
  readonly skipped: number
  /** Bytes inside CDATA blocks and escaped text nodes: what a parser must skip. */
  readonly textBytes: number
  readonly ms: number
}

export interface JunitCase {
  readonly label: string
  readonly generated: Omit<GeneratedReport, 'path'>
  readonly read: WorkerResult
  readonly parse: WorkerResult
  readonly parseMiBPerSecond: number
  readonly readMiBPerSecond: number
  readonly problems: readonly string[]
}

const WORDS =
  'at the of request handler render component fixture database query timeout retry expected received value buffer stream module loaded cache miss hit warn info debug trace user session token parse config'.split(
    ' ',
  )

/** Log-like lines; CDATA may hold raw markup, which the parser must not read as tags. */
function logBlock(random: () => number, bytes: number): string {
  const lines: string[] = []
  let size = 0
  let n = 0
  while (size < bytes) {
    const words: string[] = []
    const count = 6 + Math.floor(random() * 12)
    for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!)
    let line = `[${String(n++).padStart(5, '0')}] ${words.join(' ')}`
    if (random() < 0.1) line += ' <div class="x">rendered & "quoted" </div> if (a < b && c > d) {}'
    if (random() < 0.02) line += ' ]] ]> almost-terminators'
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n')
}

/** Escaped text for element content: every `<`, `>`, `&`, quote written as an entity. */
function escapedBlock(random: () => number, bytes: number): string {
  return logBlock(random, bytes)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function pick<T>(random: () => number, pool: readonly T[]): T {
  return pool[Math.floor(random() * pool.length)]!
}

/**
 * Writes a jest-junit–like report of about `targetBytes`: suites of ~20 cases, most cases with
 * a few KiB of CDATA `<system-out>`, ~5% failing with an entity-laden message and an escaped
 * stack, ~3% skipped, and a larger suite-level `<system-out>` and escaped `<system-err>`.
 */
export async function generateReport(
  path: string,
  targetBytes: number,
  seed: number,
  textScale = 1,
): Promise<GeneratedReport> {
  const started = performance.now()
  const random = mulberry32(seed)
  const scaled = (bytes: number) => Math.round(bytes * textScale)
  const outs = Array.from({ length: 48 }, (_, i) =>
    logBlock(random, scaled(1024 + ((i * 331) % 7) * 1024)),
  )
  const suiteOuts = Array.from({ length: 16 }, (_, i) =>
    logBlock(random, scaled(12_000 + i * 1500)),
  )
  const stacks = Array.from({ length: 16 }, () =>
    escapedBlock(random, scaled(1500 + Math.floor(random() * 2000))),
  )
  const errs = Array.from({ length: 16 }, () =>
    escapedBlock(random, scaled(2000 + Math.floor(random() * 3000))),
  )
  const stream = createWriteStream(path, { highWaterMark: 1 << 20 })
  const write = (text: string): Promise<void> | undefined =>
    stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', resolve))
  let bytes = 0
  let textBytes = 0
  let suites = 0
  let cases = 0
  let failed = 0
  let skipped = 0
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="jest tests" tests="0" time="0">\n'
  bytes += Buffer.byteLength(head)
  await write(head)
  const tail = '</testsuites>\n'
  while (bytes + tail.length < targetBytes) {
    const file = `packages/pkg${suites % 41}/src/__tests__/feature_${suites}.test.ts`
    const caseCount = 10 + Math.floor(random() * 21)
    const parts: string[] = []
    let suiteTime = 0
    let suiteFailures = 0
    let suiteSkipped = 0
    for (let c = 0; c < caseCount; c++) {
      const seconds = Math.round(Math.exp(-3 + 1.3 * (random() + random() - 1) * 2) * 1000) / 1000
      suiteTime += seconds
      const roll = random()
      const attrs = `classname="Feature ${suites} &gt; parser &amp; lexer" name="handles &lt;input&gt; case ${c} &quot;${pick(random, WORDS)}&quot;" time="${seconds}" file="${file}"`
      if (roll < 0.03) {
        parts.push(`    <testcase ${attrs}>\n      <skipped/>\n    </testcase>\n`)
        suiteSkipped++
      } else if (roll < 0.08) {
        const stack = pick(random, stacks)
        textBytes += stack.length
        parts.push(
          `    <testcase ${attrs}>\n      <failure message="expect(received).toEqual(expected) &#x2F;&#x2F; &lt;${c}&gt; !== &quot;${c + 1}&quot; &amp; more" type="AssertionError">${stack}</failure>\n    </testcase>\n`,
        )
        suiteFailures++
      } else {
        const out = pick(random, outs)
        textBytes += out.length
        parts.push(
          `    <testcase ${attrs}>\n      <system-out><![CDATA[${out}]]></system-out>\n    </testcase>\n`,
        )
      }
    }
    const suiteOut = pick(random, suiteOuts)
    const suiteErr = pick(random, errs)
    textBytes += suiteOut.length + suiteErr.length
    const suite =
      `  <testsuite name="${file}" file="${file}" tests="${caseCount}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="${fixed(suiteTime + 0.5, 3)}" timestamp="2024-01-01T00:00:00">\n` +
      `    <properties><property name="ci" value="true"/></properties>\n` +
      parts.join('') +
      `    <system-out><![CDATA[${suiteOut}]]></system-out>\n` +
      `    <system-err>${suiteErr}</system-err>\n` +
      `  </testsuite>\n`
    bytes += Buffer.byteLength(suite)
    suites++
    cases += caseCount
    failed += suiteFailures
    skipped += suiteSkipped
    await write(suite)
  }
  bytes += tail.length
  await write(tail)
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject)
    stream.end(resolve)
  })
  return { path, bytes, suites, cases, failed, skipped, textBytes, ms: performance.now() - started }
}

const workerPath = fileURLToPath(new URL('./junit-worker.ts', import.meta.url))

async function measure(mode: 'parse' | 'read', path: string): Promise<WorkerResult> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', workerPath, mode, path],
    {
      maxBuffer: 1 << 20,
    },
  )
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as WorkerResult
}

export async function runJunit(print: (text: string) => void): Promise<JunitCase[]> {
  const bigMiB = Number(process.env.BENCH_JUNIT_MB ?? '500')
  if (!Number.isFinite(bigMiB) || bigMiB <= 0)
    throw new Error(
      `BENCH_JUNIT_MB must be a positive number of MiB, got ${process.env.BENCH_JUNIT_MB}`,
    )
  const sizes = [
    { label: `${fixed(bigMiB, 0)} MiB`, mib: bigMiB, textScale: 1 },
    { label: '50 MiB', mib: 50, textScale: 1 },
    // As many cases as the 50 MiB report, each with (big/50)× the text: what grows is text only.
    {
      label: `${fixed(bigMiB, 0)} MiB, text ×${fixed(bigMiB / 50, 0)}`,
      mib: bigMiB,
      textScale: bigMiB / 50,
    },
  ]
  const dir = await mkdtemp(join(tmpdir(), 'shardwise-bench-'))
  const cleanup = () => {
    rmSync(dir, { recursive: true, force: true })
  }
  // Also on Ctrl-C or a kill while a report is being written or read.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup()
    process.kill(process.pid, signal)
  }
  process.once('exit', cleanup)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const cases: JunitCase[] = []
  try {
    for (const [i, size] of sizes.entries()) {
      const path = join(dir, `report-${i}.xml`)
      const generated = await generateReport(path, size.mib * 1024 * 1024, 1000 + i, size.textScale)
      const read = await measure('read', path)
      const parse = await measure('parse', path)
      rmSync(path, { force: true })
      const problems: string[] = []
      if (parse.cases !== generated.cases)
        problems.push(`parsed ${parse.cases} cases, wrote ${generated.cases}`)
      if (parse.files !== generated.suites)
        problems.push(`parsed ${parse.files} file times, wrote ${generated.suites} suites`)
      if ((parse.statusCounts.failed ?? 0) !== generated.failed)
        problems.push(
          `parsed ${parse.statusCounts.failed ?? 0} failures, wrote ${generated.failed}`,
        )
      if ((parse.statusCounts.skipped ?? 0) !== generated.skipped)
        problems.push(
          `parsed ${parse.statusCounts.skipped ?? 0} skipped, wrote ${generated.skipped}`,
        )
      if (parse.partial) problems.push('the parser reported the document as truncated')
      cases.push({
        label: size.label,
        generated: {
          bytes: generated.bytes,
          suites: generated.suites,
          cases: generated.cases,
          failed: generated.failed,
          skipped: generated.skipped,
          textBytes: generated.textBytes,
          ms: generated.ms,
        },
        read,
        parse,
        parseMiBPerSecond: mib(parse.bytes) / (parse.ms / 1000),
        readMiBPerSecond: mib(read.bytes) / (read.ms / 1000),
        problems,
      })
    }
  } finally {
    cleanup()
    process.removeListener('exit', cleanup)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
  print(
    table(
      [
        { title: 'report', align: 'left' },
        { title: 'size (MiB)' },
        { title: 'text share (%)' },
        { title: 'suites (n)' },
        { title: 'cases (n)' },
        { title: 'write (s)' },
        { title: 'read only (MiB/s)' },
        { title: 'parse (s)' },
        { title: 'parse (MiB/s)' },
        { title: 'RSS before (MiB)' },
        { title: 'read-only peak RSS (MiB)' },
        { title: 'peak RSS (MiB)' },
        { title: 'peak heap (MiB)' },
        { title: 'heap after gc (MiB)' },
      ],
      cases.map((c) => [
        c.label,
        fixed(mib(c.generated.bytes), 1),
        fixed((100 * c.generated.textBytes) / c.generated.bytes, 1),
        String(c.generated.suites),
        String(c.generated.cases),
        fixed(c.generated.ms / 1000, 2),
        fixed(c.readMiBPerSecond, 0),
        fixed(c.parse.ms / 1000, 2),
        fixed(c.parseMiBPerSecond, 0),
        fixed(mib(c.parse.baselineRss), 1),
        fixed(mib(c.read.peakRss), 1),
        fixed(mib(c.parse.peakRss), 1),
        fixed(mib(c.parse.peakHeap), 1),
        fixed(mib(c.parse.heapAfterGc), 1),
      ]),
    ),
  )
  print(
    'Each measurement runs in a fresh `node --expose-gc --import tsx` process: "read only" streams and\n' +
      'decodes the file in 1 MiB chunks without parsing (the I/O floor, from the page cache); "parse" is\n' +
      'streamJunit + JunitParser.end(). RSS is sampled every 50 ms; "heap after gc" is measured after\n' +
      'global.gc() with the parse summary (all ids and durations) still referenced.',
  )
  const problems = cases.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`))
  print(
    problems.length === 0
      ? 'Parsed counts match what was written (cases, file times, failures, skipped).'
      : `Problems:\n  ${problems.join('\n  ')}`,
  )
  return cases
}

/**
 * Section 2b: planning as a user runs it, one whole process each time. The bundled CLI
 * (`node dist/cli/index.js plan --timings t.json --shards 256 --format json > plan.json`)
 * against bench/plain-lpt.mjs, a dependency-free LPT script that reads the same file, sorts,
 * fills a heap and writes a plan JSON of the same size. Runs are interleaved (the order flips
 * every round) and medians reported, since other work on the machine moves single timings.
 * Peak RSS and CPU time come from each child itself (bench/usage-on-exit.mjs, preloaded into
 * both), wall time from spawning to exit.
 *
 * The timings file is a flat `{ "<path>": seconds }` map (Knapsack's and pytest-split's
 * shape) of log-normal durations rounded to the millisecond, ids in generation order (not
 * sorted). Targets (issue 8): the CLI no slower than the script at 100 000 items into 256
 * shards; 1 000 000 items in ≤ 10 s and ≤ 600 MB.
 *
 * dist/ is measured as it is: run `npm run bundle` first after changing src/.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixed, logNormalFrom, median, mib, mulberry32, table } from './lib.js'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const CLI = join(ROOT, 'dist/cli/index.js')
const PLAIN = join(ROOT, 'bench/plain-lpt.mjs')
const USAGE_HOOK = join(ROOT, 'bench/usage-on-exit.mjs')
const SHARDS = 256
const TARGET_SECONDS_1M = 10
const TARGET_MIB_1M = 600

interface Measurement {
  readonly wallSeconds: number
  readonly cpuSeconds: number
  readonly maxRssMiB: number
}

export interface Summary {
  readonly wallSeconds: { readonly median: number; readonly runs: readonly number[] }
  /** Median user + system CPU time. */
  readonly cpuSeconds: number
  /** The largest peak RSS over the runs. */
  readonly maxRssMiB: number
  readonly outputBytes: number
}

export interface ProcessCase {
  readonly items: number
  readonly shards: number
  readonly runs: number
  readonly timingsBytes: number
  readonly cli: Summary
  readonly plain: Summary
  /** Median CLI wall time / median script wall time. */
  readonly wallRatio: number
  readonly cpuRatio: number
  readonly problems: readonly string[]
}

export interface ProcessResult {
  readonly distIsStale: boolean
  readonly cases: readonly ProcessCase[]
}

/** `count` ids with log-normal seconds (median 1 s), written as a flat JSON map. */
async function writeTimings(path: string, count: number, seed: number): Promise<number> {
  const duration = logNormalFrom(mulberry32(seed), 0, 1.2)
  const lines: string[] = []
  for (let n = 0; n < count; n++) {
    const seconds = Math.round(duration() * 1000) / 1000 || 0.001
    lines.push(`  ${JSON.stringify(`pkg${n % 300}/dir${n % 37}/test_${n}.py`)}: ${seconds}`)
  }
  const text = `{\n${lines.join(',\n')}\n}\n`
  await writeFile(path, text)
  return Buffer.byteLength(text)
}

/** Runs `node <argv>` (stdout to `stdoutFile` when given) and reads what it used. */
function measure(
  argv: readonly string[],
  stdoutFile: string | undefined,
  usageFile: string,
): Measurement {
  const stdout = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w')
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', USAGE_HOOK, ...argv], {
    env: { ...process.env, SHARDWISE_BENCH_USAGE: usageFile },
    stdio: ['ignore', stdout, 'pipe'],
  })
  const wallSeconds = (performance.now() - started) / 1000
  if (typeof stdout === 'number') closeSync(stdout)
  if (result.status !== 0) {
    throw new Error(
      `node ${argv.join(' ')} exited with ${String(result.status)}: ${String(result.stderr)}`,
    )
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage
  return {
    wallSeconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMiB: usage.maxRSS / 1024,
  }
}

function summarize(list: readonly Measurement[], output: string): Summary {
  const walls = list.map((m) => m.wallSeconds)
  return {
    wallSeconds: { median: median(walls), runs: walls },
    cpuSeconds: median(list.map((m) => m.cpuSeconds)),
    maxRssMiB: Math.max(...list.map((m) => m.maxRssMiB)),
    outputBytes: statSync(output).size,
  }
}

/** What is wrong with a plan file: not every item once, or not `SHARDS` shards. */
function checkPlan(label: string, path: string, items: number): string[] {
  const plan = JSON.parse(readFileSync(path, 'utf8')) as { shards: { items: string[] }[] }
  const planned = plan.shards.flatMap((s) => s.items)
  const problems: string[] = []
  if (plan.shards.length !== SHARDS) problems.push(`${label}: ${plan.shards.length} shards`)
  if (planned.length !== items || new Set(planned).size !== items) {
    problems.push(`${label}: ${planned.length} items planned, ${items} expected once each`)
  }
  return problems
}

async function compare(
  dir: string,
  items: number,
  runs: number,
  seed: number,
): Promise<ProcessCase> {
  const timings = join(dir, `timings-${items}.json`)
  const timingsBytes = await writeTimings(timings, items, seed)
  const cliOut = join(dir, `cli-${items}.json`)
  const plainOut = join(dir, `plain-${items}.json`)
  const usage = join(dir, 'usage.json')
  const cli: Measurement[] = []
  const plain: Measurement[] = []
  const cliArgv = [
    CLI,
    'plan',
    '--timings',
    timings,
    '--shards',
    String(SHARDS),
    '--format',
    'json',
  ]
  const runCli = () => cli.push(measure(cliArgv, cliOut, usage))
  const runPlain = () =>
    plain.push(measure([PLAIN, timings, String(SHARDS), plainOut], undefined, usage))
  for (let round = 0; round < runs; round++) {
    if (round % 2 === 0) {
      runCli()
      runPlain()
    } else {
      runPlain()
      runCli()
    }
  }
  const cliSummary = summarize(cli, cliOut)
  const plainSummary = summarize(plain, plainOut)
  return {
    items,
    shards: SHARDS,
    runs,
    timingsBytes,
    cli: cliSummary,
    plain: plainSummary,
    wallRatio: cliSummary.wallSeconds.median / plainSummary.wallSeconds.median,
    cpuRatio: cliSummary.cpuSeconds / plainSummary.cpuSeconds,
    problems: [...checkPlan('CLI', cliOut, items), ...checkPlan('script', plainOut, items)],
  }
}

/** Whether a source file is newer than the bundle: then the bundle measured is not src/. */
async function distIsStale(): Promise<boolean> {
  if (!existsSync(CLI)) return true
  const built = statSync(CLI).mtimeMs
  const sources = await readdir(join(ROOT, 'src'), { recursive: true })
  return sources
    .map(String)
    .filter((name) => name.endsWith('.ts'))
    .some((name) => statSync(join(ROOT, 'src', name)).mtimeMs > built)
}

export async function runProcessSpeed(print: (text: string) => void): Promise<ProcessResult> {
  const stale = await distIsStale()
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run bundle\` first`)
  if (stale)
    print(
      'WARNING: src/ is newer than dist/cli: these figures are of the old bundle (run `npm run bundle`).',
    )
  const dir = await mkdtemp(join(tmpdir(), 'shardwise-bench-plan-'))
  const cases: ProcessCase[] = []
  try {
    cases.push(await compare(dir, 100_000, Number(process.env.BENCH_PLAN_RUNS ?? 7), 11))
    cases.push(await compare(dir, 1_000_000, Number(process.env.BENCH_PLAN_RUNS_1M ?? 3), 12))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const row = (c: ProcessCase, who: 'cli' | 'plain', label: string): string[] => {
    const s = c[who]
    return [
      `${c.items.toLocaleString('en')} → ${c.shards}`,
      label,
      fixed(s.wallSeconds.median, 2),
      `${fixed(Math.min(...s.wallSeconds.runs), 2)}–${fixed(Math.max(...s.wallSeconds.runs), 2)}`,
      fixed(s.cpuSeconds, 2),
      fixed(s.maxRssMiB, 0),
      fixed(mib(s.outputBytes), 1),
      who === 'cli' ? `${fixed(c.wallRatio, 2)} / ${fixed(c.cpuRatio, 2)}` : '',
    ]
  }
  print(
    table(
      [
        { title: 'items → shards', align: 'left' },
        { title: 'process', align: 'left' },
        { title: 'wall median (s)' },
        { title: 'wall min–max (s)' },
        { title: 'CPU median (s)' },
        { title: 'peak RSS (MiB)' },
        { title: 'plan JSON (MiB)' },
        { title: 'CLI/script wall / CPU (×)' },
      ],
      cases.flatMap((c) => [
        row(c, 'cli', 'shardwise plan (dist/cli)'),
        row(c, 'plain', 'plain LPT script'),
      ]),
    ),
  )
  const big = cases.find((c) => c.items === 1_000_000)
  const small = cases.find((c) => c.items === 100_000)
  if (small) {
    print(
      `100 000 items: the CLI takes ${fixed(small.wallRatio, 2)}× the script's wall time (target ≤ 1.00; ${small.runs} interleaved runs each).`,
    )
  }
  if (big) {
    print(
      `1 000 000 items: the CLI takes ${fixed(big.cli.wallSeconds.median, 1)} s (target ≤ ${TARGET_SECONDS_1M}) and at most ${fixed(big.cli.maxRssMiB, 0)} MiB (target ≤ ${TARGET_MIB_1M}).`,
    )
  }
  print(
    'Wall time from spawn to exit; CPU = user + system of the child; peak RSS = its maxRSS. The timings\n' +
      'file is a flat JSON map of log-normal times (ids unsorted); the CLI writes its plan to a file\n' +
      'through stdout (`> plan.json`), the script with writeFileSync.',
  )
  const problems = cases.flatMap((c) => c.problems)
  if (problems.length > 0) print(`Problems:\n  ${problems.join('\n  ')}`)
  return { distIsStale: stale, cases }
}

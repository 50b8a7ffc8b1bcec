/**
 * Section 8: Shardwise against the runners' own split, on suites whose cost sits where real
 * suites put it (test/fixtures/suites: Jest with a ts-jest-like warm-up, Vitest with jsdom,
 * pytest with slow module fixtures). Real runners, real processes, shards run one at a time
 * (each with the whole machine, as each CI job has its own).
 *
 * Per suite: two learning runs of `shardwise test --shards K --parallel 1`; then REPS rounds,
 * each the runner's own `--shard i/K` (all K shards) and `shardwise test` back to back, in
 * alternating order; one serial run of the bare command, and at the end one job as the
 * report's estimate means it (`shardwise test --shards 1`). Printed: the makespan ratio
 * Shardwise / built-in, the median |predicted − actual| / actual per shard, and the speed-up
 * the report claims next to the ones measured against both kinds of one job.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixed, median, table } from './lib.js'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const CLI = join(ROOT, 'dist/cli/index.js')
const SHARDS = Number(process.env.BENCH_SUITE_SHARDS ?? 4)
const REPS = Number(process.env.BENCH_SUITE_REPS ?? 3)

interface Suite {
  readonly name: string
  readonly dir: string
  /** Where its files come from: a fixture of this repository, or a real suite made here. */
  readonly prepare?: (into: string) => Promise<boolean>
  /** The test command Shardwise is given. */
  readonly command: readonly string[]
  /** The runner's own split: the command for shard i of k (1-based). */
  readonly builtin: (i: number, k: number, files: readonly string[]) => string[]
  readonly builtinLabel: string
  readonly glob: string
}

/**
 * pytest has no split of its own; plugins such as pytest-shard assign by a hash. This one
 * mirrors what Jest and Vitest do by file: sort the files by a hash of their path, then cut the
 * list into k runs of equal count.
 */
function hashChunks(files: readonly string[], i: number, k: number): string[] {
  const sorted = [...files].sort((a, b) => {
    const ha = createHash('sha1').update(a).digest('hex')
    const hb = createHash('sha1').update(b).digest('hex')
    return ha < hb ? -1 : ha > hb ? 1 : 0
  })
  const size = Math.ceil(sorted.length / k)
  return sorted.slice((i - 1) * size, i * size)
}

const SUITES: readonly Suite[] = [
  {
    name: 'jest + ts-jest-like warm-up',
    dir: 'jest-ts',
    command: ['node_modules/.bin/jest'],
    builtin: (i, k) => ['node_modules/.bin/jest', `--shard=${i}/${k}`],
    builtinLabel: 'jest --shard',
    glob: 'tests/**/*.test.js',
  },
  {
    name: 'vitest + jsdom',
    dir: 'vitest-jsdom',
    command: ['node_modules/.bin/vitest', 'run'],
    builtin: (i, k) => ['node_modules/.bin/vitest', 'run', `--shard=${i}/${k}`],
    builtinLabel: 'vitest --shard',
    glob: 'tests/**/*.test.js',
  },
  {
    // A real suite: networkx's own tests, as pip installs them (site-packages), five of its
    // test directories (about 70 files, 2,600 tests). Run only where networkx is installed.
    name: 'networkx (real, pytest)',
    dir: 'networkx',
    prepare: async (into) => {
      const found = spawnSync(
        'python3',
        ['-c', 'import networkx, os; print(os.path.dirname(networkx.__file__))'],
        {
          encoding: 'utf8',
        },
      )
      const source = found.stdout.trim()
      if (found.status !== 0 || source === '') return false
      await cp(source, join(into, 'networkx'), {
        recursive: true,
        filter: (path) => !/[\\/]__pycache__$/.test(path),
      })
      await writeFile(
        join(into, 'pytest.ini'),
        '[pytest]\ntestpaths = networkx/classes networkx/generators networkx/readwrite networkx/utils networkx/linalg\n',
      )
      return true
    },
    command: ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'],
    builtin: (i, k, files) => [
      'python3',
      '-m',
      'pytest',
      '-q',
      '-p',
      'no:cacheprovider',
      ...hashChunks(files, i, k),
    ],
    builtinLabel: 'hash split by file',
    glob: 'networkx/**/tests/test_*.py',
  },
  {
    name: 'pytest + module fixtures',
    dir: 'pytest-fixtures',
    command: ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'],
    builtin: (i, k, files) => [
      'python3',
      '-m',
      'pytest',
      '-q',
      '-p',
      'no:cacheprovider',
      ...hashChunks(files, i, k),
    ],
    builtinLabel: 'hash split by file',
    glob: 'tests/**/test_*.py',
  },
]

async function timedRun(argv: readonly string[], cwd: string): Promise<number> {
  const started = performance.now()
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(argv[0] ?? '', argv.slice(1), {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0' },
    })
    child.on('error', fail)
    child.on('close', done)
  })
  if (code !== 0) throw new Error(`${argv.join(' ')} exited with ${String(code)} in ${cwd}`)
  return (performance.now() - started) / 1000
}

/** The suite's test files (what the runner's own split divides), relative to its root. */
async function listFiles(dir: string, suffix: RegExp): Promise<string[]> {
  const top = (await readdir(dir)).includes('tests') ? 'tests' : 'networkx'
  const entries = await readdir(join(dir, top), { recursive: true })
  return entries
    .map(String)
    .filter((name) => suffix.test(name.split('/').pop() ?? ''))
    .filter(
      (name) =>
        top === 'tests' || /^(?:classes|generators|readwrite|utils|linalg)\/tests\//.test(name),
    )
    .map((name) => `${top}/${name}`)
    .sort()
}

interface ShardwiseRun {
  readonly predicted: number[]
  readonly actual: number[]
  readonly claimedSerial: number | undefined
}

/** One `shardwise test` run; the per-shard walls and predictions from its run directory. */
async function shardwiseRun(suite: Suite, dir: string, shards = SHARDS): Promise<ShardwiseRun> {
  await timedRun(
    [
      process.execPath,
      CLI,
      'test',
      '--shards',
      String(shards),
      '--parallel',
      '1',
      '--',
      ...suite.command,
    ],
    dir,
  )
  const runs = join(dir, '.shardwise', 'runs')
  const latest = (await readdir(runs)).sort().pop() ?? ''
  const plan = JSON.parse(await readFile(join(runs, latest, 'plan.json'), 'utf8')) as {
    shards: { index: number; items: string[]; predictedSeconds: number }[]
  }
  const report = JSON.parse(await readFile(join(runs, latest, 'report.json'), 'utf8')) as {
    time: { serialSeconds: number; serialBasis: string } | null
  }
  const predicted: number[] = []
  const actual: number[] = []
  for (const shard of plan.shards) {
    if (shard.items.length === 0) continue
    const result = JSON.parse(
      await readFile(join(runs, latest, `shard-${shard.index}`, 'shard-result.json'), 'utf8'),
    ) as { wallSeconds: number }
    predicted.push(shard.predictedSeconds)
    actual.push(result.wallSeconds)
  }
  return { predicted, actual, claimedSerial: report.time?.serialSeconds }
}

async function builtinRun(suite: Suite, dir: string, files: readonly string[]): Promise<number[]> {
  const walls: number[] = []
  for (let i = 1; i <= SHARDS; i++) walls.push(await timedRun(suite.builtin(i, SHARDS, files), dir))
  return walls
}

export async function runSuites(print: (text: string) => void): Promise<Record<string, unknown>> {
  const rows: string[][] = []
  const out: Record<string, unknown> = {}
  const chosen = process.env.BENCH_SUITES?.split(',')
  for (const suite of SUITES.filter((s) => chosen === undefined || chosen.includes(s.dir))) {
    const dir = await mkdtemp(join(tmpdir(), `shardwise-bench-${suite.dir}-`))
    try {
      if (suite.prepare === undefined) {
        await cp(join(ROOT, 'test/fixtures/suites', suite.dir), dir, {
          recursive: true,
          filter: (source) => !/[\\/](?:node_modules|__pycache__|\.shardwise)$/.test(source),
        })
      } else if (!(await suite.prepare(dir))) {
        print(`${suite.name}: skipped (not installed on this machine)`)
        rows.push([suite.name, suite.builtinLabel, 'skipped', '', '', '', '', '', '', '', ''])
        continue
      }
      await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
      print(`${suite.name}: serial run, 2 learning runs, then ${REPS} rounds of both splits…`)
      const files = await listFiles(
        dir,
        suite.dir.startsWith('pytest') ? /^test_.*\.py$/ : /\.test\.js$/,
      )
      // Warm the runners' own caches (transforms, bytecode) once, as CI's second run would be.
      const serial = await timedRun(suite.command, dir)
      const first = await shardwiseRun(suite, dir)
      const second = await shardwiseRun(suite, dir)
      const ratios: number[] = []
      const errors: number[] = []
      const claimed: number[] = []
      const measured: number[] = []
      const builtinMakespans: number[] = []
      const oursMakespans: number[] = []
      for (let rep = 0; rep < REPS; rep++) {
        // Alternate which goes first, so a drift of the machine favours neither.
        let builtin: number[]
        let ours: ShardwiseRun
        if (rep % 2 === 0) {
          builtin = await builtinRun(suite, dir, files)
          ours = await shardwiseRun(suite, dir)
        } else {
          ours = await shardwiseRun(suite, dir)
          builtin = await builtinRun(suite, dir, files)
        }
        const ourMakespan = Math.max(...ours.actual)
        const theirMakespan = Math.max(...builtin)
        builtinMakespans.push(theirMakespan)
        oursMakespans.push(ourMakespan)
        ratios.push(ourMakespan / theirMakespan)
        ours.actual.forEach((a, i) => errors.push(Math.abs((ours.predicted[i] ?? 0) - a) / a))
        if (ours.claimedSerial !== undefined) claimed.push(ours.claimedSerial / ourMakespan)
        measured.push(serial / ourMakespan)
      }
      // The one job the report's estimate describes: every file in one shard, as Shardwise
      // runs it (its reports and plugin included), after the rounds so as not to teach them.
      const oneJob = (await shardwiseRun(suite, dir, 1)).actual[0] ?? NaN
      const firstError = median(
        first.actual.map((a, i) => Math.abs((first.predicted[i] ?? 0) - a) / a),
      )
      const secondError = median(
        second.actual.map((a, i) => Math.abs((second.predicted[i] ?? 0) - a) / a),
      )
      rows.push([
        suite.name,
        suite.builtinLabel,
        fixed(median(builtinMakespans), 1),
        fixed(median(oursMakespans), 1),
        fixed(median(ratios), 3),
        fixed(Math.max(...ratios), 3),
        `${fixed(firstError * 100, 0)}% / ${fixed(secondError * 100, 0)}%`,
        `${fixed(median(errors) * 100, 1)}%`,
        `${fixed(median(claimed), 2)}×`,
        `${fixed(oneJob / median(oursMakespans), 2)}×`,
        `${fixed(median(measured), 2)}×`,
      ])
      out[suite.dir] = {
        serialSeconds: serial,
        oneShardSeconds: oneJob,
        builtinMakespans,
        shardwiseMakespans: oursMakespans,
        ratios,
        predictionErrors: errors,
        firstRunError: firstError,
        secondRunError: secondError,
        claimedSpeedups: claimed,
        measuredSpeedups: measured,
      }
      print(
        `${suite.name}: ratio ${fixed(median(ratios), 3)} (worst ${fixed(Math.max(...ratios), 3)}), prediction error ${fixed(median(errors) * 100, 1)}%`,
      )
    } catch (error) {
      // One suite that cannot run (a runner missing here) costs its row, not the others'.
      const message = error instanceof Error ? error.message : String(error)
      print(`${suite.name}: FAILED: ${message}`)
      rows.push([suite.name, suite.builtinLabel, 'failed', '', '', '', '', '', '', '', ''])
      out[suite.dir] = { error: message }
      process.exitCode = 1
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  print(
    `${SHARDS} shards, run one at a time; ${REPS} rounds after 2 learning runs; makespan = the longest shard's wall time.`,
  )
  print(
    table(
      [
        { title: 'suite', align: 'left' },
        { title: 'built-in split', align: 'left' },
        { title: 'built-in s' },
        { title: 'shardwise s' },
        { title: 'ratio (median)' },
        { title: 'ratio (worst)' },
        { title: 'pred. error run 1 / 2' },
        { title: 'pred. error after' },
        { title: 'claimed speed-up' },
        { title: 'measured: one shard' },
        { title: 'measured: plain serial' },
      ],
      rows,
    ),
  )
  print(
    "pred. error: median over shards of |predicted − actual| / actual. Speed-ups, one job over the longest shard: claimed, the report's estimate of one job (every file in one shard); measured, `shardwise test --shards 1` (the job the claim describes, with Shardwise's reports) and the bare test command.",
  )
  return out
}

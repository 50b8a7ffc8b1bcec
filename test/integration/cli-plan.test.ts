import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.js'
import { DATASETS_DIR } from '../support/timings.js'

const DATASETS = DATASETS_DIR

/**
 * A path no user can read or write, root included: a directory entry under a regular file
 * (ENOTDIR). Nothing is ever created there, unlike under a missing top-level directory,
 * which root may create.
 */
const SCRATCH = mkdtempSync(join(tmpdir(), 'shardwise-cli-plan-'))
const A_FILE = join(SCRATCH, 'a-file')
writeFileSync(A_FILE, '')
const UNREACHABLE = join(A_FILE, 'dir')
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }))

interface PlanJson {
  version: number
  shards: { index: number; items: string[]; predictedSeconds: number }[]
  lowerBoundSeconds: number
  predictedMakespanSeconds: number
  unknownItems: number
  estimatedItems: string[]
  itemCount: number
}

async function datasets(): Promise<string[]> {
  return (await readdir(DATASETS)).filter((name) => name !== 'README.md').sort()
}

describe('shardwise plan on the real datasets', async () => {
  for (const name of await datasets()) {
    for (const granularity of ['file', 'test', 'auto']) {
      it(`plans ${name} at ${granularity} granularity into 8 shards, every item once`, async () => {
        const result = await runCli([
          'plan',
          '--shards',
          '8',
          '--granularity',
          granularity,
          '--timings',
          join(DATASETS, name),
          '--format',
          'json',
        ])
        expect(result.code, result.stderr).toBe(0)
        const plan = JSON.parse(result.stdout) as PlanJson
        expect(plan.version).toBe(1)
        expect(plan.shards.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
        const items = plan.shards.flatMap((s) => s.items)
        expect(new Set(items).size).toBe(items.length)
        expect(items.length).toBe(plan.itemCount)
        if (plan.itemCount >= 8)
          for (const shard of plan.shards) expect(shard.items.length).toBeGreaterThan(0)
        expect(plan.predictedMakespanSeconds).toBeGreaterThanOrEqual(plan.lowerBoundSeconds - 0.002)
        expect(Math.max(...plan.shards.map((s) => s.predictedSeconds))).toBeCloseTo(
          plan.predictedMakespanSeconds,
          2,
        )
      })
    }
  }

  it('reads several timing files as several observations of the same tests', async () => {
    const result = await runCli([
      'plan',
      '--shards',
      '4',
      '--format',
      'json',
      '--timings',
      join(DATASETS, 'sanger__sequencescape__knapsack_rspec_report.json'),
      '--timings',
      join(DATASETS, 'sanger__sequencescape__knapsack_cucumber_report.json'),
    ])
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.stdout) as PlanJson
    expect(plan.itemCount).toBe(313 + 230)
  })
})

describe('shardwise plan on a repository', () => {
  let repo: string
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'shardwise-plan-'))
    await mkdir(join(repo, 'test/api'), { recursive: true })
    await mkdir(join(repo, 'test/ui'), { recursive: true })
    await mkdir(join(repo, 'node_modules/dep/test'), { recursive: true })
    for (const [path, bytes] of [
      ['test/api/users.test.ts', 4000],
      ['test/api/orders.test.ts', 2000],
      ['test/ui/button.test.ts', 500],
      ['test/ui/[id].test.ts', 800],
      ['test/ui/new file $(touch pwned).test.ts', 700],
      ['node_modules/dep/test/dep.test.ts', 100],
    ] as const) {
      await writeFile(join(repo, path), 'x'.repeat(bytes))
    }
    await symlink('/etc/hostname', join(repo, 'test/ui/escape.test.ts'))
    await symlink(join(repo, 'test/api/users.test.ts'), join(repo, 'test/ui/inside.test.ts'))
    await writeFile(
      join(repo, 'timings.json'),
      JSON.stringify({
        './test/api/users.test.ts': 40,
        'test\\api\\orders.test.ts': 20,
        'test/deleted.test.ts': 99,
      }),
    )
    await writeFile(join(repo, 'corrupt.json'), '{"files":{"a":1')
  })
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true })
  })

  it('plans the files the globs match, once each, skipping node_modules and symbolic links', async () => {
    const result = await runCli(
      [
        'plan',
        '--shards',
        '2',
        '--timings',
        'timings.json',
        '--format',
        'json',
        'test/**/*.test.ts',
        'test/api/*.ts',
      ],
      { cwd: repo },
    )
    expect(result.code, result.stderr).toBe(0)
    const plan = JSON.parse(result.stdout) as PlanJson
    expect(plan.shards.flatMap((s) => s.items).sort()).toEqual([
      'test/api/orders.test.ts',
      'test/api/users.test.ts',
      'test/ui/[id].test.ts',
      'test/ui/button.test.ts',
      'test/ui/new file $(touch pwned).test.ts',
    ])
    expect(plan.unknownItems).toBe(3)
    expect(plan.estimatedItems).toEqual([
      'test/ui/[id].test.ts',
      'test/ui/button.test.ts',
      'test/ui/new file $(touch pwned).test.ts',
    ])
    await expect(readFile(join(repo, 'pwned'))).rejects.toThrow()
  })

  it('warns about a corrupt timings file and still plans by estimate', async () => {
    const result = await runCli(
      [
        'plan',
        '--shards',
        '2',
        '--timings',
        'corrupt.json',
        '--format',
        'json',
        'test/**/*.test.ts',
      ],
      { cwd: repo },
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/corrupt\.json: not valid JSON/)
    expect(result.stderr).toMatch(/every item is estimated/)
    const plan = JSON.parse(result.stdout) as PlanJson
    expect(plan.unknownItems).toBe(plan.itemCount)
  })

  it('reads the items from standard input with --items-from -', async () => {
    const result = await runCli(
      [
        'plan',
        '--shards',
        '2',
        '--timings',
        'timings.json',
        '--items-from',
        '-',
        '--format',
        'json',
      ],
      {
        cwd: repo,
        stdin: './test/api/users.test.ts\r\ntest/api/orders.test.ts\n\n',
      },
    )
    expect(result.code, result.stderr).toBe(0)
    const plan = JSON.parse(result.stdout) as PlanJson
    expect(plan.shards.map((s) => s.items)).toEqual([
      ['test/api/users.test.ts'],
      ['test/api/orders.test.ts'],
    ])
    expect(plan.unknownItems).toBe(0)
  })

  it('prints a fromJSON-ready matrix and writes the plan with --output', async () => {
    const result = await runCli(
      ['plan', '--shards', '3', '--format', 'matrix', '--output', 'plan.json', 'test/**/*.test.ts'],
      { cwd: repo },
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      include: [1, 2, 3].map((shard) => ({ shard, shards: 3 })),
    })
    const written = JSON.parse(await readFile(join(repo, 'plan.json'), 'utf8')) as PlanJson
    expect(written.shards).toHaveLength(3)
  })

  it('shows a table on a terminal with the lower bound and the estimated count', async () => {
    const result = await runCli(
      ['plan', '--shards', '2', '--timings', 'timings.json', 'test/**/*.test.ts'],
      { cwd: repo, tty: true },
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/lower bound/)
    expect(result.stdout).toMatch(/3 estimated/)
    expect(result.stdout).toMatch(/1 timed files not planned/)
  })
})

describe('shardwise plan errors', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a shard count out of range',
      ['plan', '--shards', '300', 'x'],
      /`--shards` must be a whole number from 1 to 256 or `auto`; got `300`/,
    ],
    ['a shard count that is not a number', ['plan', '--shards', 'abc', 'x'], /got `abc`/],
    ['auto without a target', ['plan', '--shards', 'auto', 'x'], /needs `--target-seconds/],
    [
      'an unknown granularity',
      ['plan', '--granularity', 'line', 'x'],
      /`--granularity` must be one of `file`, `test`, `auto`; got `line`/,
    ],
    ['an unknown flag', ['plan', '--shardz', '3'], /Unknown option '--shardz'/],
    [
      'a missing timings path',
      ['plan', '--timings', join(UNREACHABLE, 't.json')],
      /--timings .*a-file\/dir\/t\.json: cannot read it/,
    ],
    ['nothing to plan', ['plan'], /nothing to plan/],
    [
      'a glob that matches nothing',
      ['plan', 'no/such/**/*.test.ts'],
      /no files under .* match 'no\/such/,
    ],
    ['an unknown command', ['deploy'], /unknown command `deploy`/],
    [
      'an --output that cannot be written',
      [
        'plan',
        '--timings',
        join(DATASETS, 'pgmpy__pgmpy__.test_durations'),
        '--output',
        join(UNREACHABLE, 'plan.json'),
      ],
      /--output .*a-file\/dir\/plan\.json: cannot write it/,
    ],
    [
      'a run plan that is not a plan',
      [
        'run',
        '--plan',
        join(DATASETS, 'pgmpy__pgmpy__.test_durations'),
        '--shard',
        '1',
        '--',
        'true',
      ],
      /not a Shardwise plan/,
    ],
  ]
  for (const [what, args, message] of cases) {
    it(`exits 2 naming the problem for ${what}`, async () => {
      const result = await runCli(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stdout).toBe('')
    })
  }
})

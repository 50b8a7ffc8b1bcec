import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planMode } from '../../src/modes/plan.js'
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
    expect(result.stdout).toMatch(
      /no split into 2 shards can be shorter than [\d.]+ s under this model/,
    )
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
      /--plan .*pgmpy__pgmpy__\.test_durations: not a valid Shardwise plan: `version` must be `1`.*; got nothing/,
    ],
  ]
  for (const [what, args, message] of cases) {
    it(`exits 2 naming the problem for ${what}`, async () => {
      // In an empty directory: no local timings store of the checkout can answer for it.
      const result = await runCli(args, { cwd: SCRATCH })
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stdout).toBe('')
    })
  }
})

describe('items outside the repository (THREATS F4)', () => {
  let base: string
  let repo: string
  const planned = (stdout: string) =>
    (JSON.parse(stdout) as PlanJson).shards.flatMap((s) => s.items).sort()
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'shardwise-outside-'))
    repo = join(base, 'repo')
    await mkdir(join(repo, 'test'), { recursive: true })
    await mkdir(join(base, 'outside'), { recursive: true })
    await writeFile(join(repo, 'test/a.test.js'), 'x')
    await writeFile(join(base, 'outside/evil.test.js'), 'x')
    // Timings as a poisoned cache would hold them: a climb out of the root and an absolute path.
    await writeFile(
      join(repo, 'timings.json'),
      JSON.stringify({
        'test/a.test.js': 2,
        '../../outside/evil.test.js': 5,
        '/etc/evil.test.js': 5,
        'test/../../outside/evil.test.js': 5,
      }),
    )
  })
  afterAll(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('refuses ids from the timings that resolve outside --root: warned, not planned', async () => {
    const result = await runCli(['plan', '--shards', '2', '--timings', 'timings.json'], {
      cwd: repo,
    })
    expect(result.code, result.stderr).toBe(0)
    expect(planned(result.stdout)).toEqual(['test/a.test.js'])
    expect(result.stderr).toMatch(
      /warning: --timings: 3 ids resolve outside .* and are not planned: \.\.\/\.\.\/outside\/evil\.test\.js, \.\.\/outside\/evil\.test\.js, \/etc\/evil\.test\.js/,
    )
  })

  it('refuses ids from --items-from and glob matches outside --root', async () => {
    const fromList = await runCli(['plan', '--shards', '2', '--items-from', '-'], {
      cwd: repo,
      stdin: 'test/a.test.js\n../outside/evil.test.js\n/etc/passwd\nC:\\evil.test.js\n',
    })
    expect(fromList.code, fromList.stderr).toBe(0)
    expect(planned(fromList.stdout)).toEqual(['test/a.test.js'])
    expect(fromList.stderr).toMatch(/--items-from -: 3 ids resolve outside/)
    const globbed = await runCli(
      ['plan', '--shards', '2', 'test/*.test.js', '../outside/*.test.js'],
      { cwd: repo },
    )
    expect(globbed.code, globbed.stderr).toBe(0)
    expect(planned(globbed.stdout)).toEqual(['test/a.test.js'])
    expect(globbed.stderr).toMatch(
      /the globs: 1 id resolves outside .* not planned: \.\.\/outside\/evil\.test\.js/,
    )
  })

  it("refuses ids from the runner's own test list outside --root", async () => {
    const warnings: string[] = []
    const plan = await planMode(
      {
        shards: { kind: 'fixed', count: 2 },
        shardOverheadSeconds: 0,
        granularity: 'file',
        timings: [],
        patterns: [],
        itemsFrom: undefined,
        items: ['test/a.test.js', '../outside/evil.test.js', '/tmp/evil.test.js'],
        root: repo,
        roots: [],
      },
      {
        log: { info: () => undefined, notice: () => undefined, warning: (m) => warnings.push(m) },
        readStdin: () => Promise.resolve(''),
      },
    )
    expect(plan.shards.flatMap((s) => s.items)).toEqual(['test/a.test.js'])
    expect(warnings.join('\n')).toMatch(/the runner's test list: 2 ids resolve outside/)
  })

  it('says so when every item is outside --root', async () => {
    const result = await runCli(['plan', '--items-from', '-'], {
      cwd: repo,
      stdin: '../outside/evil.test.js\n',
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/nothing to plan: every item resolves outside the repository/)
  })

  it('run refuses planned items outside --root: warned, never handed to the runner, shard failed', async () => {
    const record = join(base, 'argv.json')
    await writeFile(
      join(repo, 'record.cjs'),
      `require('fs').appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)) + '\\n')\n`,
    )
    await writeFile(
      join(repo, 'plan.json'),
      JSON.stringify({
        version: 1,
        shards: [
          {
            index: 1,
            items: [
              'test/a.test.js',
              '../outside/evil.test.js',
              join(base, 'outside/evil.test.js'),
            ],
          },
        ],
      }),
    )
    const result = await runCli(
      [
        'run',
        '--plan',
        'plan.json',
        '--shard',
        '1',
        '--results-dir',
        join(base, 'results'),
        '--runner',
        'generic',
        '--',
        process.execPath,
        'record.cjs',
      ],
      { cwd: repo },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/warning: 2 planned items resolve outside .* and are not run/)
    const argv = (await readFile(record, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[])
    expect(argv).toEqual([['./test/a.test.js']])
    const shard = JSON.parse(await readFile(join(base, 'results/shard-result.json'), 'utf8')) as {
      status: string
      fileFailures: { file: string; message: string }[]
    }
    expect(shard.status).toBe('failed')
    expect(shard.fileFailures.map((f) => f.file).sort()).toEqual(
      ['../outside/evil.test.js', join(base, 'outside/evil.test.js')].sort(),
    )
  })
})

describe('flags as --help lists them', () => {
  let repo: string
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'shardwise-flags-'))
    await mkdir(join(repo, 'src'), { recursive: true })
    await writeFile(join(repo, 'a.test.js'), '')
    await writeFile(join(repo, 'src/app.js'), 'one()\ntwo()\n')
    // A "test runner" that passes and leaves coverage of half the lines of src/app.js.
    await writeFile(
      join(repo, 'cover.cjs'),
      `const fs = require('fs')\nfs.mkdirSync('coverage', { recursive: true })\nfs.writeFileSync('coverage/lcov.info', 'SF:src/app.js\\nDA:1,1\\nDA:2,0\\nend_of_record\\n')\n`,
    )
  })
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true })
  })

  it('test takes --coverage-threshold and fails on merged coverage below it', async () => {
    const args = (threshold: string) => [
      'test',
      '--shards',
      '1',
      '--runner',
      'generic',
      '--coverage',
      'coverage/lcov.info',
      '--coverage-threshold',
      threshold,
      'a.test.js',
      '--',
      process.execPath,
      'cover.cjs',
    ]
    const below = await runCli(args('80'), { cwd: repo })
    expect(below.stderr).not.toMatch(/Unknown option/)
    expect(below.code, below.stderr).toBe(1)
    expect(below.stderr).toMatch(/coverage: 50\.00% of lines/)
    const above = await runCli(args('50'), { cwd: repo })
    expect(above.code, above.stderr).toBe(0)
  })

  it('says --coverage-threshold is a percentage, not seconds, for test and combine', async () => {
    for (const command of [
      ['test', '--coverage-threshold=-1', '--', 'true'],
      ['combine', '--results-dir', '.', '--plan', 'p.json', '--coverage-threshold=-1'],
      ['combine', '--results-dir', '.', '--plan', 'p.json', '--coverage-threshold', '101'],
    ]) {
      const result = await runCli(command, { cwd: repo })
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(
        /`--coverage-threshold` must be a percentage from 0 to 100; got `-?\d+`/,
      )
      expect(result.stderr).not.toMatch(/seconds/)
    }
  })

  it('run names --results-dir when it is an existing file, without a stack trace', async () => {
    await writeFile(
      join(repo, 'plan.json'),
      '{"version":1,"shards":[{"index":1,"items":["a.test.js"]}]}',
    )
    await writeFile(join(repo, 'taken'), 'a file, not a directory')
    const result = await runCli(
      ['run', '--plan', 'plan.json', '--shard', '1', '--results-dir', 'taken', '--', 'true'],
      { cwd: repo },
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^shardwise: --results-dir .*taken: cannot use it as a directory/m,
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

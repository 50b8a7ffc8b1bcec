import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stableStringify } from '../../src/core/json.js'
import type { Plan } from '../../src/core/plan.js'
import type { ShardResult } from '../../src/core/shard-result.js'
import { planDigest } from '../../src/adapters/plan-file.js'
import { runCli } from '../support/cli.js'
import { makePlan, makeResult } from '../support/results.js'

/**
 * `shardwise combine` on result directories laid out as CI artifacts arrive: one directory per
 * shard and attempt, hand-made for each fault, plus the results of a real local run.
 */

let dir: string

async function layout(
  plan: Plan,
  results: Record<string, ShardResult | string>,
): Promise<{ planFile: string; resultsDir: string }> {
  const root = await mkdtemp(join(dir, 'case-'))
  const planFile = join(root, 'plan.json')
  await writeFile(planFile, stableStringify(plan, 2))
  const resultsDir = join(root, 'results')
  for (const [name, result] of Object.entries(results)) {
    await mkdir(join(resultsDir, name), { recursive: true })
    await writeFile(
      join(resultsDir, name, 'shard-result.json'),
      typeof result === 'string' ? result : stableStringify(result, 2),
    )
  }
  return { planFile, resultsDir }
}

/** `shardwise combine --plan <planFile> --results-dir <resultsDir> …rest`, in-process. */
function combine(planFile: string, resultsDir: string, ...rest: string[]) {
  return runCli(['combine', '--plan', planFile, '--results-dir', resultsDir, ...rest])
}

const plan = makePlan([['a.test.js', 'b.test.js'], ['c.test.js'], ['d.test.js']])
const digest = planDigest(plan)
const ok = (index: number) =>
  makeResult(
    plan,
    digest,
    index,
    Object.fromEntries(
      (plan.shards[index - 1]?.items ?? []).map((file) => [`${file}::works`, { seconds: index }]),
    ),
  )

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-combine-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('shardwise combine', () => {
  it('passes a complete run, writes the report and merges timings into the store', async () => {
    const { planFile, resultsDir } = await layout(plan, {
      'shard-1': ok(1),
      'shard-2': ok(2),
      'shard-3': ok(3),
    })
    const store = join(dir, 'store-pass.json')
    const result = await combine(
      planFile,
      resultsDir,
      '--store',
      store,
      '--report-json',
      join(dir, 'r.json'),
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/Shardwise: tests passed/)
    const saved = JSON.parse(await readFile(store, 'utf8')) as {
      runs: number
      tests: Record<string, { seconds: number; outcomes: string }>
    }
    expect(saved.runs).toBe(1)
    expect(saved.tests['c.test.js::works']).toMatchObject({ seconds: 2, outcomes: 'p' })
    const report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as {
      verdict: string
      counts: { passed: number }
    }
    expect(report).toMatchObject({ verdict: 'passed', counts: { passed: 4 } })
  })

  it('fails on a missing shard and a corrupt result file, naming both, and keeps the store from partial data', async () => {
    const { planFile, resultsDir } = await layout(plan, {
      'shard-1': ok(1),
      'shard-2': '{"version":1,"tool":"shards',
      'shard-3-attempt-1': ok(3),
    })
    const store = join(dir, 'store-missing.json')
    await writeFile(store, '{ not json')
    const result = await combine(planFile, resultsDir, '--store', store)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/shard-2\/shard-result\.json: unreadable shard result/)
    expect(result.stderr).toMatch(/corrupt timings store/)
    expect(result.stdout).toMatch(/shard 2 reported no result \(1 planned items\)/)
    const saved = JSON.parse(await readFile(store, 'utf8')) as { tests: Record<string, unknown> }
    expect(Object.keys(saved.tests).sort()).toEqual([
      'a.test.js::works',
      'b.test.js::works',
      'd.test.js::works',
    ])
  })

  it('takes the newest attempt of a re-run shard and names a test that ran twice', async () => {
    const failed = makeResult(plan, digest, 2, { 'c.test.js::works': { verdict: 'failed' } })
    const rerun = { ...ok(2), attempt: 2 }
    const duplicate = makeResult(plan, digest, 3, {
      'd.test.js::works': {},
      'a.test.js::works': {},
    })
    const passing = await layout(plan, {
      'shard-1': ok(1),
      'shard-2-attempt-1': failed,
      'shard-2-attempt-2': rerun,
      'shard-3': ok(3),
    })
    const good = await combine(passing.planFile, passing.resultsDir, '--no-store')
    expect(good.code, good.stdout).toBe(0)
    expect(good.stdout).toMatch(/\| 2 \| ✅ passed \| 1 \| 0 \| 0 \| [^|]+ \| [^|]+ \| 2 \|/)
    const doubled = await layout(plan, { 'shard-1': ok(1), 'shard-2': ok(2), 'shard-3': duplicate })
    const bad = await combine(doubled.planFile, doubled.resultsDir, '--no-store')
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/a\.test\.js::works ran in shard 1 and shard 3/)
  })

  it('B1: warns of a shard result naming a file outside its artifact, by file and field, and counts its shard as missing', async () => {
    const evil = { ...ok(2), artifacts: { junit: ['../../../etc/passwd'], coverage: [] } }
    const { planFile, resultsDir } = await layout(plan, {
      'shard-1': ok(1),
      'shard-2': evil,
      'shard-3': ok(3),
    })
    const result = await combine(planFile, resultsDir, '--no-store')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'shard-2/shard-result.json: not a valid Shardwise shard result: `artifacts.junit[0]` must be a file of the artifact, `junit/NNN-name`; got `"../../../etc/passwd"`; ignored',
    )
    expect(result.stdout).toMatch(/shard 2 reported no result \(1 planned items\)/)
  })

  it('exits 2 on a quarantine list that does not decode, naming the flag, the file and the field', async () => {
    const { planFile, resultsDir } = await layout(plan, { 'shard-1': ok(1) })
    const quarantine = join(dir, 'quarantine-bad.json')
    await writeFile(quarantine, JSON.stringify({ tests: [{ id: 'a.test.js', until: 'soon' }] }))
    const result = await combine(planFile, resultsDir, '--no-store', '--quarantine', quarantine)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      `--quarantine ${quarantine}: not a valid Shardwise quarantine list: \`tests[0].until\` must be a date as YYYY-MM-DD (an expiry date keeps quarantine temporary); got \`"soon"\``,
    )
  })

  it('reports a flaky test, lets a quarantined failure pass, and flags an expired entry', async () => {
    const flaky = makeResult(plan, digest, 2, { 'c.test.js::works': { verdict: 'flaky' } })
    const broken = makeResult(plan, digest, 3, {
      'd.test.js::works': { verdict: 'failed', message: 'timeout talking to the sandbox' },
    })
    const { planFile, resultsDir } = await layout(plan, {
      'shard-1': ok(1),
      'shard-2': flaky,
      'shard-3': broken,
    })
    const quarantine = join(dir, 'quarantine.json')
    await writeFile(
      quarantine,
      JSON.stringify({
        version: 1,
        tests: [
          { id: 'd.test.js::works', until: '2999-12-31', reason: 'sandbox outage' },
          { id: 'a.test.js::works', until: '2000-01-01', reason: 'long fixed' },
        ],
      }),
    )
    const result = await combine(planFile, resultsDir, '--no-store', '--quarantine', quarantine)
    expect(result.code, result.stdout).toBe(0)
    expect(result.stdout).toMatch(/### Flaky tests \(1\)[\s\S]*c\.test\.js::works/)
    expect(result.stdout).toMatch(
      /### Quarantined \(1\)[\s\S]*d\.test\.js::works[\s\S]*timeout talking to the sandbox/,
    )
    expect(result.stdout).toMatch(/Expired quarantine entries[^\n]*a\.test\.js::works/)
  })

  it('merges coverage from three different workspace roots into one record and checks the threshold on the total', async () => {
    const roots = ['/home/runner/work/r/r', '/Users/runner/work/r/r', 'D:\\a\\r\\r']
    const results: Record<string, ShardResult> = {}
    const hits = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]
    for (const [i, root] of roots.entries()) {
      const index = i + 1
      results[`shard-${index}`] = {
        ...ok(index),
        workspace: root,
        artifacts: { junit: [], coverage: ['coverage/001-lcov.info'] },
      }
    }
    const { planFile, resultsDir } = await layout(plan, results)
    for (const [i, root] of roots.entries()) {
      const lines = hits[i]?.map((hit, line) => `DA:${line + 1},${hit}`).join('\n') ?? ''
      await mkdir(join(resultsDir, `shard-${i + 1}`, 'coverage'), { recursive: true })
      await writeFile(
        join(resultsDir, `shard-${i + 1}`, 'coverage', '001-lcov.info'),
        `SF:${root}${root.includes('\\') ? '\\' : '/'}src${root.includes('\\') ? '\\' : '/'}app.js\n${lines}\nend_of_record\n`,
      )
    }
    const root = await mkdtemp(join(dir, 'repo-'))
    const passing = await combine(
      planFile,
      resultsDir,
      '--no-store',
      '--root',
      root,
      '--coverage-threshold',
      '75',
    )
    expect(passing.code, passing.stderr).toBe(0)
    expect(passing.stdout).toMatch(/\*\*75\.00%\*\* of lines \(3\/4\)/)
    const merged = await readFile(join(root, 'coverage-merged', 'lcov.info'), 'utf8')
    expect(merged).toMatch(/^SF:src\/app\.js$/m)
    expect(merged.match(/^SF:/gm)).toHaveLength(1)
    const failing = await combine(
      planFile,
      resultsDir,
      '--no-store',
      '--root',
      root,
      '--coverage-threshold',
      '80',
    )
    expect(failing.code).toBe(1)
  })

  it('runs failed tests and a missing shard again serially with --fallback serial', async () => {
    const repo = await mkdtemp(join(dir, 'fallback-'))
    await cp(resolve(import.meta.dirname, '../../examples'), join(repo, 'examples'), {
      recursive: true,
    })
    const env = { ...process.env, SHARDWISE_DEMO_SPEED: '0.05' }
    const planned = await runCli(
      [
        'plan',
        '--shards',
        '3',
        '--output',
        'plan.json',
        '--format',
        'json',
        'examples/demo/tests/**/*.test.js',
      ],
      { cwd: repo, env },
    )
    expect(planned.code).toBe(0)
    const realPlan = JSON.parse(planned.stdout) as Plan
    const buttonShard =
      realPlan.shards.find((s) => s.items.includes('examples/demo/tests/ui/button.test.js'))
        ?.index ?? 0
    const others = [1, 2, 3].filter((i) => i !== buttonShard)
    // One shard fails (a broken test), one never reports, one passes.
    const broken = await runCli(
      [
        'run',
        '--plan',
        'plan.json',
        '--shard',
        String(buttonShard),
        '--results-dir',
        'results/broken',
        '--',
        process.execPath,
        '--test',
      ],
      {
        cwd: repo,
        env: { ...env, SHARDWISE_DEMO_BROKEN: '1' },
      },
    )
    expect(broken.code).toBe(1)
    const fine = await runCli(
      [
        'run',
        '--plan',
        'plan.json',
        '--shard',
        String(others[0]),
        '--results-dir',
        'results/fine',
        '--',
        process.execPath,
        '--test',
      ],
      { cwd: repo, env },
    )
    expect(fine.code).toBe(0)
    const combined = await runCli(
      [
        'combine',
        '--plan',
        'plan.json',
        '--results-dir',
        'results',
        '--no-store',
        '--fallback',
        'serial',
        '--',
        process.execPath,
        '--test',
      ],
      { cwd: repo, env: { ...env, SHARDWISE_DEMO_BROKEN: '1' } },
    )
    // The broken test fails again on its own; the missing shard's tests now ran and passed.
    expect(combined.code).toBe(1)
    expect(combined.stdout).toMatch(/Serial fallback ran \d+ items again in one process/)
    expect(combined.stdout).toMatch(/its shard reported no result for it/)
    expect(combined.stdout).toMatch(/keeps its focus ring/)
    const fixed = await runCli(
      [
        'combine',
        '--plan',
        'plan.json',
        '--results-dir',
        'results',
        '--no-store',
        '--fallback',
        'serial',
        '--report-json',
        'report.json',
        '--',
        process.execPath,
        '--test',
      ],
      { cwd: repo, env: { ...env } },
    )
    // Without the switch the test passes on its own: flaky, and the run passes.
    expect(fixed.code, fixed.stdout).toBe(0)
    const report = JSON.parse(await readFile(join(repo, 'report.json'), 'utf8')) as {
      flaky: { id: string }[]
      verdict: string
    }
    expect(report.verdict).toBe('passed')
    expect(report.flaky.map((f) => f.id)).toContain(
      'examples/demo/tests/ui/button.test.js::keeps its focus ring',
    )
  })

  it('combines the results of a local shardwise test run', async () => {
    const repo = await mkdtemp(join(dir, 'local-'))
    await cp(resolve(import.meta.dirname, '../../examples'), join(repo, 'examples'), {
      recursive: true,
    })
    const env = { ...process.env, SHARDWISE_DEMO_SPEED: '0.05' }
    const run = await runCli(
      [
        'test',
        '--shards',
        '2',
        'examples/demo/tests/**/*.test.js',
        '--',
        process.execPath,
        '--test',
      ],
      { cwd: repo, env },
    )
    expect(run.code, run.stderr).toBe(0)
    const runDir = /report: (.*)\/report\.md/.exec(run.stderr)?.[1] ?? ''
    const again = await runCli(
      ['combine', '--plan', join(runDir, 'plan.json'), '--results-dir', runDir, '--no-store'],
      { cwd: repo, env },
    )
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/\*\*25\*\* passed/)
    // The first run had no history: the report names what was estimated.
    expect(again.stdout).toMatch(
      /9 planned items had no timing history and were estimated; their times are recorded now: `examples\/demo\/tests\/api\/auth\.test\.js`/,
    )
  })
})

describe('the report header', () => {
  it('says coverage failed, not "✅ tests passed", when only the coverage threshold fails', async () => {
    const one = makePlan([['a.test.js']])
    const { planFile, resultsDir } = await layout(one, {
      'shard-1': makeResult(
        one,
        planDigest(one),
        1,
        { 'a.test.js::works': {} },
        { artifacts: { junit: [], coverage: ['coverage/001-lcov.info'] } },
      ),
    })
    await mkdir(join(resultsDir, 'shard-1', 'coverage'), { recursive: true })
    await writeFile(
      join(resultsDir, 'shard-1', 'coverage', '001-lcov.info'),
      'SF:src/app.js\nDA:1,1\nDA:2,0\nend_of_record\n',
    )
    const root = await mkdtemp(join(dir, 'header-'))
    const args = ['combine', '--plan', planFile, '--results-dir', resultsDir, '--no-store']
    const below = await runCli([...args, '--root', root, '--coverage-threshold', '80'])
    expect(below.code).toBe(1)
    expect(below.stdout).toMatch(/^## ❌ Shardwise: tests passed, coverage below the threshold$/m)
    expect(below.stdout).not.toMatch(/✅ Shardwise/)
    const above = await runCli([...args, '--root', root, '--coverage-threshold', '50'])
    expect(above.code).toBe(0)
    expect(above.stdout).toMatch(/^## ✅ Shardwise: tests passed$/m)
  })
})

describe('shard results that talk themselves into a pass', () => {
  const forgeries: [string, ShardResult][] = [
    [
      'no tests and zero counts',
      {
        ...ok(2),
        tests: {},
        counts: { passed: 0, failed: 0, flaky: 0, skipped: 0, xfailed: 0, xpassed: 0 },
      },
    ],
    ['only unplanned tests', makeResult(plan, digest, 2, { 'elsewhere.test.js::works': {} })],
    [
      '"status": "empty" for a shard with items',
      { ...makeResult(plan, digest, 2, {}), status: 'empty' },
    ],
    ['"exitCode": 1 under "status": "passed"', { ...ok(2), exitCode: 1 }],
    [
      'failed attempts under a passed verdict',
      {
        ...ok(2),
        tests: {
          'c.test.js::works': {
            file: 'c.test.js',
            verdict: 'passed',
            attempts: [{ status: 'failed', seconds: 1 }],
          },
        },
      },
    ],
  ]
  for (const [what, forged] of forgeries) {
    it(`B9/G12: exits 1 with "tests failed" when shard 2's result says ${what}`, async () => {
      const { planFile, resultsDir } = await layout(plan, {
        'shard-1': ok(1),
        'shard-2': forged,
        'shard-3': ok(3),
      })
      const result = await combine(planFile, resultsDir, '--no-store')
      expect(result.code, result.stdout).toBe(1)
      expect(result.stdout).toMatch(/❌ Shardwise: tests failed/)
      expect(result.stdout).toMatch(/^\| 1 \| ✅ passed/m)
      expect(result.stdout).not.toMatch(/^\| 2 \| ✅/m)
    })
  }

  it('B8: exits 1 when a newer attempt of a failed shard reports no tests', async () => {
    const failed = makeResult(plan, digest, 2, { 'c.test.js::works': { verdict: 'failed' } })
    const { planFile, resultsDir } = await layout(plan, {
      'shard-1': ok(1),
      'shard-2-attempt-1': failed,
      'shard-2-attempt-2': { ...makeResult(plan, digest, 2, {}), attempt: 2 },
      'shard-3': ok(3),
    })
    const result = await combine(planFile, resultsDir, '--no-store')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/1 planned item has no result: c\.test\.js/)
  })
})

describe('the serial fallback runs only planned items (THREATS F4, J4)', () => {
  it('never runs an unplanned failed test or a failed file outside the repository named by a shard result', async () => {
    const base = await mkdtemp(join(dir, 'fallback-planned-'))
    const repo = join(base, 'repo')
    await mkdir(join(base, 'outside'), { recursive: true })
    await mkdir(repo, { recursive: true })
    for (const file of ['a.test.js', 'b.test.js', 'c.test.js'])
      await writeFile(join(repo, file), '')
    await writeFile(join(base, 'outside/evil.test.js'), '')
    const record = join(base, 'argv.log')
    await writeFile(
      join(repo, 'record.cjs'),
      `require('fs').appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)) + '\\n')\n`,
    )
    const twoShards = makePlan([['a.test.js'], ['b.test.js']])
    const twoDigest = planDigest(twoShards)
    const { planFile, resultsDir } = await layout(twoShards, {
      'shard-1': {
        ...makeResult(twoShards, twoDigest, 1, {
          'a.test.js::works': {},
          'c.test.js::sneaks in': { verdict: 'failed' },
        }),
        fileFailures: [{ file: '../outside/evil.test.js', message: 'SyntaxError' }],
      },
      'shard-2': makeResult(twoShards, twoDigest, 2, { 'b.test.js::works': { verdict: 'failed' } }),
    })
    const result = await runCli(
      [
        'combine',
        '--plan',
        planFile,
        '--results-dir',
        resultsDir,
        '--no-store',
        '--fallback',
        'serial',
        '--runner',
        'generic',
        '--',
        process.execPath,
        'record.cjs',
      ],
      { cwd: repo },
    )
    const argv = (await readFile(record, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[])
    expect(argv).toEqual([['./b.test.js']])
    expect(result.stdout).toMatch(
      /reported 1 test the plan did not give it: c\.test\.js::sneaks in; ignored/,
    )
    expect(result.stdout).toMatch(
      /reported failures of files the plan did not give it: \.\.\/outside\/evil\.test\.js; ignored/,
    )
  })
})

describe('plans in the documented minimal shape', () => {
  it('reports the documented minimal plan with its defaults: no "undefined", no NaN', async () => {
    const minimal = { version: 1, shards: [{ index: 1, items: ['a.test.js', 'b.test.js'] }] }
    const root = await mkdtemp(join(dir, 'minimal-report-'))
    await writeFile(join(root, 'plan.json'), JSON.stringify(minimal))
    const digest = planDigest(minimal as unknown as Plan)
    const shaped = makePlan([['a.test.js', 'b.test.js']])
    await mkdir(join(root, 'results'), { recursive: true })
    await writeFile(
      join(root, 'results', 'shard-result.json'),
      stableStringify(
        makeResult(shaped, digest, 1, { 'a.test.js::works': {}, 'b.test.js::works': {} }),
      ),
    )
    const result = await runCli(
      ['combine', '--plan', 'plan.json', '--results-dir', 'results', '--no-store'],
      { cwd: root },
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).not.toMatch(/undefined|NaN/)
    expect(result.stdout).toMatch(/plan 1 shards, 2 items, file granularity/)
  })

  it('runs and combines a plan with neither shardCount nor predictedSeconds', async () => {
    const repo = await mkdtemp(join(dir, 'minimal-'))
    await cp(resolve(import.meta.dirname, '../../examples'), join(repo, 'examples'), {
      recursive: true,
    })
    await writeFile(
      join(repo, 'plan.json'),
      JSON.stringify({
        version: 1,
        shards: [{ index: 1, items: ['examples/demo/tests/ui/button.test.js'] }],
        lowerBoundSeconds: 1,
        predictedMakespanSeconds: 1,
        unknownItems: 0,
      }),
    )
    const env = { ...process.env, SHARDWISE_DEMO_SPEED: '0.05' }
    const ran = await runCli(
      [
        'run',
        '--plan',
        'plan.json',
        '--shard',
        '1/1',
        '--results-dir',
        'results/one',
        '--',
        process.execPath,
        '--test',
      ],
      { cwd: repo, env },
    )
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stderr).toMatch(/shard 1\/1 passed/)
    const combined = await runCli(
      ['combine', '--plan', 'plan.json', '--results-dir', 'results', '--no-store'],
      { cwd: repo, env },
    )
    expect(combined.code, combined.stderr).toBe(0)
  })
})

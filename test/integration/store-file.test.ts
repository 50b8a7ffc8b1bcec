import { spawn } from 'node:child_process'
import { hostname, tmpdir } from 'node:os'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stableStringify } from '../../src/core/json.js'
import { planDigest } from '../../src/adapters/plan-file.js'
import { runCli } from '../support/cli.js'
import { exited, spawnCli } from '../support/cli-process.js'
import { makePlan, makeResult } from '../support/results.js'

/**
 * The timings store as several runs share it: history is never lost to a newer format, to a
 * concurrent run or to a killed one, and a store that cannot be written costs only a warning.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-store-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A passing one-shard run, its plan and results under `root`. */
async function run(root: string): Promise<{ planFile: string; results: string }> {
  const plan = makePlan([['a.test.js']])
  const planFile = join(root, 'plan.json')
  await writeFile(planFile, stableStringify(plan, 2))
  const shard = join(root, 'results', 'shard-1')
  await mkdir(shard, { recursive: true })
  await writeFile(
    join(shard, 'shard-result.json'),
    stableStringify(makeResult(plan, planDigest(plan), 1, { 'a.test.js::works': {} }), 2),
  )
  return { planFile, results: join(root, 'results') }
}

function combine(root: string, store: string, extra: readonly string[] = []) {
  return runCli(
    [
      'combine',
      '--plan',
      join(root, 'plan.json'),
      '--results-dir',
      join(root, 'results'),
      '--store',
      store,
      ...extra,
    ],
    { cwd: root },
  )
}

async function storeRuns(path: string): Promise<{ runs: number; testRuns: number | undefined }> {
  const store = JSON.parse(await readFile(path, 'utf8')) as {
    runs: number
    tests: Record<string, { runs: number }>
  }
  return { runs: store.runs, testRuns: store.tests['a.test.js::works']?.runs }
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await exited(child)
  return child.pid ?? 0
}

describe('F2 a store of a newer version, or not a store at all', () => {
  it('leaves a store written by a newer Shardwise exactly as it is, says so, and still reports', async () => {
    const root = await mkdtemp(join(dir, 'newer-'))
    await run(root)
    const store = join(root, 'timings.json')
    const newer = `${JSON.stringify({ version: 99, tool: 'shardwise', runs: 500, tests: {} })}\n`
    await writeFile(store, newer)
    const result = await combine(root, store, ['--report-md', 'report.md'])
    expect(result.code, result.stderr).toBe(0)
    expect(await readFile(store, 'utf8')).toBe(newer)
    expect(result.stderr).toMatch(/timings not saved: .*timings\.json is a store of version 99/)
    expect(await readFile(join(root, 'report.md'), 'utf8')).toMatch(/tests passed/)
  })

  it('never overwrites a JSON file that is not a timings store', async () => {
    const root = await mkdtemp(join(dir, 'foreign-'))
    await run(root)
    const store = join(root, 'package.json')
    await writeFile(store, '{"name": "mine"}\n')
    const result = await combine(root, store)
    expect(result.code, result.stderr).toBe(0)
    expect(await readFile(store, 'utf8')).toBe('{"name": "mine"}\n')
    expect(result.stderr).toMatch(/is not a Shardwise timings store, and is left as it is/)
  })
})

describe('F8 runs that save timings at the same time', () => {
  it('keeps every one of four concurrent combine runs (in one process)', async () => {
    const root = await mkdtemp(join(dir, 'concurrent-'))
    await run(root)
    const store = join(root, 'timings.json')
    const results = await Promise.all([1, 2, 3, 4].map(() => combine(root, store)))
    for (const result of results) expect(result.code, result.stderr).toBe(0)
    expect(await storeRuns(store)).toEqual({ runs: 4, testRuns: 4 })
    expect((await readdir(root)).filter((n) => /\.(tmp|lock)$/.test(n))).toEqual([])
  })

  it('keeps every one of four combine processes started together', async () => {
    const root = await mkdtemp(join(dir, 'processes-'))
    const { planFile, results } = await run(root)
    const store = join(root, 'timings.json')
    const codes = await Promise.all(
      [1, 2, 3, 4].map(() =>
        exited(
          spawnCli(['combine', '--plan', planFile, '--results-dir', results, '--store', store], {
            cwd: root,
          }),
        ),
      ),
    )
    expect(codes).toEqual([0, 0, 0, 0])
    expect(await storeRuns(store)).toEqual({ runs: 4, testRuns: 4 })
  })

  it('removes the temporary file of a writer killed with -9, and keeps a live writer’s', async () => {
    const root = await mkdtemp(join(dir, 'killed-'))
    await run(root)
    const store = join(root, 'timings.json')
    // A writer killed mid-write, as `kill -9` leaves it.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(store)} + '.' + process.pid + '.tmp', '{"half'); setInterval(() => {}, 1000)`,
      ],
      { stdio: 'ignore' },
    )
    const killed = `timings.json.${writer.pid ?? 0}.tmp`
    for (let i = 0; i < 200 && !(await readdir(root)).includes(killed); i++)
      await new Promise((done) => setTimeout(done, 25))
    writer.kill('SIGKILL')
    await exited(writer)
    // A writer still at work.
    const live = spawn('sleep', ['30'], { stdio: 'ignore' })
    const liveFile = `timings.json.${live.pid ?? 0}.tmp`
    await writeFile(join(root, liveFile), '{"in progress')
    try {
      const result = await combine(root, store)
      expect(result.code, result.stderr).toBe(0)
      const names = await readdir(root)
      expect(names).not.toContain(killed)
      expect(names).toContain(liveFile)
      expect(await storeRuns(store)).toEqual({ runs: 1, testRuns: 1 })
    } finally {
      live.kill()
    }
  })

  it('takes over the lock of a run that died holding it', async () => {
    const root = await mkdtemp(join(dir, 'stale-lock-'))
    await run(root)
    const store = join(root, 'timings.json')
    const pid = await deadPid()
    await writeFile(
      `${store}.lock`,
      JSON.stringify({ pid, host: hostname(), token: 'x', since: '2026-01-01T00:00:00Z' }),
    )
    const result = await combine(root, store)
    expect(result.code, result.stderr).toBe(0)
    expect(await storeRuns(store)).toEqual({ runs: 1, testRuns: 1 })
    expect((await readdir(root)).filter((n) => n.endsWith('.lock'))).toEqual([])
  })
})

describe('a store that cannot be written', () => {
  it('warns, and still writes the verdict and the report', async () => {
    const root = await mkdtemp(join(dir, 'unwritable-'))
    await run(root)
    // A path under a regular file: ENOTDIR for every user, root included.
    await writeFile(join(root, 'file'), '')
    const result = await combine(root, join(root, 'file', 'x', 'timings.json'), [
      '--report-md',
      'report.md',
      '--report-json',
      'report.json',
    ])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/warning: timings not saved to .*file\/x\/timings\.json/)
    expect(await readFile(join(root, 'report.md'), 'utf8')).toMatch(/tests passed/)
    expect(JSON.parse(await readFile(join(root, 'report.json'), 'utf8'))).toMatchObject({
      verdict: 'passed',
    })
  })
})

import { spawn, spawnSync } from 'node:child_process'
import { createReadStream } from 'node:fs'
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stableStringify } from '../../src/core/json.js'
import { planDigest } from '../../src/adapters/plan-file.js'
import { runCli } from '../support/cli.js'
import { cliArgv, exited, spawnCli } from '../support/cli-process.js'
import { makePlan, makeResult } from '../support/results.js'

/**
 * Output files (`--output`, `--store`, `--report-md`, `--report-json`) land where the user
 * meant: through a symbolic link to its target, into a FIFO or device as a stream, and never
 * by renaming over something that is not a regular file.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-outputs-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function plan(cwd: string, output: string) {
  return runCli(
    ['plan', '--shards', '1', '--items-from', '-', '--format', 'json', '--output', output],
    { cwd, stdin: 'a.test.js\n' },
  )
}

/** A complete one-shard run to combine: the plan file and the results directory. */
async function combinable(root: string): Promise<{ planFile: string; results: string }> {
  const p = makePlan([['a.test.js']])
  const planFile = join(root, 'plan.json')
  await writeFile(planFile, stableStringify(p, 2))
  const results = join(root, 'results', 'shard-1')
  await mkdir(results, { recursive: true })
  await writeFile(
    join(results, 'shard-result.json'),
    stableStringify(makeResult(p, planDigest(p), 1, { 'a.test.js::works': { seconds: 3 } }), 2),
  )
  return { planFile, results: join(root, 'results') }
}

async function leftovers(path: string): Promise<string[]> {
  return (await readdir(path)).filter((name) => name.endsWith('.tmp'))
}

describe('output files', () => {
  it('writes the timings store through a symbolic link into its target, keeping the link', async () => {
    const root = await mkdtemp(join(dir, 'store-link-'))
    const { planFile, results } = await combinable(root)
    await mkdir(join(root, 'real'))
    await symlink(join('real', 'timings.json'), join(root, 'link.json'))
    const run = await runCli(
      ['combine', '--plan', planFile, '--results-dir', results, '--store', 'link.json'],
      { cwd: root },
    )
    expect(run.code, run.stderr).toBe(0)
    expect((await lstat(join(root, 'link.json'))).isSymbolicLink()).toBe(true)
    const store = JSON.parse(await readFile(join(root, 'real', 'timings.json'), 'utf8')) as {
      tests: Record<string, { seconds: number }>
    }
    expect(store.tests['a.test.js::works']?.seconds).toBe(3)
    expect(await leftovers(root)).toEqual([])
  })

  it('keeps the permissions of a file it replaces', async () => {
    const root = await mkdtemp(join(dir, 'mode-'))
    await writeFile(join(root, 'plan.json'), '{}')
    await chmod(join(root, 'plan.json'), 0o640)
    expect((await plan(root, 'plan.json')).code).toBe(0)
    expect((await stat(join(root, 'plan.json'))).mode & 0o777).toBe(0o640)
  })

  it('writes the report into a FIFO, which stays a FIFO', async () => {
    const root = await mkdtemp(join(dir, 'fifo-'))
    const { planFile, results } = await combinable(root)
    const fifo = join(root, 'fifo.md')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    let received = ''
    const reader = createReadStream(fifo, 'utf8').on('data', (c) => (received += String(c)))
    const run = await runCli(
      ['combine', '--plan', planFile, '--results-dir', results, '--no-store', '--report-md', fifo],
      { cwd: root },
    )
    await new Promise<void>((done) => reader.once('close', () => done()))
    expect(run.code, run.stderr).toBe(0)
    expect(received).toMatch(/Shardwise: tests passed/)
    expect((await lstat(fifo)).isFIFO()).toBe(true)
    expect(await leftovers(root)).toEqual([])
  })

  it('writes to a character device behind a link (/dev/null) in place, replacing neither', async () => {
    const root = await mkdtemp(join(dir, 'device-'))
    await symlink('/dev/null', join(root, 'null.json'))
    const run = await plan(root, 'null.json')
    expect(run.code, run.stderr).toBe(0)
    expect((await lstat(join(root, 'null.json'))).isSymbolicLink()).toBe(true)
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true)
    expect(await leftovers(root)).toEqual([])
  })

  it('treats a link to /proc/self/fd/1 (what /dev/stdout is) as the stream it names', async () => {
    const root = await mkdtemp(join(dir, 'stdout-'))
    const { planFile, results } = await combinable(root)
    await symlink('/proc/self/fd/1', join(root, 'stdout.md'))
    const child = spawnCli(
      [
        'combine',
        '--plan',
        planFile,
        '--results-dir',
        results,
        '--no-store',
        '--report-md',
        'stdout.md',
      ],
      { cwd: root },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    expect(await exited(child), stderr).toBe(0)
    expect(stdout).toMatch(/Shardwise: tests passed/)
    expect((await lstat(join(root, 'stdout.md'))).isSymbolicLink()).toBe(true)
    expect(await leftovers(root)).toEqual([])
  })

  it('writes to /dev/stdout-like links when stdout is a real pipe (| cat)', async () => {
    const root = await mkdtemp(join(dir, 'pipe-'))
    const { planFile, results } = await combinable(root)
    await symlink('/proc/self/fd/1', join(root, 'stdout.md'))
    // A shell pipeline: the CLI's stdout is a pipe, as in `shardwise combine … | cat`.
    const child = spawn(
      'sh',
      [
        '-c',
        '"$@" | cat',
        'sh',
        ...cliArgv([
          'combine',
          '--plan',
          planFile,
          '--results-dir',
          results,
          '--no-store',
          '--report-md',
          'stdout.md',
        ]),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    expect(await exited(child), stderr).toBe(0)
    expect(stderr).not.toMatch(/cannot write/)
    expect(stdout).toMatch(/Shardwise: tests passed/)
    expect((await lstat(join(root, 'stdout.md'))).isSymbolicLink()).toBe(true)
    expect(await leftovers(root)).toEqual([])
  })

  it('names the problem when the path is a directory, and leaves nothing behind', async () => {
    const root = await mkdtemp(join(dir, 'directory-'))
    await mkdir(join(root, 'out'))
    const run = await plan(root, 'out')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--output .*out: .*out is a directory; give a file path/)
    expect(await leftovers(root)).toEqual([])
  })
})

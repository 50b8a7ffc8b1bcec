import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exited, isGone, spawnCli } from '../support/cli-process.js'
import { readResult, writePlan } from '../support/results.js'

/**
 * G13 (output volume) with real pipes: the CLI's stdout read by `head`, which closes it early,
 * or by a reader slower than the tests. The CLI is its own process here, as in a shell.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-pipes-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A node script that prints `chunks` × 64 KiB of `x` lines, waiting whenever stdout is full. */
function printer(chunks: number, pidFile?: string): string {
  return [
    pidFile === undefined
      ? ''
      : `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid))`,
    "const chunk = Buffer.from('x'.repeat(63) + '\\n').toString().repeat(1024)",
    'let n = 0',
    `const go = () => { while (n < ${chunks}) { n++; if (!process.stdout.write(chunk)) return process.stdout.once('drain', go) } }`,
    'go()',
  ].join(';')
}

async function shardWorkspace(name: string): Promise<{ root: string; plan: string }> {
  const root = await mkdtemp(join(dir, `${name}-`))
  await writeFile(join(root, 'a.test.js'), '')
  const plan = join(root, 'plan.json')
  await writePlan(plan, [['a.test.js']])
  return { root, plan }
}

describe('G13 the CLI writing to a pipe', () => {
  it('run | head -1: drops the output once stdout closes, writes the result and leaves no test process', async () => {
    const { root, plan } = await shardWorkspace('head')
    const pidFile = join(root, 'test.pid')
    const child = spawnCli(
      [
        'run',
        '--plan',
        plan,
        '--shard',
        '1',
        '--results-dir',
        'result',
        '--',
        process.execPath,
        '-e',
        printer(64, pidFile),
      ],
      { cwd: root },
    )
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    // `head -1`: the first line, then the pipe closes.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await exited(child)
    expect(stderr).not.toMatch(/EPIPE|Error:/)
    expect(code, stderr).toBe(0)
    const result = await readResult(join(root, 'result', 'shard-result.json'))
    expect(result.status).toBe('passed')
    expect(isGone(Number(await readFile(pidFile, 'utf8')))).toBe(true)
  })

  it('plan | head -c 100: ends cleanly when the reader stops early', async () => {
    const root = await mkdtemp(join(dir, 'plan-'))
    const items = join(root, 'items.txt')
    await writeFile(
      items,
      Array.from({ length: 20_000 }, (_, i) => `tests/t${i}.test.js\n`).join(''),
    )
    const child = spawnCli(['plan', '--shards', '4', '--items-from', items, '--format', 'json'], {
      cwd: root,
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    let read = 0
    child.stdout.on('data', (c: Buffer) => {
      read += c.length
      if (read >= 100) child.stdout.destroy()
    })
    const code = await exited(child)
    expect(stderr).not.toMatch(/EPIPE|Error:|^\s+at /m)
    expect(code, stderr).toBe(0)
  })

  it('a reader that falls behind makes the test command wait instead of filling our memory', async () => {
    const { root, plan } = await shardWorkspace('slow')
    const chunks = 4800 // 300 MiB of output
    const child = spawnCli(
      [
        'run',
        '--plan',
        plan,
        '--shard',
        '1',
        '--results-dir',
        'result',
        '--',
        process.execPath,
        '-e',
        printer(chunks),
      ],
      // Far less heap than the output: buffering it would end the CLI.
      { cwd: root, nodeOptions: ['--max-old-space-size=64'] },
    )
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    let bytes = 0
    let lines = 0
    child.stdout.pause()
    child.stdout.on('data', (c: Buffer) => {
      bytes += c.length
      for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++
    })
    // The reader is away while the tests print; then it reads everything.
    setTimeout(() => child.stdout.resume(), 1500)
    const code = await exited(child)
    expect(stderr).not.toMatch(/heap|ENOBUFS/i)
    expect(code, stderr).toBe(0)
    expect(bytes).toBe(chunks * 64 * 1024)
    expect(lines).toBe(chunks * 1024)
    expect((await readResult(join(root, 'result', 'shard-result.json'))).status).toBe('passed')
  })
})

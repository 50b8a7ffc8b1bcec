import { spawnSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * G13: a verbose Go suite's `go test -json` report outgrows what one JavaScript string holds
 * (2^29 − 24 characters, about 512 MB). The adapter reads it line by line, in bounded memory.
 */

const REPO = resolve(import.meta.dirname, '../../..')
const PKG = 'example.com/big'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-go-large-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A report of `mib` MiB: TestSmall, then TestBig printing nearly all of it, both passing. */
async function writeReport(path: string, mib: number): Promise<void> {
  const event = (fields: Record<string, unknown>) =>
    `${JSON.stringify({ Package: PKG, ...fields })}\n`
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(event({ Action: 'run', Test: 'TestSmall' }))
  await write(event({ Action: 'pass', Test: 'TestSmall', Elapsed: 0.01 }))
  await write(event({ Action: 'run', Test: 'TestBig' }))
  const line = event({ Action: 'output', Test: 'TestBig', Output: `${'x'.repeat(4000)}\n` })
  const block = line.repeat(Math.floor((1024 * 1024) / line.length))
  for (let i = 0; i < mib; i++) await write(block)
  await write(event({ Action: 'pass', Test: 'TestBig', Elapsed: 12.5 }))
  await write(event({ Action: 'pass', Elapsed: 12.6 }))
  out.end()
  await once(out, 'close')
}

describe('G13 go test -json reports larger than a string', () => {
  it('reads a 560 MiB report line by line, with 64 MB of heap, and keeps both passing tests', async () => {
    const report = join(dir, 'go-0.jsonl')
    await writeReport(report, 560)
    const script = join(dir, 'read.mts')
    const adapter = pathToFileURL(join(REPO, 'src/adapters/runners/go.ts')).href
    await writeFile(
      script,
      [
        `import { goTest } from ${JSON.stringify(adapter)}`,
        `const outcomes = await goTest.readOutcomes({ argv: [], stdoutReport: ${JSON.stringify(report)} }, { command: [], items: [], reportDir: ${JSON.stringify(dir)}, cwd: ${JSON.stringify(dir)} })`,
        'console.log(JSON.stringify(outcomes))',
      ].join('\n'),
    )
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', script],
      { cwd: REPO, encoding: 'utf8', timeout: 120_000 },
    )
    expect(child.stderr).not.toMatch(/heap out of memory/i)
    expect(child.status, child.stderr).toBe(0)
    const outcomes = JSON.parse(child.stdout) as {
      tests: { id: string; status: string; seconds: number }[]
      fileFailures: unknown[]
    }
    expect(outcomes.tests.map((t) => [t.id, t.status, t.seconds])).toEqual([
      [`${PKG}::TestSmall`, 'passed', 0.01],
      [`${PKG}::TestBig`, 'passed', 12.5],
    ])
    expect(outcomes.fileFailures).toEqual([])
  })
})

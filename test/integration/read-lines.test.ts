import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forEachLine } from '../../src/adapters/read-lines.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-lines-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function lines(text: string | Buffer, max?: number): Promise<string[]> {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}`)
  await writeFile(path, text)
  const out: string[] = []
  await forEachLine(path, (line) => out.push(line), max)
  return out
}

describe('forEachLine (reports read as a stream)', () => {
  it('passes each line without its line feed, the last one even when unterminated', async () => {
    expect(await lines('a\nb\r\n\nc')).toEqual(['a', 'b\r', '', 'c'])
    expect(await lines('')).toEqual([])
  })

  it('keeps characters whole across the chunks a file is read in', async () => {
    const line = 'é€😀'.repeat(40_000) // multi-byte characters across 64 KiB reads
    expect(await lines(`${line}\nnext\n`)).toEqual([line, 'next'])
  })

  it('cuts a line longer than the limit and goes on with the next', async () => {
    const out = await lines(`${'x'.repeat(5_000_000)}\nafter\n`, 1000)
    expect(out).toEqual(['x'.repeat(1000), 'after'])
  })
})

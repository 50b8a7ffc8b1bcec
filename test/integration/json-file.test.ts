import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JsonFileError, readJsonFile } from '../../src/adapters/json-file.js'
import { planDigest, readPlanFile } from '../../src/adapters/plan-file.js'
import { decodePlan, encodePlan } from '../../src/core/contracts/plan.js'
import { UsageError } from '../../src/core/errors.js'
import { makePlan } from '../support/results.js'

/** Real files read through a contract: every failure names the flag, the file and the field. */

const RECORDED = join(import.meta.dirname, '../fixtures/recorded')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-json-file-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function failure(read: Promise<unknown>): Promise<JsonFileError> {
  try {
    await read
  } catch (error) {
    if (error instanceof JsonFileError) return error
    throw error
  }
  throw new Error('read without an error')
}

describe('readJsonFile', () => {
  it('decodes a file through its contract', async () => {
    const path = join(dir, 'plan.json')
    await writeFile(path, '{"version": 1, "shards": [{"index": 1, "items": ["a.test.js"]}]}')
    const plan = await readJsonFile('--plan', path, decodePlan)
    expect(plan.shards).toStrictEqual([{ index: 1, items: ['a.test.js'], predictedSeconds: 0 }])
  })

  it('names the flag and the file it cannot read, as a usage error', async () => {
    const missing = await failure(readJsonFile('--plan', join(dir, 'nope.json'), decodePlan))
    expect(missing).toBeInstanceOf(UsageError)
    expect(missing.problem).toBe('missing')
    expect(missing.message).toMatch(/^--plan .*nope\.json: cannot read it \(ENOENT/)
    const folder = join(dir, 'a-folder')
    await mkdir(folder)
    const unreadable = await failure(readJsonFile('--quarantine', folder, decodePlan))
    expect(unreadable.problem).toBe('unreadable')
    expect(unreadable.message).toMatch(/^--quarantine .*a-folder: cannot read it \(EISDIR/)
  })

  it('names the file that is not JSON', async () => {
    const path = join(dir, 'truncated.json')
    await writeFile(path, '{"version":1,"shards"')
    const error = await failure(readJsonFile('--plan', path, decodePlan))
    expect(error.problem).toBe('not-json')
    expect(error.message).toMatch(/^--plan .*truncated\.json: not valid JSON \(/)
  })

  it('names the file and the field that does not decode', async () => {
    const path = join(dir, 'bad-index.json')
    await writeFile(path, '{"version": 1, "shards": [{"index": 2, "items": []}]}')
    const error = await failure(readJsonFile('--plan', path, decodePlan))
    expect(error.problem).toBe('invalid')
    expect(error.message).toBe(
      `--plan ${path}: not a valid Shardwise plan: \`shards[0].index\` must be 1 (shards are numbered 1, 2, … in order); got \`2\``,
    )
    expect(error.detail).toBe(
      'not a valid Shardwise plan: `shards[0].index` must be 1 (shards are numbered 1, 2, … in order); got `2`',
    )
  })

  it('refuses a file larger than the limit before reading it', async () => {
    const path = join(dir, 'large.json')
    await writeFile(path, `[${'0,'.repeat(1000)}0]`)
    const error = await failure(readJsonFile('--results-dir', path, (d) => d, { maxBytes: 1000 }))
    expect(error.problem).toBe('too-large')
    expect(error.message).toBe(`--results-dir ${path}: larger than 1000 bytes`)
    await expect(
      readJsonFile('--results-dir', path, (d) => d, { maxBytes: 5000 }),
    ).resolves.toHaveLength(1001)
  })

  it('lets an error of the decoder that is not about the data through: it is a bug', async () => {
    const path = join(dir, 'fine.json')
    await writeFile(path, '{}')
    await expect(
      readJsonFile('--plan', path, () => {
        throw new TypeError('a bug')
      }),
    ).rejects.toThrow(TypeError)
  })
})

describe('readPlanFile', () => {
  it('digests the file as written: a plan written by encodePlan has the digest of the plan', async () => {
    const plan = makePlan([['a.test.js'], ['b.test.js']])
    const path = join(dir, 'written.json')
    await writeFile(path, `${encodePlan(plan, 2)}\n`)
    const read = await readPlanFile(path)
    expect(read.plan).toStrictEqual(plan)
    expect(read.digest).toBe(planDigest(plan))
  })

  it('digests what the shards of a real run digested (recorded plan with a shardCount)', async () => {
    for (const suite of ['jest-ts', 'vitest-jsdom']) {
      const { digest } = await readPlanFile(join(RECORDED, suite, 'plan.json'))
      const result = JSON.parse(await readFile(join(RECORDED, suite, 'shard-1.json'), 'utf8')) as {
        planDigest: string
      }
      expect(digest).toBe(result.planDigest)
    }
  })

  it('names the flag it was given', async () => {
    const error = await failure(readPlanFile(join(dir, 'nope.json'), 'plan artifact'))
    expect(error.message).toMatch(/^plan artifact .*nope\.json: cannot read it/)
  })
})

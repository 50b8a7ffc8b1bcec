import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError } from '../../../src/core/contracts/schema.js'
import {
  COST_MODEL,
  decodeStore,
  encodeStore,
  readStoreDocument,
  type StoreEntry,
  type TimingStore,
} from '../../../src/core/contracts/store.js'
import { emptyStore } from '../../../src/core/store.js'

const NOW = '2026-11-22T10:00:00.000Z'

/** A store with the given test entries, as JSON would carry it. */
function storeJson(tests: unknown, extra: Record<string, unknown> = {}): unknown {
  return { ...JSON.parse(JSON.stringify(emptyStore(NOW))), tests, ...extra }
}

function failure(data: unknown): string {
  try {
    decodeStore(data)
  } catch (error) {
    if (error instanceof DecodeError) return error.message
    throw error
  }
  throw new Error('decoded without an error')
}

describe('the timings store contract', () => {
  it('tells a store from a newer store and from someone else’s file (both left alone)', () => {
    expect(readStoreDocument({ version: 99, tool: 'shardwise' })).toStrictEqual({
      kind: 'newer',
      version: 99,
    })
    expect(readStoreDocument({ name: 'app', version: '1.0.0' })).toStrictEqual({ kind: 'foreign' })
    expect(readStoreDocument([{ tool: 'shardwise' }])).toStrictEqual({ kind: 'foreign' })
    expect(readStoreDocument('shardwise')).toStrictEqual({ kind: 'foreign' })
    const read = readStoreDocument(storeJson({}))
    expect(read.kind).toBe('store')
  })

  it('F2: refuses a store of an older or unknown version, naming the field', () => {
    expect(failure({ tool: 'shardwise', version: 0 })).toBe(
      'not a valid Shardwise timings store: `version` must be `1`; got `0`',
    )
    expect(failure({ tool: 'shardwise' })).toBe(
      'not a valid Shardwise timings store: `version` must be `1`; got nothing',
    )
    expect(() => readStoreDocument({ tool: 'shardwise', version: '1' })).toThrow(
      /`version` must be `1`; got `"1"`/,
    )
  })

  it('reads a store written before the cost model: no costModel, warm-up or workers', () => {
    const store = decodeStore({
      version: 1,
      tool: 'shardwise',
      updatedAt: NOW,
      runs: 4,
      files: { 'a.test.js': { seconds: 2, runs: 4, lastSeen: NOW } },
      tests: {},
      shardSetupSeconds: { seconds: 3, runs: 4, lastSeen: NOW },
    })
    expect(store).not.toHaveProperty('costModel')
    expect(store).not.toHaveProperty('warmupSeconds')
    expect(store).not.toHaveProperty('workers')
    expect(store.shardSetupSeconds).toStrictEqual({ seconds: 3, runs: 4, lastSeen: NOW })
    expect(store.files['a.test.js']?.seconds).toBe(2)
  })

  it('C1/F1: drops or repairs damaged entries and keeps the rest of the history', () => {
    const store = decodeStore(
      storeJson(
        {
          'ok.test.js::a': { seconds: 1, runs: 2, lastSeen: NOW, lastRun: 7, outcomes: 'ppf' },
          'negative.test.js::a': { seconds: -1 },
          'nan.test.js::a': { seconds: 'NaN' },
          'not-an-entry': 5,
          'huge.test.js::a': { seconds: 1e12, runs: 2.7, lastSeen: 'x'.repeat(100) },
          'odd.test.js::a': {
            seconds: 1,
            runs: 'many',
            lastSeen: 5,
            lastRun: 1.5,
            outcomes: 'pxq',
          },
          'long.test.js::a': { seconds: 1, outcomes: 'p'.repeat(40) + 'f' },
        },
        {
          runs: 'x',
          updatedAt: 3,
          costModel: 'test-sum',
          files: 'broken',
          shardSetupSeconds: { seconds: -5 },
          warmupSeconds: { seconds: 0.5, runs: 1, lastSeen: NOW },
          workers: 'two',
        },
      ),
    )
    expect(Object.keys(store.tests).sort()).toEqual([
      'huge.test.js::a',
      'long.test.js::a',
      'odd.test.js::a',
      'ok.test.js::a',
    ])
    expect(store.tests['ok.test.js::a']).toStrictEqual({
      seconds: 1,
      runs: 2,
      lastSeen: NOW,
      lastRun: 7,
      outcomes: 'ppf',
    })
    expect(store.tests['huge.test.js::a']).toStrictEqual({
      seconds: 21_600,
      runs: 2,
      lastSeen: 'x'.repeat(40),
    })
    expect(store.tests['odd.test.js::a']).toStrictEqual({ seconds: 1, runs: 1, lastSeen: '' })
    expect(store.tests['long.test.js::a']?.outcomes).toBe(`${'p'.repeat(29)}f`)
    expect(store.runs).toBe(0)
    expect(store.updatedAt).toBe('')
    expect(store).not.toHaveProperty('costModel')
    expect(Object.keys(store.files)).toEqual([])
    expect(store.shardSetupSeconds).toBeUndefined()
    expect(store.warmupSeconds).toStrictEqual({ seconds: 0.5, runs: 1, lastSeen: NOW })
    expect(store.workers).toBeUndefined()
  })

  it('F3: keeps __proto__ and constructor as entries, polluting nothing', () => {
    const store = decodeStore(
      JSON.parse(
        JSON.stringify(storeJson({})).replace(
          '"tests":{}',
          '"tests":{"__proto__":{"seconds":1,"polluted":"yes"},"constructor":{"seconds":2}}',
        ),
      ),
    )
    expect(Object.keys(store.tests).sort()).toEqual(['__proto__', 'constructor'])
    expect(store.tests.__proto__).toStrictEqual({ seconds: 1, runs: 1, lastSeen: '' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('gives back the same store and the same bytes after encode and decode (property)', () => {
    const entry: fc.Arbitrary<StoreEntry> = fc.record(
      {
        seconds: fc.double({ min: 0, max: 21_600, noNaN: true }),
        runs: fc.integer({ min: 1, max: 1000 }),
        lastSeen: fc.constant(NOW),
        lastRun: fc.integer({ min: 0, max: 1000 }),
        outcomes: fc.stringMatching(/^[pfk]{0,30}$/),
      },
      { requiredKeys: ['seconds', 'runs', 'lastSeen'] },
    )
    const section = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), entry, { maxKeys: 6 })
    const storeArbitrary = fc
      .record({
        runs: fc.nat(1000),
        files: section,
        tests: section,
        setup: fc.option(entry, { nil: undefined }),
        warmup: fc.option(entry, { nil: undefined }),
      })
      .map(({ runs, files, tests, setup, warmup }): TimingStore => ({
        version: 1,
        tool: 'shardwise',
        updatedAt: NOW,
        runs,
        costModel: COST_MODEL,
        files,
        tests,
        shardSetupSeconds: setup,
        ...(warmup === undefined ? {} : { warmupSeconds: warmup }),
      }))
    fc.assert(
      fc.property(storeArbitrary, (store) => {
        const text = encodeStore(store)
        const again = decodeStore(JSON.parse(text))
        expect(encodeStore(again)).toBe(text)
        expect({ ...again, files: { ...again.files }, tests: { ...again.tests } }).toEqual(store)
      }),
    )
  })
})

import { describe, expect, it } from 'vitest'
import {
  checkThreshold,
  formatPercent,
  summarizeCoverage,
} from '../../../src/core/coverage/summary.js'
import { file } from '../../support/coverage-data.js'

describe('summaries and the threshold', () => {
  const model = new Map([
    [
      'a.js',
      file(
        { 1: 1, 2: 0, 3: 5 },
        [
          [1, '0', '0', 1],
          [1, '0', '1', 0],
        ],
        [
          ['f', 1, 1],
          ['g', 2, 0],
        ],
      ),
    ],
    ['b.js', file({ 1: 0 })],
    ['empty.js', file({})],
  ])

  it('summarises per file and in total', () => {
    const { files, total } = summarizeCoverage(model)
    expect(files.get('a.js')).toEqual({
      lines: { found: 3, hit: 2 },
      branches: { found: 2, hit: 1 },
      functions: { found: 2, hit: 1 },
      percent: (2 * 100) / 3,
    })
    expect(files.get('empty.js')!.percent).toBeUndefined()
    expect(total).toEqual({
      lines: { found: 4, hit: 2 },
      branches: { found: 2, hit: 1 },
      functions: { found: 2, hit: 1 },
      percent: 50,
    })
  })

  it('fails just below the threshold without rounding up, and passes exactly at it', () => {
    const below = { ...summarizeCoverage(model).total, lines: { found: 10000, hit: 7999 } }
    const verdict = checkThreshold(below, 80)
    expect(verdict.kind).toBe('failed')
    expect(verdict.message).toBe(
      'Line coverage 79.99% (7999 of 10000 lines) is below the threshold of 80%.',
    )
    expect(checkThreshold({ ...below, lines: { found: 5, hit: 4 } }, 80).kind).toBe('passed')
    expect(checkThreshold({ ...below, lines: { found: 3, hit: 1 } }, 33.34).kind).toBe('failed')
    expect(formatPercent(79.9999)).toBe('79.99%')
  })

  it('reports no data as its own verdict rather than a pass', () => {
    const verdict = checkThreshold(summarizeCoverage(new Map()).total, 0)
    expect(verdict.kind).toBe('no-data')
  })

})

import { describe, expect, it } from 'vitest'
import { jest } from '../../../src/adapters/runners/jest.js'
import { describeRunner } from './shared.js'
import { runnerBin } from '../../support/runner-workspace.js'

// Real Jest on test/fixtures/runners/jest: sharding, hostile names, retries, empty shards,
// missing files, the child's environment.
const suite = describeRunner('jest')

describe('jest invocations', () => {
  it('passes files as literal ./ paths after --runTestsByPath (Jest reads plain ones as regexes)', () => {
    const [invocation] = jest.invocations({
      command: [runnerBin('jest')],
      items: ['[id].test.js', '-rf.test.js', '(group)/x.test.js'],
      reportDir: '/tmp/reports',
      cwd: suite.dir(),
    })
    const argv = invocation!.argv
    const at = argv.indexOf('--runTestsByPath')
    expect(at).toBeGreaterThan(0)
    expect(argv.slice(at + 1)).toEqual(['./(group)/x.test.js', './-rf.test.js', './[id].test.js'])
  })

  it('selects single tests with one anchored pattern per file', () => {
    const invocations = jest.invocations({
      command: ['jest'],
      items: ['a.test.js::d (x)::t.1', 'a.test.js::d (x)::t|2', 'b.test.js'],
      reportDir: '/tmp/reports',
      cwd: '/repo',
    })
    expect(invocations.map((i) => i.argv.slice(3))).toEqual([
      ['--runTestsByPath', './b.test.js'],
      [
        '-t',
        '^(?:d \\(x\\)(?: |::)t\\.1|d \\(x\\)(?: |::)t\\|2)$',
        '--runTestsByPath',
        './a.test.js',
      ],
    ])
  })
})

describe('jest test selection limits', () => {
  it('splits the patterns of many tests of one file below the single-argument limit', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `big.test.js::suite ${i}::${'x'.repeat(60)}`)
    const invocations = jest.invocations({
      command: ['jest'],
      items: ids,
      reportDir: '/tmp/reports',
      cwd: '/repo',
    })
    expect(invocations.length).toBeGreaterThan(1)
    for (const invocation of invocations) {
      const pattern = invocation.argv[invocation.argv.indexOf('-t') + 1]!
      expect(Buffer.byteLength(pattern)).toBeLessThan(128 * 1024)
      expect(invocation.argv.at(-1)).toBe('./big.test.js')
    }
    // Every test is in exactly one pattern.
    const matched = ids.filter((id) => {
      const name = id.split('::').slice(1).join(' ')
      return (
        invocations.filter((i) => new RegExp(i.argv[i.argv.indexOf('-t') + 1]!, 'i').test(name))
          .length === 1
      )
    })
    expect(matched).toHaveLength(ids.length)
  })
})

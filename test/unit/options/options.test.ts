import { describe, expect, it } from 'vitest'
import { UsageError } from '../../../src/core/errors.js'
import { combineSettings, coverageThreshold } from '../../../src/options/combine.js'
import { planSettings } from '../../../src/options/plan.js'
import { fallbackMaxItems, runSettings } from '../../../src/options/run.js'
import {
  actionDefault,
  actionSource,
  cliSource,
  type OptionSource,
} from '../../../src/options/source.js'

/**
 * One options module per command, fed by the command line or by the action's inputs: the same
 * values give the same settings, the same mistakes the same refusal, each naming the option
 * the way its user wrote it.
 */

/** A command line's flags as node:util's parseArgs leaves them. */
function cli(values: Record<string, string | string[] | boolean>): OptionSource {
  return cliSource({
    str: (flag) => (typeof values[flag] === 'string' ? values[flag] : undefined),
    list: (flag) => {
      const value = values[flag]
      return Array.isArray(value) ? value : []
    },
    flag: (flag) => values[flag] === true,
    booleans: new Set(['fail-on-flaky', 'no-store']),
  })
}

/** A step's inputs as the runner gives them: a missing one reads as action.yml's default. */
function step(inputs: Record<string, string>): OptionSource {
  return actionSource((name) => inputs[name] ?? actionDefault(name))
}

function refusal(read: () => unknown): string {
  try {
    read()
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('not refused')
}

describe('the options of the CLI and of the action', () => {
  it('give the same settings from the same values, flags repeated where inputs take lines', () => {
    const fromCli = cli({
      shards: 'auto',
      'target-seconds': '300',
      'max-shards': '12',
      'shard-overhead-seconds': '4.5',
      granularity: 'test',
      timings: ['a.xml', 'b/'],
      runner: 'jest',
      retries: '2',
      repeat: '3',
      'fail-on-flaky': true,
      timeout: '600',
      junit: ['reports/*.xml'],
      coverage: ['coverage/lcov.info', 'coverage/cobertura.xml'],
      'flaky-threshold': '0.25',
      'coverage-threshold': '80.5',
      'base-ref': 'origin/main',
      'fallback-max-items': '7',
    })
    const fromStep = step({
      shards: 'auto',
      'target-seconds': '300',
      'max-shards': '12',
      'shard-overhead-seconds': '4.5',
      granularity: 'test',
      timings: 'a.xml\n  b/\n\n',
      runner: 'jest',
      retries: '2',
      repeat: '3',
      'fail-on-flaky': 'true',
      'timeout-seconds': '600',
      junit: 'reports/*.xml',
      coverage: 'coverage/lcov.info\ncoverage/cobertura.xml',
      'flaky-threshold': '0.25',
      'coverage-threshold': '80.5',
      'base-ref': 'origin/main',
      'fallback-max-items': '7',
    })
    expect(planSettings(fromCli)).toEqual({
      shards: { kind: 'auto', targetSeconds: 300, maxShards: 12 },
      shardOverheadSeconds: 4.5,
      granularity: 'test',
      timings: ['a.xml', 'b/'],
    })
    expect(planSettings(fromStep)).toEqual(planSettings(fromCli))
    expect(runSettings(fromCli)).toEqual({
      runner: 'jest',
      retries: 2,
      repeat: 3,
      failOnFlaky: true,
      timeoutSeconds: 600,
      junitGlobs: ['reports/*.xml'],
      coverageGlobs: ['coverage/lcov.info', 'coverage/cobertura.xml'],
    })
    expect(runSettings(fromStep)).toEqual(runSettings(fromCli))
    expect(combineSettings(fromCli)).toEqual({
      flakyThreshold: 0.25,
      coverageThreshold: 80.5,
      baseRef: 'origin/main',
      quarantine: undefined,
    })
    expect(combineSettings(fromStep)).toEqual(combineSettings(fromCli))
    expect(fallbackMaxItems(fromStep)).toBe(7)
    expect(fallbackMaxItems(fromCli)).toBe(7)
  })

  it('take the defaults action.yml declares when nothing is given', () => {
    for (const source of [cli({}), step({})]) {
      expect(planSettings(source)).toEqual({
        shards: { kind: 'fixed', count: 4 },
        shardOverheadSeconds: undefined,
        granularity: 'file',
        timings: [],
      })
      expect(runSettings(source)).toEqual({
        runner: 'auto',
        retries: 0,
        repeat: 1,
        failOnFlaky: false,
        timeoutSeconds: undefined,
        junitGlobs: [],
        coverageGlobs: [],
      })
      expect(combineSettings(source)).toEqual({
        flakyThreshold: 0.1,
        coverageThreshold: undefined,
        baseRef: undefined,
        quarantine: undefined,
      })
      expect(fallbackMaxItems(source)).toBe(50)
    }
  })

  it('refuse `max-shards` and `target-seconds` without `shards: auto` on both paths, each naming the option as its user wrote it', () => {
    expect(refusal(() => planSettings(cli({ 'max-shards': '8' })))).toBe(
      '`--target-seconds` and `--max-shards` go with `--shards auto`.',
    )
    expect(refusal(() => planSettings(step({ 'max-shards': '8' })))).toBe(
      '`target-seconds` and `max-shards` go with `shards: auto`.',
    )
    expect(refusal(() => planSettings(cli({ shards: '3', 'target-seconds': '60' })))).toBe(
      '`--target-seconds` and `--max-shards` go with `--shards auto`.',
    )
    expect(refusal(() => planSettings(cli({ shards: 'auto' })))).toBe(
      '`--shards auto` needs `--target-seconds <S>`: the wall time each shard should reach.',
    )
    expect(refusal(() => planSettings(step({ shards: 'auto' })))).toBe(
      '`shards: auto` needs `target-seconds: <S>`: the wall time each shard should reach.',
    )
    // A step always carries every input: one set to its default is not a setting of its own.
    expect(planSettings(step({ shards: '2', 'max-shards': '256' })).shards).toEqual({
      kind: 'fixed',
      count: 2,
    })
  })

  it.each([
    ['shards', '300', 'must be a whole number from 1 to 256 or `auto`'],
    ['granularity', 'line', 'must be one of `file`, `test`, `auto`'],
    ['shard-overhead-seconds', '-1', 'must be a number of seconds ≥ 0'],
    ['runner', 'karma', 'must be one of `auto`, `jest`'],
    ['retries', '11', 'must be a whole number from 0 to 10'],
    ['repeat', '0', 'must be a whole number from 1 to 100'],
    ['timeout-seconds', '2147484', 'must be a number of seconds from 0 to 2147483 (about 24 days)'],
    ['flaky-threshold', '1.5', 'must be a number from 0 to 1'],
    ['coverage-threshold', '101', 'must be a percentage from 0 to 100'],
    ['coverage-threshold', '80%', 'must be a percentage from 0 to 100'],
    ['fallback-max-items', '-3', 'must be a whole number from 0 to 100000'],
  ])('refuse a bad `%s` (%s) alike on both paths', (name, value, expected) => {
    const read = (source: OptionSource) => {
      planSettings(source)
      runSettings(source)
      combineSettings(source)
      fallbackMaxItems(source)
    }
    const flag = name === 'timeout-seconds' ? 'timeout' : name
    const stepMessage = refusal(() => read(step({ [name]: value })))
    expect(stepMessage).toContain(`\`${name}\` ${expected}`)
    expect(stepMessage).toContain(`; got \`${value}\`.`)
    expect(refusal(() => read(cli({ [flag]: value })))).toBe(
      stepMessage.replace(`\`${name}\``, `\`--${flag}\``),
    )
  })

  it('take a switch as `true` or `false` only', () => {
    expect(runSettings(step({ 'fail-on-flaky': 'true' })).failOnFlaky).toBe(true)
    expect(runSettings(cli({ 'fail-on-flaky': true })).failOnFlaky).toBe(true)
    expect(refusal(() => runSettings(step({ 'fail-on-flaky': 'yes' })))).toBe(
      '`fail-on-flaky` must be `true` or `false`; got `yes`.',
    )
  })

  it('read the coverage threshold in one place, for `test`, `combine` and the action alike', () => {
    expect(coverageThreshold(cli({ 'coverage-threshold': '72.5' }))).toBe(72.5)
    expect(coverageThreshold(step({ 'coverage-threshold': '0' }))).toBe(0)
    expect(coverageThreshold(step({}))).toBeUndefined()
    for (const bad of ['abc', '-1', '101', '1e2', '0x10', 'NaN', ''])
      expect(() => coverageThreshold(cli({ 'coverage-threshold': bad }))).toThrow(
        `\`--coverage-threshold\` must be a percentage from 0 to 100; got \`${bad}\`.`,
      )
  })
})

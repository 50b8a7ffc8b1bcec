import { describe, expect, it } from 'vitest'
import { splitWords } from '../../src/core/command-line.js'

describe('splitWords', () => {
  it('splits on white space and honours quotes and backslashes like a shell', () => {
    expect(splitWords(`npx jest --ci  'a b' "c \\"d\\"" e\\ f ''`)).toEqual([
      'npx',
      'jest',
      '--ci',
      'a b',
      'c "d"',
      'e f',
      '',
    ])
  })

  it('expands nothing: variables, globs and substitutions stay literal', () => {
    expect(splitWords('echo $HOME *.js $(touch x) `id` ; rm')).toEqual([
      'echo',
      '$HOME',
      '*.js',
      '$(touch',
      'x)',
      '`id`',
      ';',
      'rm',
    ])
  })

  it('rejects an unclosed quote', () => {
    expect(() => splitWords(`pytest 'tests`)).toThrow(/unclosed ' quote/)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { workflowCommandGuard } from '../../src/core/log-guard.js'
import { runnerCommands } from '../support/workflow-commands.js'

function guarded(chunks: readonly string[]): string {
  const guard = workflowCommandGuard()
  return chunks.map(guard).join('') + guard('\n')
}

describe('workflowCommandGuard', () => {
  it('defuses workflow commands at line starts, even split across writes', () => {
    const out = guarded([
      'all good\n:',
      ':add-mask::x\n',
      '  ::set-output name=a::b\n',
      'a::b stays\n',
    ])
    for (const line of out.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false)
    expect(out).toContain('a::b stays')
    expect(out).toContain('\u200b::add-mask::x')
  })

  it('changes nothing else, whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '\t', 'é') }), {
          maxLength: 12,
        }),
        (chunks) => {
          const out = guarded(chunks)
          expect(out.replace(/\u200b/g, '')).toBe(`${chunks.join('')}\n`)
          for (const line of out.split('\n')) expect(/^[ \t]*::/.test(line)).toBe(false)
        },
      ),
    )
  })
})

describe('A13 workflow commands: what the runner reads as a command', () => {
  const HOSTILE = [
    '\r::add-mask::x',
    'progress 10%\r::add-mask::x',
    'ok\r\n::error::x',
    '\v::error::x',
    '\f::warning::x',
    '\u00a0::add-mask::x',
    '\u3000::add-mask::x',
    '\u2028::add-mask::x',
    '\u0085::error::x',
    '##[add-mask]x',
    'text before ##[error]x',
    'a###[warning]x',
    '  ::stop-commands::tok',
  ]

  it('finds a command in each of these lines without the guard', () => {
    for (const line of HOSTILE) expect(runnerCommands(line), JSON.stringify(line)).not.toEqual([])
  })

  it('defuses a lone CR line end, Unicode white space before ::, and ##[ anywhere', () => {
    for (const line of HOSTILE) {
      const out = guarded([line])
      expect(runnerCommands(out), JSON.stringify(out)).toEqual([])
      expect(out.replace(/\u200b/g, ''), JSON.stringify(line)).toBe(
        `${line.replace(/\u200b/g, '')}\n`,
      )
    }
  })

  const units = [
    'a',
    ':',
    '::',
    '#',
    '##',
    '[',
    ']',
    'add-mask',
    'error',
    ' ',
    '\t',
    '\v',
    '\f',
    '\r',
    '\n',
    '\r\n',
    '\u0085',
    '\u00a0',
    '\u00ad',
    '\u1680',
    '\u2003',
    '\u2028',
    '\u200b',
    '\u3000',
    '\ufeff',
  ]

  it('leaves no command however the hostile text is split into writes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...units), maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (text, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
          const chunks = [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length))
          const out = guarded(chunks)
          expect(runnerCommands(out)).toEqual([])
          expect(out.replace(/\u200b/g, '')).toBe(`${text.replace(/\u200b/g, '')}\n`)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('marks long chunks (the fast path) exactly as it marks them one character at a time', () => {
    const fillers = [
      'x'.repeat(5000),
      '  "a": 1,\n'.repeat(500),
      '#'.repeat(4100),
      ' '.repeat(4100),
    ]
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: fc.constantFrom(...units), maxLength: 12 }),
            fc.constantFrom(...fillers),
            fc.string({ unit: fc.constantFrom(...units), maxLength: 12 }),
          ),
          { maxLength: 4 },
        ),
        (parts) => {
          const chunks = parts.map(([head, filler, tail]) => head + filler + tail)
          const oneByOne = guarded(Array.from(chunks.join('')))
          const out = guarded(chunks)
          expect(out).toBe(oneByOne)
          expect(runnerCommands(out)).toEqual([])
        },
      ),
      { numRuns: 500 },
    )
  })
})

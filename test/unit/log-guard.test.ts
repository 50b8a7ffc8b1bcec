import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { workflowCommandGuard } from '../../src/core/log-guard.js'

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

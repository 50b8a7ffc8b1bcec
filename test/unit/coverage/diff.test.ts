import { describe, expect, it } from 'vitest'
import { diffCoverage, parseUnifiedDiff } from '../../../src/core/coverage/diff.js'
import { file } from '../../support/coverage-data.js'

describe('parseUnifiedDiff and diffCoverage', () => {
  const diff = [
    'diff --git a/src/a.js b/src/a.js',
    'index 1111111..2222222 100644',
    '--- a/src/a.js',
    '+++ b/src/a.js',
    '@@ -2,0 +3,2 @@ function a() {',
    '+  one()',
    '+++counter',
    '@@ -10 +12 @@',
    '-old',
    '+new',
    '\\ No newline at end of file',
    'diff --git a/old name.js b/new name.js',
    'similarity index 90%',
    'rename from old name.js',
    'rename to new name.js',
    '--- a/old name.js\t',
    '+++ b/new name.js\t',
    '@@ -1 +1 @@',
    '-x',
    '+y',
    'diff --git a/gone.js b/gone.js',
    'deleted file mode 100644',
    '--- a/gone.js',
    '+++ /dev/null',
    '@@ -1,2 +0,0 @@',
    '-a',
    '-b',
    'diff --git "a/caf\\303\\251 \\"q\\".js" "b/caf\\303\\251 \\"q\\".js"',
    'new file mode 100644',
    '--- /dev/null',
    '+++ "b/caf\\303\\251 \\"q\\".js"',
    '@@ -0,0 +1,3 @@',
    '+a',
    '+b',
    '+c',
    'diff --git a/pure-rename.js b/renamed.js',
    'similarity index 100%',
    'rename from pure-rename.js',
    'rename to renamed.js',
    '',
  ].join('\n')

  it('finds the added lines per new path, through renames, deletions and quoted names', () => {
    const changed = parseUnifiedDiff(diff)
    expect([...changed].map(([path, lines]) => [path, [...lines].sort((a, b) => a - b)])).toEqual([
      ['src/a.js', [3, 4, 12]],
      ['new name.js', [1]],
      ['café "q".js', [1, 2, 3]],
    ])
  })

  it('follows context lines when the diff has context', () => {
    const changed = parseUnifiedDiff(
      ['--- a/x.js', '+++ b/x.js', '@@ -1,4 +1,5 @@', ' a', '-b', '+B', '+C', ' ', ' d', ''].join(
        '\n',
      ),
    )
    expect([...changed.get('x.js')!]).toEqual([2, 3])
  })

  it('counts the instrumented changed lines and how many ran', () => {
    const model = new Map([
      ['src/a.js', file({ 3: 1, 4: 0, 12: 2, 20: 0 })],
      ['café "q".js', file({ 2: 0 })],
    ])
    const result = diffCoverage(model, parseUnifiedDiff(diff))
    expect(result).toEqual({
      files: [
        { file: 'café "q".js', changedLines: 3, instrumented: 1, hit: 0, missedLines: [2] },
        { file: 'src/a.js', changedLines: 3, instrumented: 3, hit: 2, missedLines: [4] },
      ],
      total: { changedLines: 7, instrumented: 4, hit: 2, percent: 50 },
    })
    expect(diffCoverage(model, new Map()).total.percent).toBeUndefined()
  })
})

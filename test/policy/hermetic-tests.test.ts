// Tests are hermetic: they pass in any clone, as any user (root included), and leave nothing
// behind. Data they need lives in test/fixtures (the real-world datasets are copied there);
// a path that must not be writable is one under a regular file (ENOTDIR for every user),
// never a missing directory such as /nonexistent, which root creates.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

/** Test sources (TypeScript and JavaScript), fixtures excluded. */
function sources(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') out.push(...sources(path))
    } else if (/\.(?:[cm]?[jt]s)$/.test(entry.name)) out.push(path)
  }
  return out.sort()
}

/** What a test must not depend on, and why. */
const RULES: readonly [RegExp, string][] = [
  [/\.\.\/shared\b|\/work\/shared\b/, 'reads ../shared, which a clone does not have'],
  [/['"`]\/nonexistent\b/, 'assumes /nonexistent cannot be created (root can)'],
]

describe('hermetic tests', () => {
  it('no test reads ../shared or assumes a path root could create', () => {
    const self = relative(ROOT, import.meta.filename)
    const found: string[] = []
    for (const path of [...sources(join(ROOT, 'test')), ...sources(join(ROOT, 'bench'))]) {
      const name = relative(ROOT, path)
      if (name === self) continue
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [pattern, why] of RULES)
            if (pattern.test(line)) found.push(`${name}:${i + 1}: ${why}`)
        })
    }
    expect(found).toEqual([])
  })

  it('keeps the real-world datasets in the repository', () => {
    const names = readdirSync(join(ROOT, 'test/fixtures/datasets'))
    expect(names).toContain('README.md')
    expect(names.filter((n) => n !== 'README.md')).toHaveLength(16)
  })
})

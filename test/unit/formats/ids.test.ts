import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fileOfId,
  isDangerousKey,
  isOutsideRoot,
  isTestId,
  joinTestId,
  normalizeFileId,
  normalizeId,
  splitTestId,
} from '../../../src/core/ids.js'

describe('normalizeFileId (THREATS F5, D12, E2)', () => {
  it('gives the same id on its fast path for canonical ids as the full normalisation does', () => {
    // A trailing slash always takes the full path and changes nothing else, so comparing the
    // two checks every id the fast path accepts against the full rules.
    const segment = fc.constantFrom(
      'a',
      'b',
      'C:',
      'c:',
      '.',
      '..',
      '',
      ' a',
      'x y',
      'é',
      'e\u0301',
      'a\\b',
    )
    const path = fc.array(segment, { maxLength: 4 }).map((parts) => parts.join('/'))
    const roots = fc.subarray(['/w/r', 'a', 'a/b', 'C:\\ws', '.'])
    fc.assert(
      fc.property(path, roots, (raw, chosen) => {
        // Not for the empty id, trailing spaces (trimmed before the slash is seen) or a bare
        // drive (`c:` stays as it is; `c:/` is a drive root and gets its letter upper-cased).
        fc.pre(/\S$/.test(raw) && !/^\s*[a-z]:$/.test(raw))
        expect(normalizeFileId(raw, { roots: chosen })).toBe(
          normalizeFileId(`${raw}/`, { roots: chosen }),
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('makes ./a, a, a workspace-rooted Windows path and a runner path meet as one id', () => {
    const roots = ['C:\\ws', '/srv/checkout']
    const variants = [
      './src/a.test.ts',
      'src/a.test.ts',
      'src\\a.test.ts',
      '.\\src\\a.test.ts',
      'C:\\ws\\src\\a.test.ts',
      'c:\\ws\\src\\a.test.ts',
      'C:/ws/src/a.test.ts',
      '/srv/checkout/src/a.test.ts',
      '/home/runner/work/r/r/src/a.test.ts',
      '/Users/runner/work/r/r/src/a.test.ts',
      'D:\\a\\r\\r\\src\\a.test.ts',
      'd:\\a\\r\\r\\src\\a.test.ts',
      '/github/workspace/src/a.test.ts',
      '/builds/group/project/src/a.test.ts',
      '/home/circleci/project/src/a.test.ts',
      '/var/lib/buildkite-agent/builds/agent-1/org/pipeline/src/a.test.ts',
      'src//a.test.ts',
      'src/./a.test.ts',
      'src/lib/../a.test.ts',
      '  src/a.test.ts\n',
    ]
    const ids = new Set(variants.map((v) => normalizeFileId(v, { roots })))
    expect([...ids]).toEqual(['src/a.test.ts'])
  })

  it('maps the THREATS D12 trio to tests/x.py', () => {
    expect(normalizeFileId('D:\\a\\r\\r\\tests\\x.py')).toBe('tests/x.py')
    expect(normalizeFileId('/home/runner/work/r/r/tests/x.py')).toBe('tests/x.py')
    expect(normalizeFileId('tests\\x.py')).toBe('tests/x.py')
  })

  it('accepts roots with or without a trailing separator, Windows or POSIX', () => {
    expect(normalizeFileId('/repo/a/b.ts', { roots: ['/repo/'] })).toBe('a/b.ts')
    expect(normalizeFileId('/repo/a/b.ts', { roots: ['/repo'] })).toBe('a/b.ts')
    expect(normalizeFileId('C:\\ws\\a\\b.ts', { roots: ['C:\\ws\\'] })).toBe('a/b.ts')
    expect(normalizeFileId('/repo/./x/../a/b.ts', { roots: ['/repo/x/..'] })).toBe('a/b.ts')
  })

  it('strips a root only at a segment boundary', () => {
    expect(normalizeFileId('/repository/a.ts', { roots: ['/repo'] })).toBe('/repository/a.ts')
  })

  it('uses the first root that matches', () => {
    expect(normalizeFileId('/w/inner/a.ts', { roots: ['/w/inner', '/w'] })).toBe('a.ts')
    expect(normalizeFileId('/w/inner/a.ts', { roots: ['/w', '/w/inner'] })).toBe('inner/a.ts')
  })

  it('ignores a root of "/" rather than making every absolute path relative', () => {
    expect(normalizeFileId('/etc/passwd', { roots: ['/'] })).toBe('/etc/passwd')
  })

  it('makes NFD and NFC spellings of a macOS file name meet', () => {
    const nfc = 'tests/caf\u00e9.test.ts'
    const nfd = 'tests/cafe\u0301.test.ts'
    expect(nfd).not.toBe(nfc)
    expect(normalizeFileId(nfd)).toBe(nfc)
    expect(normalizeFileId(nfc)).toBe(nfc)
    expect(normalizeFileId(`/Users/runner/work/r/r/${nfd}`)).toBe(nfc)
    expect(normalizeFileId(`/w/${nfd}`, { roots: ['/w'.normalize('NFD')] })).toBe(nfc)
  })

  it('keeps the case of a path (only the drive letter is case-folded)', () => {
    expect(normalizeFileId('Src/A.test.ts')).toBe('Src/A.test.ts')
    expect(normalizeFileId('c:\\Other\\A.ts')).toBe('C:/Other/A.ts')
  })

  it('keeps paths that leave the repository recognisable instead of resolving them', () => {
    expect(normalizeFileId('../../etc/passwd')).toBe('../../etc/passwd')
    expect(normalizeFileId('a/../../b')).toBe('../b')
    expect(normalizeFileId('/etc/../etc/passwd')).toBe('/etc/passwd')
    expect(normalizeFileId('/../../x')).toBe('/x')
  })

  it('gives "." for an empty path, and leaves Go import paths as they are', () => {
    expect(normalizeFileId('')).toBe('.')
    expect(normalizeFileId('./')).toBe('.')
    expect(normalizeFileId('example.com/app/calc')).toBe('example.com/app/calc')
  })

  it('is idempotent', () => {
    const segment = fc.constantFrom('a', 'b.ts', '.', '..', '', 'caf\u00e9', 'cafe\u0301', 'x y')
    const raw = fc
      .tuple(
        fc.constantFrom('', '/', './', 'C:\\', '/home/runner/work/r/r/'),
        fc.array(segment, { maxLength: 6 }),
        fc.constantFrom('/', '\\'),
      )
      .map(([prefix, segments, sep]) => prefix + segments.join(sep))
    fc.assert(
      fc.property(raw, (path) => {
        const once = normalizeFileId(path, { roots: ['/w'] })
        expect(normalizeFileId(once, { roots: ['/w'] })).toBe(once)
        expect(once).not.toContain('\\')
        // "." stands for the empty path; otherwise no "." segment survives.
        if (once !== '.') expect(once).not.toMatch(/(^|\/)\.(\/|$)/)
      }),
    )
  })
})

describe('normalizeId', () => {
  it('normalises the file part of a test id and keeps scope and name byte for byte', () => {
    expect(normalizeId('./tests\\test_x.py::TestY::test_z[a\\b-./c]')).toBe(
      'tests/test_x.py::TestY::test_z[a\\b-./c]',
    )
    expect(normalizeId('/home/runner/work/r/r/src/a.test.ts::describe ::  spaced name ')).toBe(
      'src/a.test.ts::describe ::  spaced name ',
    )
  })

  it('keeps pytest parameters with brackets, quotes, colons and spaces intact', () => {
    const id = 'tests/onegov/test_import.py::test_parse[Rg 16, PS 1532 "q" \'s\' a::b <br>]'
    expect(normalizeId(id)).toBe(id)
    expect(splitTestId(id)).toEqual({
      file: 'tests/onegov/test_import.py',
      rest: 'test_parse[Rg 16, PS 1532 "q" \'s\' a::b <br>]',
    })
  })

  it('treats an id without "::" as a file id', () => {
    expect(normalizeId('./spec/a_spec.rb')).toBe('spec/a_spec.rb')
    expect(isTestId('spec/a_spec.rb')).toBe(false)
    expect(splitTestId('spec/a_spec.rb')).toBeUndefined()
    expect(fileOfId('spec/a_spec.rb')).toBe('spec/a_spec.rb')
  })

  it('applies roots to the file part only', () => {
    expect(normalizeId('C:\\ws\\t\\a.py::test[C:\\ws\\x]', { roots: ['C:\\ws'] })).toBe(
      't/a.py::test[C:\\ws\\x]',
    )
  })
})

describe('isOutsideRoot', () => {
  it('flags absolute paths and paths that climb out, in file ids and test ids', () => {
    for (const id of ['/x', 'C:\\x', 'c:/x', '\\\\server\\x', '../x', 'a/../../x', '..::t'])
      expect(isOutsideRoot(id), id).toBe(true)
    for (const id of ['x', 'a/../x', './a', 'a/..b', 'a::../t', 'tests/x.py::C::t[/abs]'])
      expect(isOutsideRoot(id), id).toBe(false)
  })

  it('answers on its fast path for canonical ids as the full rules do', () => {
    // A trailing slash always takes the full rules and changes nothing about the answer.
    const segment = fc.constantFrom('a', 'C:', 'c:', '.', '..', '', 'x y', 'é', 'a\\b', '..a')
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'))
    fc.assert(
      fc.property(path, fc.constantFrom('', '::t', '::C::t'), (file, test) => {
        // Not for '' (its slash is the root) or `C:` + `::t` (read as file `C`).
        fc.pre(file !== '' && (test === '' || !file.endsWith(':')))
        expect(isOutsideRoot(`${file}${test}`)).toBe(isOutsideRoot(`${file}/${test}`))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('joinTestId', () => {
  it('joins file, scopes and name with "::" and drops empty scopes', () => {
    expect(joinTestId('a.test.ts', ['outer', '', 'inner'], 'works')).toBe(
      'a.test.ts::outer::inner::works',
    )
    expect(joinTestId('a.test.ts', [], 'works')).toBe('a.test.ts::works')
    expect(fileOfId(joinTestId('a.test.ts', ['x'], 'y'))).toBe('a.test.ts')
    expect(isTestId(joinTestId('a.test.ts', [], 'y'))).toBe(true)
  })
})

describe('isDangerousKey', () => {
  it('flags exactly the prototype-polluting keys', () => {
    expect(['__proto__', 'constructor', 'prototype'].every(isDangerousKey)).toBe(true)
    expect(['hasOwnProperty', '__proto', 'a/__proto__', 'Constructor'].some(isDangerousKey)).toBe(
      false,
    )
  })
})

import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileOfId, splitTestId } from '../../core/ids.js'
import { parseJestOutcomes } from '../../core/outcomes.js'
import {
  argumentBytes,
  chunkByArgumentBytes,
  pathArgument,
  type InvocationInput,
  type RunnerAdapter,
} from './types.js'

/** Escapes a string for use as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}

/**
 * A pattern matching exactly these tests' full names (describe titles and test title joined by
 * spaces, as Jest's and Vitest's `-t` see them).
 */
export function fullNamePattern(ids: readonly string[]): string | undefined {
  const names = ids
    .map((id) => splitTestId(id)?.rest)
    .filter((rest): rest is string => rest !== undefined)
    .map((rest) => rest.split('::').join(' '))
  if (names.length === 0) return undefined
  return `^(?:${[...new Set(names)].sort().map(escapeRegExp).join('|')})$`
}

/** Groups items into invocations: whole files together, single tests with a `-t` pattern. */
export function jestLikeInvocations(
  input: InvocationInput,
  fixed: (n: number) => string[],
  fileArguments: (files: readonly string[]) => string[],
  testNameFlag: string,
): { argv: string[] }[] {
  const wholeFiles = [...new Set(input.items.filter((i) => splitTestId(i) === undefined))].sort()
  const testsByFile = new Map<string, string[]>()
  for (const item of input.items) {
    if (splitTestId(item) === undefined || wholeFiles.includes(fileOfId(item))) continue
    const list = testsByFile.get(fileOfId(item)) ?? []
    list.push(item)
    testsByFile.set(fileOfId(item), list)
  }
  const out: { argv: string[] }[] = []
  let n = 0
  const base = argumentBytes(fixed(0))
  for (const chunk of chunkByArgumentBytes(wholeFiles, base, (f) => Buffer.byteLength(f) + 2)) {
    out.push({ argv: [...fixed(n++), ...fileArguments(chunk)] })
  }
  // Files with only some tests selected: one invocation each, so a name pattern cannot pick
  // up a same-named test in another file.
  for (const [file, ids] of [...testsByFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const pattern = fullNamePattern(ids)
    out.push({
      argv: [...fixed(n++), ...(pattern ? [testNameFlag, pattern] : []), ...fileArguments([file])],
    })
  }
  return out
}

function reportPath(reportDir: string, n: number): string {
  return join(reportDir, `jest-${n}.json`)
}

/**
 * Jest: files go after `--runTestsByPath`, which makes Jest take them as literal paths (as
 * plain arguments they are regular expressions, and `[id].test.tsx` matches nothing). Results
 * come from Jest's own `--json` output. Jest cannot select a test by id exactly, so plans do not
 * split Jest files; a retry of failed tests uses an anchored, escaped `-t` pattern.
 */
export const jest: RunnerAdapter = {
  name: 'jest',
  selectsTests: false,
  invocations(input) {
    const fixed = (n: number) => [
      ...input.command,
      '--json',
      `--outputFile=${reportPath(input.reportDir, n)}`,
    ]
    return jestLikeInvocations(
      input,
      fixed,
      (files) => ['--runTestsByPath', ...files.map(pathArgument)],
      '-t',
    )
  },
  async readOutcomes(invocation, { cwd }) {
    const output = invocation.argv
      .find((a) => a.startsWith('--outputFile='))
      ?.slice('--outputFile='.length)
    if (output === undefined) return { tests: [], fileFailures: [] }
    try {
      return parseJestOutcomes(JSON.parse(await readFile(output, 'utf8')), { roots: [cwd] })
    } catch {
      return { tests: [], fileFailures: [] }
    }
  },
  list: {
    argv: (command) => [...command, '--listTests'],
    parse: (stdout, cwd) =>
      stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('/'))
        .map((line) => relative(cwd, line))
        .filter((line) => !line.startsWith('..')),
  },
}

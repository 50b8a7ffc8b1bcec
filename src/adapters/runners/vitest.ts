import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseJestOutcomes } from '../../core/outcomes.js'
import { jestLikeInvocations } from './jest.js'
import type { RunnerAdapter } from './types.js'

/**
 * Vitest: `vitest run` (never watch mode) with absolute file paths — Vitest's file filters
 * match any path that contains them, and only an absolute path contains exactly one file.
 * Results come from Vitest's `json` reporter (Jest's shape); a retry uses `-t`.
 */
export const vitest: RunnerAdapter = {
  name: 'vitest',
  selectsTests: false,
  invocations(input) {
    const command = [...input.command]
    const at = command.findIndex((a) => /(^|\/)vitest(\.m?js)?$/.test(a))
    const next = command[at + 1]
    if (at >= 0 && next !== 'run' && !command.includes('--run')) command.splice(at + 1, 0, 'run')
    const fixed = (n: number) => [
      ...command,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(input.reportDir, `vitest-${n}.json`)}`,
    ]
    return jestLikeInvocations(
      input,
      fixed,
      (files) => files.map((f) => resolve(input.cwd, f)),
      '-t',
    )
  },
  async readOutcomes(invocation, { cwd }) {
    const output = invocation.argv
      .find((a) => a.startsWith('--outputFile.json='))
      ?.slice('--outputFile.json='.length)
    if (output === undefined) return { tests: [], fileFailures: [] }
    try {
      return parseJestOutcomes(JSON.parse(await readFile(output, 'utf8')), { roots: [cwd] })
    } catch {
      return { tests: [], fileFailures: [] }
    }
  },
  list: {
    argv: (command) => {
      const out = [...command]
      const at = out.findIndex((a) => /(^|\/)vitest(\.m?js)?$/.test(a))
      if (out[at + 1] === 'run') out.splice(at + 1, 1)
      out.splice(at + 1, 0, 'list', '--filesOnly')
      return out
    },
    parse: (stdout, cwd) =>
      stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.includes(' '))
        .map((line) => (line.startsWith('/') ? line.slice(resolve(cwd).length + 1) : line)),
  },
}

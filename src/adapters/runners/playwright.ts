import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileOfId, splitTestId } from '../../core/ids.js'
import { parsePlaywrightOutcomes } from '../../core/outcomes.js'
import { escapeRegExp } from './jest.js'
import { argumentBytes, chunkByArgumentBytes, type RunnerAdapter } from './types.js'

/**
 * Playwright Test: its file arguments are regular expressions, so each file goes as an escaped
 * pattern of its absolute path, anchored at the end. Results come from the `json` reporter
 * (beside the `list` reporter for the terminal).
 */
export const playwright: RunnerAdapter = {
  name: 'playwright',
  selectsTests: false,
  invocations({ command, items, reportDir, cwd }) {
    const files = [...new Set(items.map(fileOfId))].sort()
    const tests = items.filter((i) => splitTestId(i) !== undefined)
    const titles = tests.map((id) => (splitTestId(id)?.rest ?? '').split('::').pop() ?? '')
    const grep =
      tests.length > 0 && tests.length === items.length
        ? ['--grep', `(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
        : []
    const fixed = [...command, '--reporter=list,json', ...grep]
    const chunks = chunkByArgumentBytes(
      files,
      argumentBytes(fixed),
      (f) => Buffer.byteLength(resolve(cwd, f)) * 2 + 2,
    )
    return chunks.map((chunk, n) => ({
      argv: [...fixed, ...chunk.map((f) => `${escapeRegExp(resolve(cwd, f))}$`)],
      env: {
        PLAYWRIGHT_JSON_OUTPUT_FILE: join(reportDir, `playwright-${n}.json`),
        PLAYWRIGHT_JSON_OUTPUT_NAME: join(reportDir, `playwright-${n}.json`),
      },
    }))
  },
  async readOutcomes(invocation, { cwd }) {
    const output = invocation.env?.PLAYWRIGHT_JSON_OUTPUT_FILE
    if (output === undefined) return { tests: [], fileFailures: [] }
    try {
      return parsePlaywrightOutcomes(JSON.parse(await readFile(output, 'utf8')), { roots: [cwd] })
    } catch {
      return { tests: [], fileFailures: [] }
    }
  },
  list: {
    argv: (command) => [...command, '--list', '--reporter=json'],
    parse: (stdout, cwd) => {
      const outcomes = parsePlaywrightOutcomes(JSON.parse(stdout.slice(stdout.indexOf('{'))), {
        roots: [cwd],
      })
      return [...new Set(outcomes.tests.map((t) => t.file))].sort()
    },
  },
}

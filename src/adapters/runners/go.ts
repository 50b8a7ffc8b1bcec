import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { splitTestId } from '../../core/ids.js'
import { parseGoOutcomes } from '../../core/outcomes.js'
import { escapeRegExp } from './jest.js'
import { argumentBytes, chunkByArgumentBytes, type RunnerAdapter } from './types.js'

/**
 * `go test`: items are packages (as `go list ./...` prints them) or `<package>::<TestName>`
 * for top-level tests, run with an anchored `-run`. `-json` events arrive on stdout: they are
 * saved as the report and shown as the plain test output they carry.
 */
export const goTest: RunnerAdapter = {
  name: 'go',
  selectsTests: true,
  invocations({ command, items, reportDir }) {
    const wholePackages = [...new Set(items.filter((i) => splitTestId(i) === undefined))].sort()
    const testsByPackage = new Map<string, string[]>()
    for (const item of items) {
      const parts = splitTestId(item)
      if (!parts || wholePackages.includes(parts.file)) continue
      const list = testsByPackage.get(parts.file) ?? []
      list.push(parts.rest)
      testsByPackage.set(parts.file, list)
    }
    const fixed = [...command, '-json']
    const out: { argv: string[]; stdoutReport: string }[] = []
    let n = 0
    for (const chunk of chunkByArgumentBytes(wholePackages, argumentBytes(fixed), (p) =>
      Buffer.byteLength(p),
    )) {
      out.push({ argv: [...fixed, ...chunk], stdoutReport: join(reportDir, `go-${n++}.jsonl`) })
    }
    for (const [pkg, tests] of [...testsByPackage].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const pattern = `^(?:${[...new Set(tests)].sort().map(escapeRegExp).join('|')})$`
      out.push({
        argv: [...fixed, '-run', pattern, pkg],
        stdoutReport: join(reportDir, `go-${n++}.jsonl`),
      })
    }
    return out
  },
  async readOutcomes(invocation) {
    if (invocation.stdoutReport === undefined) return { tests: [], fileFailures: [] }
    try {
      return parseGoOutcomes(await readFile(invocation.stdoutReport, 'utf8'))
    } catch {
      return { tests: [], fileFailures: [] }
    }
  },
  list: {
    argv: (command) => {
      const at = command.indexOf('test')
      return [...command.slice(0, Math.max(0, at)), 'list', './...']
    },
    parse: (stdout) =>
      stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('go: ')),
  },
  display: (chunk) => {
    let out = ''
    for (const line of chunk.split('\n')) {
      if (!line.startsWith('{')) {
        if (line !== '') out += `${line}\n`
        continue
      }
      try {
        const event = JSON.parse(line) as { Action?: string; Output?: string }
        if (event.Action === 'output' && typeof event.Output === 'string') out += event.Output
      } catch {
        out += `${line}\n`
      }
    }
    return out
  },
}

import { writeFileSync } from 'node:fs'
import { rootsOf } from './roots.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileOfId, splitTestId } from '../../core/ids.js'
import { parseMochaOutcomes } from '../../core/outcomes/mocha.js'
import { argumentBytes, chunkByArgumentBytes, escapeRegExp, pathArgument } from './args.js'
import type { RunnerAdapter } from './types.js'

/** Which configuration the user's command chose: a path, none (`--no-…`), or the default. */
type ConfigChoice = string | false | null

interface CommandConfig {
  /** The command without the options that select files (`--spec`): the shard selects them. */
  readonly command: readonly string[]
  readonly config: ConfigChoice
  readonly package: ConfigChoice
}

/** Reads `--config`, `--package` and `--spec` from the user's Mocha command. */
function commandConfig(command: readonly string[]): CommandConfig {
  const kept: string[] = []
  let config: ConfigChoice = null
  let pkg: ConfigChoice = null
  for (let i = 0; i < command.length; i++) {
    const word = command[i] ?? ''
    const [name, inline] = word.startsWith('--') ? splitOption(word) : [word, undefined]
    const takesValue = name === '--config' || name === '--package' || name === '--spec'
    const value = takesValue ? (inline ?? command[++i]) : undefined
    if (name === '--config') config = value ?? null
    else if (name === '--package') pkg = value ?? null
    else if (name === '--no-config') config = false
    else if (name === '--no-package') pkg = false
    else if (name !== '--spec') kept.push(word)
  }
  return { command: kept, config, package: pkg }
}

function splitOption(word: string): [string, string | undefined] {
  const eq = word.indexOf('=')
  return eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)]
}

/**
 * A Mocha configuration file that is the project's own (`.mocharc.*` and package.json's
 * `mocha`, loaded by the running Mocha's own `loadRc`/`loadPkgRc`) without `spec`: Mocha runs
 * a configured `spec` *in addition to* the files on the command line (mochajs/mocha#5412), so
 * with it every shard would run the whole suite. Mocha passes it with `--no-package`, so the
 * package.json options are merged in here, under the rc file's as Mocha would (array options
 * concatenated, others taken from the rc file).
 */
function configSource(choice: CommandConfig): string {
  return `'use strict'
// Written by Shardwise for one shard: the project's Mocha configuration without \`spec\`.
const { existsSync, readFileSync, realpathSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')

const CONFIG = ${JSON.stringify(choice.config)}
const PACKAGE = ${JSON.stringify(choice.package)}

function isMocha(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'mocha'
  } catch {
    return false
  }
}

// The Mocha that is running (its entry is process.argv[1]), else the project's.
function mochaRoot() {
  try {
    let dir = dirname(realpathSync(process.argv[1]))
    while (dirname(dir) !== dir) {
      if (isMocha(dir)) return dir
      dir = dirname(dir)
    }
  } catch {}
  return dirname(createRequire(join(process.cwd(), 'package.json')).resolve('mocha/package.json'))
}

const root = mochaRoot()
const options = require(['options.cjs', 'options.js']
  .map((name) => join(root, 'lib', 'cli', name))
  .find((path) => existsSync(path)))

function withoutSpec(config) {
  const out = Object.assign({}, config || {})
  delete out.spec
  delete out._
  return out
}

const rc = CONFIG === false ? {} : withoutSpec(options.loadRc(CONFIG === null ? {} : { config: CONFIG }))
const pkg = PACKAGE === false ? {} : withoutSpec(options.loadPkgRc(PACKAGE === null ? {} : { package: PACKAGE }))
const merged = Object.assign({}, pkg)
for (const [key, value] of Object.entries(rc)) {
  merged[key] =
    Array.isArray(value) || Array.isArray(pkg[key])
      ? [].concat(value, key in pkg ? pkg[key] : [])
      : value
}
module.exports = merged
`
}

/**
 * Mocha: files as `./` paths (Mocha takes a path that exists literally, and reads only the
 * others as globs), results from Mocha's `json` reporter written to a file. The project's
 * configuration is passed on without its `spec` (see `configSource`). A retry of single tests
 * uses an anchored, escaped `--grep` on the full title.
 */
export const mocha: RunnerAdapter = {
  name: 'mocha',
  selectsTests: false,
  itemsArePaths: true,
  invocations({ command, items, reportDir }) {
    const choice = commandConfig(command)
    const config = join(reportDir, 'mocharc.cjs')
    writeFileSync(config, configSource(choice))
    const files = [...new Set(items.map(fileOfId))].sort()
    const tests = items.filter((i) => splitTestId(i) !== undefined)
    const titles = tests.map((id) => (splitTestId(id)?.rest ?? '').split('::').join(' '))
    const grep =
      tests.length > 0 && tests.length === items.length
        ? ['--grep', `^(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
        : []
    const fixed = (n: number) => [
      ...choice.command,
      '--config',
      config,
      '--no-package',
      '--reporter',
      'json',
      '--reporter-option',
      `output=${join(reportDir, `mocha-${n}.json`)}`,
      ...grep,
    ]
    const chunks = chunkByArgumentBytes(files, argumentBytes(fixed(0)), (f) =>
      Buffer.byteLength(pathArgument(f)),
    )
    return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(pathArgument)] }))
  },
  async readOutcomes(invocation, { cwd }) {
    const option = invocation.argv.findLast((a) => a.startsWith('output='))?.slice('output='.length)
    if (option === undefined) return { tests: [], fileFailures: [] }
    let text: string
    try {
      text = await readFile(option, 'utf8')
    } catch {
      // No report: Mocha stopped before running (a file that throws at import stops the
      // whole run); every item of the invocation shows as missing.
      return { tests: [], fileFailures: [] }
    }
    try {
      return parseMochaOutcomes(JSON.parse(text), { roots: rootsOf(cwd) })
    } catch {
      return { tests: [], fileFailures: [] }
    }
  },
}

import { lstat } from 'node:fs/promises'
import { glob } from 'tinyglobby'
import { fileOfId } from '../../core/ids.js'
import type { TestOutcome } from '../../core/outcomes.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument } from './args.js'
import { readJunitOutcomes } from './junit-outcomes.js'
import type {
  Invocation,
  InvocationExit,
  InvocationInput,
  ReadOutcomes,
  RunnerAdapter,
} from './types.js'

/** A signature (modification time and size) of each file the globs match. */
async function snapshot(globs: readonly string[], root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (globs.length === 0) return out
  for (const path of await glob([...globs], {
    cwd: root,
    absolute: true,
    followSymbolicLinks: false,
  })) {
    const info = await lstat(path)
    if (info.isFile()) out.set(path, `${info.mtimeMs}:${info.size}`)
  }
  return out
}

/** The JUnit files each invocation found before it started. */
const before = new WeakMap<Invocation, ReadonlyMap<string, string>>()

/**
 * The JUnit files the invocation wrote or changed (compared with the snapshot taken before it
 * started), keeping only cases of its own files — another shard running beside it may write to
 * the same place.
 */
async function junitOutcomes(
  files: readonly string[],
  input: InvocationInput,
  earlier: ReadonlyMap<string, string>,
): Promise<ReadOutcomes> {
  const globs = input.junitGlobs ?? []
  const after = await snapshot(globs, input.cwd)
  const written = [...after]
    .filter(([path, signature]) => earlier.get(path) !== signature)
    .map(([path]) => path)
  const read = await readJunitOutcomes(written.sort(), [input.cwd])
  const own = new Set(files.map((f) => f.normalize('NFC')))
  const tests = read.tests.filter((t) => own.has(t.file))
  const foreign = read.tests.length - tests.length
  const problems = [...read.problems]
  if (foreign > 0)
    problems.push(
      `${foreign} JUnit test cases belong to files this invocation did not run; ignored`,
    )
  if (written.length === 0)
    problems.push(`the command wrote no JUnit report matching ${globs.join(', ')}`)
  return { tests, fileFailures: read.fileFailures.filter((f) => own.has(f.file)), problems }
}

/** Without JUnit files, the exit status stands for every file of the invocation. */
function exitOutcomes(files: readonly string[], exit: InvocationExit): ReadOutcomes {
  const status = exit.exitCode === 0 ? 'passed' : 'failed'
  const tests: TestOutcome[] = files.map((file) => ({
    id: file,
    file,
    status,
    seconds: undefined,
    message: status === 'failed' ? `the command exited with ${String(exit.exitCode)}` : undefined,
  }))
  return { tests, fileFailures: [], problems: [] }
}

/**
 * Any other command: the shard's files are appended as `./` paths (or replace a `{files}`
 * argument). What passed and failed comes from the JUnit files given with `--junit`; with none,
 * the command's exit status stands for every file it ran.
 */
export const generic: RunnerAdapter = {
  name: 'generic',
  selectsTests: false,
  itemsArePaths: true,
  invocations({ command, items }) {
    const files = [...new Set(items.map(fileOfId))]
    const placeholder = command.indexOf('{files}')
    const head = placeholder < 0 ? command : command.slice(0, placeholder)
    const tail = placeholder < 0 ? [] : command.slice(placeholder + 1)
    const chunks = chunkByArgumentBytes(
      files,
      argumentBytes([...head, ...tail]),
      (f) => Buffer.byteLength(f) + 2,
    )
    return chunks.map((chunk) => ({
      argv: [...head, ...chunk.map(pathArgument), ...tail],
      items: chunk,
    }))
  },
  async beforeInvocation(invocation, input) {
    before.set(invocation, await snapshot(input.junitGlobs ?? [], input.cwd))
  },
  readOutcomes(invocation, input, exit) {
    const files = [...new Set((invocation.items ?? input.items).map(fileOfId))]
    if ((input.junitGlobs ?? []).length === 0) return Promise.resolve(exitOutcomes(files, exit))
    return junitOutcomes(files, input, before.get(invocation) ?? new Map())
  },
}

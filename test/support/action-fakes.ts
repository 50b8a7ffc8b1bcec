import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { actionInputs, type ActionIO } from '../../src/adapters/action-io.js'
import type { ArtifactStore } from '../../src/adapters/artifacts.js'
import { cacheKeyPrefix, cacheSaveKey, type TimingsCache } from '../../src/adapters/cache-store.js'
import type { CommentOutcome, CommentTarget } from '../../src/adapters/github-comment.js'

/**
 * In-process stand-ins for what the action talks to — the step's I/O, the run's artifacts, the
 * Actions cache and the pull-request comment — implementing the same ports the real adapters
 * do, so the action's modes run unchanged and fast. The bundled action against a simulated
 * runtime is test/e2e's job.
 */

/** A step's I/O that records everything the mode says. */
export interface RecordingIO extends ActionIO {
  readonly outputs: Record<string, string>
  readonly failures: string[]
  readonly infos: string[]
  readonly warnings: string[]
  readonly notices: string[]
  readonly errors: { message: string; title: string }[]
  readonly summaries: string[]
}

/** The step's inputs as the runner gives them: an input set empty or not at all gets action.yml's default. */
export function recordingIO(
  inputs: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv,
): RecordingIO {
  const declared = actionInputs()
  const io: RecordingIO = {
    outputs: {},
    failures: [],
    infos: [],
    warnings: [],
    notices: [],
    errors: [],
    summaries: [],
    env,
    getInput: (name) => {
      const value = inputs[name] ?? ''
      return value !== '' ? value : (declared.get(name)?.default ?? '')
    },
    setOutput: (name, value) => void (io.outputs[name] = String(value)),
    setFailed: (message) => void io.failures.push(message),
    info: (message) => void io.infos.push(message),
    warning: (message) => void io.warnings.push(message),
    notice: (message) => void io.notices.push(message),
    error: (message, title) => void io.errors.push({ message, title }),
    summary: (markdown) => {
      io.summaries.push(markdown)
      return Promise.resolve()
    },
  }
  return io
}

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile()) files.set(relative(dir, path), await readFile(path))
    }
  }
  await walk(dir)
  return files
}

/** A run's artifacts in memory: names are unique (as the service has them), ids count up. */
export interface MemoryArtifacts extends ArtifactStore {
  /** The artifacts' names and files (relative paths → text). */
  readonly uploaded: () => { id: number; name: string; files: Record<string, string> }[]
  /** Makes the next upload of `name` fail, as a service refusing it would. */
  readonly refuse: (name: string) => void
}

export function memoryArtifacts(): MemoryArtifacts {
  const stored: { id: number; name: string; files: Map<string, Buffer> }[] = []
  const refused = new Set<string>()
  return {
    async upload(name, dir) {
      if (refused.delete(name)) throw new Error(`the service refused ${name} (403)`)
      if (stored.some((a) => a.name === name))
        throw new Error(`an artifact named ${name} already exists (409 Conflict)`)
      const files = await filesUnder(dir)
      if (files.size === 0) throw new Error(`nothing to upload in ${dir}`)
      const id = stored.length + 1
      stored.push({ id, name, files })
      return id
    },
    list() {
      return Promise.resolve(
        stored.map((a) => ({
          id: a.id,
          name: a.name,
          size: [...a.files.values()].reduce((sum, b) => sum + b.length, 0),
        })),
      )
    },
    async download(id, dest) {
      const artifact = stored.find((a) => a.id === id)
      if (!artifact) throw new Error(`artifact ${id} does not exist`)
      const dir = join(dest, String(id))
      for (const [path, data] of artifact.files) {
        await mkdir(dirname(join(dir, path)), { recursive: true })
        await writeFile(join(dir, path), data)
      }
      await mkdir(dir, { recursive: true })
      return dir
    },
    uploaded: () =>
      stored.map((a) => ({
        id: a.id,
        name: a.name,
        files: Object.fromEntries([...a.files].map(([path, data]) => [path, data.toString()])),
      })),
    refuse: (name) => void refused.add(name),
  }
}

/** The Actions cache in memory, paths relative to the workspace; restore takes the newest entry. */
export interface MemoryCache extends TimingsCache {
  readonly keys: () => string[]
}

export function memoryCache(workspace: string): MemoryCache {
  const entries: { key: string; data: Buffer }[] = []
  return {
    async restore(path, invocation) {
      const newest = entries.filter((e) => e.key.startsWith(cacheKeyPrefix(invocation))).at(-1)
      if (!newest) return undefined
      await mkdir(dirname(join(workspace, path)), { recursive: true })
      await writeFile(join(workspace, path), newest.data)
      return newest.key
    },
    async save(path, invocation, runId, attempt) {
      const key = cacheSaveKey(invocation, runId, attempt)
      if (entries.some((e) => e.key === key)) return false
      entries.push({ key, data: await readFile(join(workspace, path)) })
      return true
    },
    keys: () => entries.map((e) => e.key),
  }
}

/** The pull request's comments by marker: one per marker, created then updated. */
export function memoryComments(): {
  readonly post: (target: CommentTarget, body: string) => Promise<CommentOutcome>
  readonly posted: () => { issue: number; marker: string; body: string }[]
} {
  const comments: { issue: number; marker: string; body: string }[] = []
  return {
    post: (target, body) => {
      const existing = comments.find((c) => c.issue === target.issue && c.marker === target.marker)
      if (existing) existing.body = body
      else comments.push({ issue: target.issue, marker: target.marker, body })
      return Promise.resolve(existing ? 'updated' : 'created')
    },
    posted: () => comments.map((c) => ({ ...c })),
  }
}

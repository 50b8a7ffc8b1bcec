// A tiny step for the local Actions runtime's tests: it drives the REAL toolkit clients
// (@actions/artifact, @actions/cache, @actions/github) from a child process, so they read the
// job's environment at load time exactly as in a workflow. Input `steps` is a JSON list of
// operations; output `result` is a JSON list with one result (or error) per operation.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import * as github from '@actions/github'

const artifact = new DefaultArtifactClient()
const octokit = () => github.getOctokit(core.getInput('github-token', { required: true }))
const { owner, repo } = github.context.repo
// `{ repeat: 'x', count: 70000 }` builds a long body here: one env var holds at most 128 KiB.
const text = (value) =>
  value !== null && typeof value === 'object' && 'repeat' in value
    ? value.repeat.repeat(value.count)
    : value

const operations = {
  async 'artifact.upload'({ name, root, files }) {
    const { id, size, digest } = await artifact.uploadArtifact(
      name,
      files.map((file) => join(root, file)),
      root,
    )
    return { id, size, digest }
  },
  async 'artifact.list'({ latest = false } = {}) {
    const { artifacts } = await artifact.listArtifacts({ latest })
    return {
      artifacts: artifacts.map(({ id, name, size, digest }) => ({ id, name, size, digest })),
    }
  },
  async 'artifact.get'({ name }) {
    const { artifact: found } = await artifact.getArtifact(name)
    return { id: found.id, name: found.name, size: found.size }
  },
  async 'artifact.download'({ id, path }) {
    return await artifact.downloadArtifact(id, { path })
  },
  async 'artifact.delete'({ name }) {
    return await artifact.deleteArtifact(name)
  },
  async 'cache.available'() {
    return { available: cache.isFeatureAvailable() }
  },
  async 'cache.save'({ paths, key }) {
    return { cacheId: await cache.saveCache(paths, key) }
  },
  async 'cache.restore'({ paths, key, restoreKeys = [], lookupOnly = false }) {
    const matchedKey = await cache.restoreCache(paths, key, restoreKeys, { lookupOnly })
    return { matchedKey: matchedKey ?? null }
  },
  async 'file.read'({ path }) {
    return { text: await readFile(path, 'utf8') }
  },
  async 'file.write'({ path, text }) {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text)
    return {}
  },
  async 'comments.list'({ issue, perPage = 100 }) {
    let pages = 0
    const comments = await octokit().paginate(
      octokit().rest.issues.listComments,
      { owner, repo, issue_number: issue, per_page: perPage },
      (response) => {
        pages++
        return response.data
      },
    )
    return {
      pages,
      comments: comments.map((c) => ({
        id: c.id,
        body: c.body,
        login: c.user?.login,
        type: c.user?.type,
      })),
    }
  },
  async 'comments.create'({ issue, body }) {
    const { status, data } = await octokit().rest.issues.createComment({
      owner,
      repo,
      issue_number: issue,
      body: text(body),
    })
    return { status, id: data.id, login: data.user?.login, type: data.user?.type }
  },
  async 'comments.update'({ id, body }) {
    const { status, data } = await octokit().rest.issues.updateComment({
      owner,
      repo,
      comment_id: id,
      body: text(body),
    })
    return { status, id: data.id, body: data.body }
  },
  // The sticky-comment flow: our marker AND our bot as the author, else a new comment.
  async 'comments.upsert'({ issue, marker, body }) {
    const comments = await octokit().paginate(octokit().rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue,
      per_page: 100,
    })
    const ours = comments.find(
      (c) =>
        c.body?.includes(marker) &&
        c.user?.login === 'github-actions[bot]' &&
        c.user?.type === 'Bot',
    )
    if (ours) {
      const { status, data } = await octokit().rest.issues.updateComment({
        owner,
        repo,
        comment_id: ours.id,
        body,
      })
      return { action: 'updated', status, id: data.id, scanned: comments.length }
    }
    const { status, data } = await octokit().rest.issues.createComment({
      owner,
      repo,
      issue_number: issue,
      body,
    })
    return { action: 'created', status, id: data.id, scanned: comments.length }
  },
}

const results = []
for (const step of JSON.parse(core.getInput('steps', { required: true }))) {
  const { op, ...args } = step
  try {
    const run = operations[op]
    if (!run) throw new Error(`unknown operation ${op}`)
    results.push({ op, ok: true, value: await run(args) })
  } catch (error) {
    results.push({
      op,
      ok: false,
      name: error?.name,
      status: error?.status,
      message: String(error?.message ?? error),
      data: error?.response?.data,
    })
  }
}
core.setOutput('result', JSON.stringify(results))

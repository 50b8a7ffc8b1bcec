/**
 * Proves the local GitHub Actions runtime (test/support/actions-runtime/) speaks the real
 * protocols: the REAL @actions/artifact, @actions/cache and @actions/github clients run in child
 * processes (they read the job environment at load time) against Azurite, the Twirp results
 * service and the OpenAPI-validated REST fake, all on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { BlockBlobClient } from '@azure/storage-blob'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBlobStore } from '../support/actions-runtime/azurite.js'
import {
  type ActionsRuntime,
  runAction,
  runtimeToken,
  type SimulatedJob,
  startActionsRuntime,
  type StepResult,
} from '../support/actions-runtime/environment.js'
import { ACTIONS_BOT, COMMENT_BODY_LIMIT } from '../support/actions-runtime/github-rest.js'
import { buildZip } from '../support/actions-runtime/zip.js'
import { NODE24 } from '../support/node24.js'

const STEPS = join(import.meta.dirname, '../support/actions-runtime/toolkit-steps.mjs')
const TWIRP = 'twirp/github.actions.results.api.v1.ArtifactService'

interface OpResult {
  op: string
  ok: boolean
  value?: Record<string, unknown>
  name?: string
  status?: number
  message?: string
  data?: Record<string, unknown>
}

/** Runs the toolkit-steps script as one step of `job` and returns one result per operation. */
async function steps(
  job: SimulatedJob,
  operations: readonly Record<string, unknown>[],
  node?: string,
): Promise<{ results: OpResult[]; step: StepResult }> {
  const step = await runAction({
    job,
    entry: STEPS,
    actionYml: false,
    inputs: { steps: JSON.stringify(operations), 'github-token': job.githubToken },
    ...(node === undefined ? {} : { node }),
    timeoutMs: 80_000,
  })
  expect(step.code, step.stdout + step.stderr).toBe(0)
  const results = JSON.parse(step.outputs.result ?? 'null') as OpResult[]
  expect(results).toHaveLength(operations.length)
  return { results, step }
}

const value = (result: OpResult | undefined) => {
  expect(result?.ok, JSON.stringify(result)).toBe(true)
  return result?.value ?? {}
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

describe('the local Actions runtime', () => {
  let runtime: ActionsRuntime
  let source: string
  let slowRestore: Promise<{ results: OpResult[]; step: StepResult }>
  const binary = randomBytes(64 * 1024)

  beforeAll(async () => {
    runtime = await startActionsRuntime()
    source = join(runtime.newRun().workspace, 'results')
    await mkdir(join(source, 'sub/deeper'), { recursive: true })
    await writeFile(join(source, 'junit.xml'), '<testsuites tests="1"/>')
    await writeFile(join(source, 'sub/timings.json'), '{"a.test.js":1.5}')
    await writeFile(join(source, 'sub/deeper/blob.bin'), binary)

    // Started first, asserted last: with 500 on every attempt the cache client retries five
    // times with backoff (about 25-35 s), then warns and returns undefined.
    const run = runtime.newRun({ event: 'push', branch: 'slow' })
    runtime.twirp.fail('GetCacheEntryDownloadURL', {
      status: 500,
      times: 6,
      runBackendId: run.backendId,
    })
    const dir = join(run.workspace, 'slow-cache')
    slowRestore = run.job('slow').then((job) =>
      steps(job, [
        { op: 'file.write', path: join(dir, 't.json'), text: 'slow' },
        { op: 'cache.save', paths: [dir], key: 'slow-1' },
        { op: 'cache.restore', paths: [dir], key: 'slow-1' },
        { op: 'cache.restore', paths: [dir], key: 'slow-1' },
      ]),
    )
    slowRestore.catch(() => undefined) // asserted in its own test
  })

  afterAll(async () => {
    await slowRestore.catch(() => undefined)
    await runtime.stop()
  })

  it('binds every server to 127.0.0.1 and uses Azurite as the blob store', () => {
    for (const url of [runtime.twirp.url, runtime.github.url, runtime.blob.accountUrl]) {
      expect(new URL(url).hostname).toBe('127.0.0.1')
    }
    expect(runtime.blob.kind).toBe('azurite')
  })

  describe('artifacts with the real @actions/artifact', () => {
    let uploaded: Record<string, unknown>

    it('uploads files with a subdirectory, and another job of the run lists and downloads them', async () => {
      const run = runtime.newRun({ event: 'pull_request', prNumber: 11 })
      const { results } = await steps(await run.job('shard-1'), [
        {
          op: 'artifact.upload',
          name: 'shardwise-s1-a1',
          root: source,
          files: ['junit.xml', 'sub/timings.json', 'sub/deeper/blob.bin'],
        },
      ])
      uploaded = value(results[0])
      expect(uploaded.id).toEqual(expect.any(Number))

      const combine = await run.job('combine')
      const dest = join(combine.temp, 'artifacts', String(uploaded.id))
      const forged = runtime.twirp.forgeArtifact(run.backendId, {
        name: 'evil',
        body: buildZip([
          { name: '../escape.txt', data: 'outside' },
          { name: 'ok/inside.txt', data: 'inside' },
        ]),
      })
      const evilDest = join(combine.temp, 'artifacts', String(forged.id))
      // A raw (non-zip) download whose Content-Disposition tries to climb out.
      const raw = runtime.twirp.forgeArtifact(run.backendId, {
        name: 'raw',
        body: Buffer.from('raw bytes'),
        contentType: 'application/octet-stream',
        contentDisposition: 'attachment; filename="../../climb.txt"',
        fileName: 'raw.bin',
      })
      const rawDest = join(combine.temp, 'artifacts', String(raw.id))
      const second = await steps(combine, [
        { op: 'artifact.list' },
        { op: 'artifact.get', name: 'shardwise-s1-a1' },
        { op: 'artifact.download', id: uploaded.id, path: dest },
        { op: 'artifact.upload', name: 'shardwise-s1-a1', root: source, files: ['junit.xml'] },
        { op: 'artifact.download', id: forged.id, path: evilDest },
        { op: 'artifact.download', id: raw.id, path: rawDest },
      ])
      const [list, get, download, duplicate, evil, rawDownload] = second.results
      expect(value(list).artifacts).toEqual([
        expect.objectContaining({ id: uploaded.id, name: 'shardwise-s1-a1', size: uploaded.size }),
        expect.objectContaining({ id: forged.id, name: 'evil' }),
        expect.objectContaining({ id: raw.id, name: 'raw', size: 9 }),
      ])
      expect(value(get)).toMatchObject({ id: uploaded.id, name: 'shardwise-s1-a1' })
      expect(value(download).digestMismatch).toBe(false)
      expect(await listFiles(dest)).toEqual([
        'junit.xml',
        'sub/deeper/blob.bin',
        'sub/timings.json',
      ])
      expect(await readFile(join(dest, 'sub/timings.json'), 'utf8')).toBe('{"a.test.js":1.5}')
      expect((await readFile(join(dest, 'sub/deeper/blob.bin'))).equals(binary)).toBe(true)
      // Names are unique per run: the real service answers 409 and the client throws.
      expect(duplicate).toMatchObject({
        ok: false,
        message: expect.stringMatching(/\(409\).*already exists/) as unknown,
      })
      // The forged zip-slip entry is rewritten inside the destination by the client's unzip.
      value(evil)
      value(rawDownload)
      expect(await readdir(join(combine.temp, 'artifacts'))).toEqual(
        [String(uploaded.id), String(forged.id), String(raw.id)].sort(),
      )
      expect(await listFiles(evilDest)).toEqual(['escape.txt', 'ok/inside.txt'])
      expect(await listFiles(rawDest)).toEqual(['climb.txt'])
      expect(runtime.twirp.forgedDownloads).toEqual([
        expect.objectContaining({ artifactId: forged.id, status: 200 }),
        expect.objectContaining({ artifactId: raw.id, status: 200, bytesSent: 9 }),
      ])
    })

    it('keeps artifacts to their workflow run: a job of another run sees none', async () => {
      const other = runtime.newRun({ event: 'pull_request', prNumber: 11 })
      const { results } = await steps(await other.job(), [
        { op: 'artifact.list' },
        { op: 'artifact.download', id: uploaded.id, path: join(other.workspace, 'never') },
      ])
      expect(value(results[0]).artifacts).toEqual([])
      expect(results[1]).toMatchObject({ ok: false, name: 'ArtifactNotFoundError' })
    })

    it('Azurite enforces the service SAS: a tampered signature or a write with a read SAS gets 403', async () => {
      expect(runtime.blob.checksSignatures).toBe(true)
      const record = runtime.twirp.artifacts().find((a) => a.id === uploaded.id)
      const job = await runtime.newRun().job()
      // Ask the Twirp service as the client would, with a token of the artifact's run.
      const token = runtimeToken({
        runBackendId: record?.runBackendId ?? '',
        jobBackendId: job.backendId,
      })
      const response = await fetch(`${runtime.twirp.url}${TWIRP}/GetSignedArtifactURL`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          workflow_run_backend_id: record?.runBackendId,
          workflow_job_run_backend_id: job.backendId,
          name: 'shardwise-s1-a1',
        }),
      })
      const { signed_url: signed } = (await response.json()) as { signed_url: string }
      const good = await fetch(signed)
      expect(good.status).toBe(200)
      expect(Number(good.headers.get('content-length'))).toBe(uploaded.size)
      await good.arrayBuffer()
      const url = new URL(signed)
      const sig = url.searchParams.get('sig') ?? ''
      url.searchParams.set('sig', `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`)
      const tampered = await fetch(url)
      expect(tampered.status).toBe(403)
      expect(await tampered.text()).toMatch(/AuthenticationFailed|AuthorizationFailure/)
      const write = await fetch(signed, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: 'poison',
      })
      expect(write.status).toBe(403)
    })
  })

  describe('caches with the real @actions/cache (v2)', () => {
    it('saves and restores a directory, matches restore keys by prefix (newest first), and keeps keys immutable', async () => {
      const run = runtime.newRun({ event: 'push' })
      const dir = join(run.workspace, 'timings-cache')
      const { results } = await steps(await run.job(), [
        { op: 'cache.available' },
        { op: 'file.write', path: join(dir, 'timings.json'), text: 'v1' },
        { op: 'file.write', path: join(dir, 'nested/more.json'), text: 'nested' },
        { op: 'cache.save', paths: [dir], key: 'timings-main-1' },
        { op: 'file.write', path: join(dir, 'timings.json'), text: 'v2' },
        { op: 'cache.save', paths: [dir], key: 'timings-main-2' },
        { op: 'cache.save', paths: [dir], key: 'timings-main-2' },
        { op: 'cache.restore', paths: [dir], key: 'timings-main-1' },
        { op: 'file.read', path: join(dir, 'timings.json') },
        {
          op: 'cache.restore',
          paths: [dir],
          key: 'timings-main-none',
          restoreKeys: ['timings-main-'],
        },
        { op: 'file.read', path: join(dir, 'timings.json') },
        { op: 'file.read', path: join(dir, 'nested/more.json') },
        { op: 'cache.restore', paths: [dir], key: 'absent', restoreKeys: ['absent-'] },
        { op: 'cache.restore', paths: [join(dir, 'other-path')], key: 'timings-main-1' },
      ])
      const r = results.map(value)
      expect(r[0]?.available).toBe(true)
      expect(r[3]?.cacheId).toEqual(expect.any(Number))
      expect(r[3]?.cacheId).toBeGreaterThan(0)
      expect(r[5]?.cacheId).toBeGreaterThan(0)
      expect(r[6]?.cacheId).toBe(-1) // the same key again: 409 from the service, -1 from the client
      expect(r[7]?.matchedKey).toBe('timings-main-1')
      expect(r[8]?.text).toBe('v1')
      expect(r[9]?.matchedKey).toBe('timings-main-2')
      expect(r[10]?.text).toBe('v2')
      expect(r[11]?.text).toBe('nested')
      expect(r[12]?.matchedKey).toBeNull() // a miss: ok:false
      expect(r[13]?.matchedKey).toBeNull() // other paths, other version
      const creates = runtime.twirp.requests.filter(
        (q) => q.method === 'CreateCacheEntry' && q.ids?.runBackendId === run.backendId,
      )
      expect(creates.map((q) => q.status)).toEqual([200, 200, 409])
    })

    it('lets a PR read its base branch’s entries and write only its own scope', async () => {
      const pr = runtime.newRun({ event: 'pull_request', prNumber: 21, branch: 'topic' })
      const dir = join(pr.workspace, 'timings-cache')
      const prResults = await steps(await pr.job(), [
        { op: 'cache.restore', paths: [dir], key: 'timings-pr-21', restoreKeys: ['timings-'] },
        { op: 'file.read', path: join(dir, 'timings.json') },
        { op: 'file.write', path: join(dir, 'timings.json'), text: 'from-pr' },
        { op: 'cache.save', paths: [dir], key: 'timings-pr-21-1' },
      ])
      const r = prResults.results.map(value)
      expect(r[0]?.matchedKey).toBe('timings-main-2')
      expect(r[1]?.text).toBe('v2')
      expect(r[3]?.cacheId).toBeGreaterThan(0)
      expect(runtime.twirp.cacheEntries().find((e) => e.key === 'timings-pr-21-1')?.scope).toBe(
        'refs/pull/21/merge',
      )

      // The newer PR entry is invisible to the default branch and to another PR.
      const main = runtime.newRun({ event: 'push' })
      const otherPr = runtime.newRun({ event: 'pull_request', prNumber: 22, branch: 'other' })
      const [mainRestore, otherRestore] = await Promise.all([
        main.job().then((job) =>
          steps(job, [
            {
              op: 'cache.restore',
              paths: [dir],
              key: 'x',
              restoreKeys: ['timings-'],
              lookupOnly: true,
            },
          ]),
        ),
        otherPr.job().then((job) =>
          steps(job, [
            {
              op: 'cache.restore',
              paths: [dir],
              key: 'x',
              restoreKeys: ['timings-'],
              lookupOnly: true,
            },
          ]),
        ),
      ])
      expect(value(mainRestore.results[0]).matchedKey).toBe('timings-main-2')
      expect(value(otherRestore.results[0]).matchedKey).toBe('timings-main-2')
    })

    it('makes restoreCache return undefined, without throwing, when GetCacheEntryDownloadURL keeps failing with 500', async () => {
      const { results, step } = await slowRestore
      const r = results.map(value)
      expect(r[1]?.cacheId).toBeGreaterThan(0)
      expect(r[2]?.matchedKey).toBeNull() // five 500s: retries exhausted → undefined
      expect(r[3]?.matchedKey).toBe('slow-1') // a single 500 is absorbed by the retry
      expect(step.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(
            /^Failed to restore: .*after 5 attempts.*\(500\)/,
          ) as unknown,
        }),
      )
    }, 90_000)
  })

  describe('the GitHub REST API with the real @actions/github', () => {
    const marker = '<!-- shardwise:v1:comment -->'

    it('lists 350 comments in pages of 100, creates the sticky comment, then updates it in place', async () => {
      const mallory = { login: 'mallory', id: 666, type: 'User' } as const
      runtime.github.seedComments(7, 350, {
        user: mallory,
        body: (i) => `${marker}\nspoofed ${String(i)}`,
      })
      const run = runtime.newRun({ event: 'pull_request', prNumber: 7 })
      const job = await run.job('combine')
      const { results } = await steps(job, [
        { op: 'comments.list', issue: 7, perPage: 100 },
        { op: 'comments.upsert', issue: 7, marker, body: `${marker}\nfirst report` },
        { op: 'comments.upsert', issue: 7, marker, body: `${marker}\nsecond report` },
        { op: 'comments.create', issue: 7, body: 123 },
        { op: 'comments.create', issue: 7 },
        { op: 'comments.create', issue: 7, body: { repeat: 'x', count: COMMENT_BODY_LIMIT } },
        { op: 'comments.create', issue: 7, body: { repeat: 'x', count: COMMENT_BODY_LIMIT + 1 } },
        {
          op: 'comments.update',
          id: runtime.github.comments(7)[0]?.id,
          body: { repeat: 'y', count: COMMENT_BODY_LIMIT + 1 },
        },
      ])
      const [list, created, updated, wrongType, missing, atLimit, tooLong, tooLongUpdate] = results
      expect(value(list).pages).toBe(4)
      expect(value(list).comments).toHaveLength(350)
      expect(value(created)).toMatchObject({ action: 'created', status: 201, scanned: 350 })
      expect(value(updated)).toMatchObject({
        action: 'updated',
        status: 200,
        scanned: 351,
        id: value(created).id,
      })
      expect(wrongType).toMatchObject({ ok: false, status: 422 })
      expect(wrongType?.data?.message).toMatch(
        /^Invalid request\.\n\nFor 'properties\/body', 123 is not string\./,
      )
      expect(missing).toMatchObject({ ok: false, status: 422 })
      expect(missing?.data?.message).toMatch(/"body" wasn't supplied/)
      expect(value(atLimit).status).toBe(201) // exactly 65,536 characters is allowed
      for (const result of [tooLong, tooLongUpdate]) {
        expect(result).toMatchObject({
          ok: false,
          status: 422,
          data: {
            message: 'Validation Failed',
            errors: [
              expect.objectContaining({
                message: 'Body is too long (maximum is 65536 characters)',
              }),
            ],
          },
        })
      }

      const comments = runtime.github.comments(7)
      expect(comments).toHaveLength(352)
      expect(
        comments
          .filter((c) => c.user.login === 'mallory')
          .every((c, i) => c.body === `${marker}\nspoofed ${String(i)}`),
      ).toBe(true)
      expect(comments.filter((c) => c.user.type === 'Bot')).toEqual([
        expect.objectContaining({ user: ACTIONS_BOT, body: `${marker}\nsecond report` }),
        expect.objectContaining({ user: ACTIONS_BOT, body: 'x'.repeat(COMMENT_BODY_LIMIT) }),
      ])
      const listCalls = runtime.github.requests.filter(
        (q) => q.operationId === 'issues/list-comments',
      )
      expect(listCalls.slice(0, 4).map((q) => q.query.page ?? '1')).toEqual(['1', '2', '3', '4'])
      expect(listCalls[0]?.responseHeaders.link).toMatch(
        /<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/widgets\/issues\/7\/comments\?per_page=100&page=2>; rel="next"/,
      )
      expect(runtime.github.responseErrors).toEqual([])
    })

    it('validates requests and scripts faults: fork tokens, unknown parameters, rate limits, 5xx', async () => {
      const fork = await runtime.newRun({ event: 'pull_request', prNumber: 7, fork: true }).job()
      const api = (
        path: string,
        init: { method?: string; body?: string } = {},
        token = fork.githubToken,
      ) =>
        fetch(`${runtime.github.url}${path}`, {
          ...init,
          headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
        })
      const comments = '/repos/acme/widgets/issues/7/comments'
      const denied = await api(comments, { method: 'POST', body: JSON.stringify({ body: 'hi' }) })
      expect(denied.status).toBe(403)
      expect(await denied.json()).toMatchObject({
        message: 'Resource not accessible by integration',
      })

      const writer = await runtime.newRun({ event: 'push' }).job()
      const unknownParam = await api(`${comments}?perPage=5`, {}, writer.githubToken)
      expect(unknownParam.status).toBe(422)
      const clamped = await api(`${comments}?per_page=500`, {}, writer.githubToken)
      expect(((await clamped.json()) as unknown[]).length).toBe(100)
      expect(
        (await api('/repos/acme/widgets/issues/999/comments', {}, writer.githubToken)).status,
      ).toBe(404)
      expect(
        (await api('/repos/acme/widgets/issues/not-a-number/comments', {}, writer.githubToken))
          .status,
      ).toBe(404)
      expect((await api(comments, {}, 'ghs_unknown')).status).toBe(401)
      expect((await api('/user', {}, writer.githubToken)).status).toBe(403)

      runtime.github.secondaryRateLimit('issues/create-comment', { status: 429, retryAfter: 2 })
      const limited = await api(
        comments,
        { method: 'POST', body: JSON.stringify({ body: 'hi' }) },
        writer.githubToken,
      )
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBe('2')
      expect(((await limited.json()) as { message: string }).message).toMatch(
        /secondary rate limit/,
      )
      runtime.github.fail('issues/list-comments', { status: 502, message: 'Server Error' })
      expect((await api(comments, {}, writer.githubToken)).status).toBe(502)
      expect((await api(comments, {}, writer.githubToken)).status).toBe(200)

      runtime.github.setPullFiles(7, [
        { filename: 'src/a.ts' },
        { filename: 'test/a.test.ts', status: 'added' },
      ])
      const files = await api('/repos/acme/widgets/pulls/7/files', {}, writer.githubToken)
      expect(((await files.json()) as { filename: string }[]).map((f) => f.filename)).toEqual([
        'src/a.ts',
        'test/a.test.ts',
      ])
      expect(runtime.github.responseErrors).toEqual([])
    })
  })

  it('runs the bundled action (dist/index.js) in a simulated job and parses its annotations', async () => {
    const job = await runtime.newRun({ event: 'push' }).job('plan')
    const result = await runAction({ job, inputs: { mode: 'deploy' } })
    expect(result.code).toBe(1)
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/`mode` must be one of/) as unknown,
      }),
    )
  })

  describe('Twirp protocol checks', () => {
    const call = (method: string, body: unknown, token?: string) =>
      fetch(`${runtime.twirp.url}${TWIRP}/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      })

    it('requires an Actions.Results token scoped to the run, and serves scripted faults', async () => {
      const job = await runtime.newRun().job()
      const ids = {
        workflow_run_backend_id: job.run.backendId,
        workflow_job_run_backend_id: job.backendId,
      }
      expect(await (await call('ListArtifacts', ids)).json()).toMatchObject({
        code: 'unauthenticated',
      })
      const other = await runtime.newRun().job()
      const foreign = await call('ListArtifacts', ids, other.runtimeToken)
      expect(foreign.status).toBe(403)
      runtime.twirp.fail('ListArtifacts', {
        status: 404,
        msg: 'gone',
        runBackendId: job.run.backendId,
      })
      runtime.twirp.delay('ListArtifacts', 300, { runBackendId: job.run.backendId })
      expect(await (await call('ListArtifacts', ids, job.runtimeToken)).json()).toEqual({
        code: 'not_found',
        msg: 'gone',
      })
      const started = Date.now()
      expect(await (await call('ListArtifacts', ids, job.runtimeToken)).json()).toEqual({
        artifacts: [],
      })
      expect(Date.now() - started).toBeGreaterThanOrEqual(250)
      expect((await call('NoSuchMethod', ids, job.runtimeToken)).status).toBe(404)
    })
  })

  it('runs the artifact and cache round trip under Node 24 too', async () => {
    const run = runtime.newRun({ event: 'push', branch: 'node24' })
    const job = await run.job()
    const dir = join(run.workspace, 'node24-cache')
    const dest = join(job.temp, 'dl')
    const { results } = await steps(
      job,
      [
        {
          op: 'artifact.upload',
          name: 'node24',
          root: source,
          files: ['junit.xml', 'sub/timings.json'],
        },
        { op: 'artifact.list' },
        { op: 'file.write', path: join(dir, 'a.txt'), text: 'node24' },
        { op: 'cache.save', paths: [dir], key: 'node24-1' },
        { op: 'cache.restore', paths: [dir], key: 'node24-x', restoreKeys: ['node24-'] },
      ],
      NODE24,
    )
    const r = results.map(value)
    const listed = (r[1]?.artifacts ?? []) as { id: number }[]
    expect(listed.map((a) => a.id)).toEqual([r[0]?.id])
    expect(r[3]?.cacheId).toBeGreaterThan(0)
    expect(r[4]?.matchedKey).toBe('node24-1')
    const download = await steps(
      job,
      [{ op: 'artifact.download', id: r[0]?.id, path: dest }],
      NODE24,
    )
    value(download.results[0])
    expect(await listFiles(dest)).toEqual(['junit.xml', 'sub/timings.json'])
  })
})

describe('the in-process blob store (fallback when Azurite cannot start)', () => {
  it('says so in the log and serves staged-block uploads and ranged downloads without checking signatures', async () => {
    const lines: string[] = []
    const store = await startBlobStore({ mode: 'in-process', log: (line) => lines.push(line) })
    try {
      expect(lines.join('\n')).toMatch(/in-process blob store.*NOT checked/)
      expect(store.checksSignatures).toBe(false)
      await store.ensureContainer('results')
      const data = randomBytes(3 * 1024 * 1024)
      await new BlockBlobClient(store.signedUrl('results', 'a/b.zip', 'cw')).uploadData(data, {
        blockSize: 1024 * 1024,
        maxSingleShotSize: 1024 * 1024,
        blobHTTPHeaders: { blobContentType: 'application/zip' },
      })
      expect(await store.properties('results', 'a/b.zip')).toEqual({
        size: data.length,
        contentType: 'application/zip',
      })
      const ranged = await fetch(store.signedUrl('results', 'a/b.zip', 'r'), {
        headers: { range: 'bytes=10-19' },
      })
      expect(ranged.status).toBe(206)
      expect(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(10, 20))).toBe(true)
    } finally {
      await store.stop()
    }
  })
})

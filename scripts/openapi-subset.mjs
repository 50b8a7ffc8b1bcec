#!/usr/bin/env node
// Extracts the GitHub REST operations Shardwise calls from GitHub's published OpenAPI description
// (npm `@octokit/openapi`, file `generated/api.github.com.json`) together with every component
// they reach through `$ref`, and writes test/fixtures/openapi/github-subset.json. The fake GitHub
// REST server (test/support/actions-runtime/github-rest.ts) validates requests and its own
// responses against that file.
//
// The package is ~400 MB unpacked, so it is never installed into the project: `npm pack` fetches
// the pinned tarball into a temp dir and only the one description file is extracted from it.
//
//   node scripts/openapi-subset.mjs           write the subset
//   node scripts/openapi-subset.mjs --check   exit 1 if the committed subset is out of date
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const PACKAGE = '@octokit/openapi'
const VERSION = '23.0.2'
// `npm view @octokit/openapi@23.0.2 dist.integrity`; checked against the packed tarball.
const INTEGRITY =
  'sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg=='
const DESCRIPTION = 'package/generated/api.github.com.json'

/** [path, method] of every operation the project (or its fake) serves. */
const OPERATIONS = [
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'get'], // issues/list-comments
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'post'], // issues/create-comment
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'get'], // issues/get-comment
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'patch'], // issues/update-comment
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'delete'], // issues/delete-comment
  ['/repos/{owner}/{repo}/pulls/{pull_number}/files', 'get'], // pulls/list-files
  ['/user', 'get'], // users/get-authenticated
]

const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, 'test/fixtures/openapi/github-subset.json')

function fetchDescription() {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-subset-'))
  try {
    const packed = execFileSync(
      'npm',
      ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', dir, '--silent', '--ignore-scripts'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    )
      .trim()
      .split('\n')
      .pop()
    const tarball = join(dir, packed ?? '')
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
    if (integrity !== INTEGRITY) {
      throw new Error(`${PACKAGE}@${VERSION}: integrity ${integrity}, expected ${INTEGRITY}`)
    }
    execFileSync('tar', ['-xzf', tarball, '-C', dir, DESCRIPTION, 'package/package.json'])
    const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'))
    if (pkg.version !== VERSION) throw new Error(`packed ${pkg.version}, expected ${VERSION}`)
    return JSON.parse(readFileSync(join(dir, DESCRIPTION), 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Deep copy without `examples` (documentation only, and most of the size). */
function strip(value) {
  if (Array.isArray(value)) return value.map(strip)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === 'examples') continue
    out[key] = strip(child)
  }
  return out
}

function subset(spec) {
  const components = {}
  const pending = []
  const collect = (value) => {
    if (Array.isArray(value)) return value.forEach(collect)
    if (value === null || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') pending.push(child)
      else collect(child)
    }
  }
  const paths = {}
  for (const [path, method] of OPERATIONS) {
    const item = spec.paths[path]
    const operation = item?.[method]
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the description`)
    const copy = strip(operation)
    // Path-level parameters apply to every operation of the path: fold them in.
    if (item.parameters) copy.parameters = [...strip(item.parameters), ...(copy.parameters ?? [])]
    paths[path] = { ...paths[path], [method]: copy }
    collect(copy)
  }
  while (pending.length > 0) {
    const ref = pending.pop()
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref)
    if (!match) throw new Error(`unsupported $ref ${ref}`)
    const [, kind, name] = match
    if (components[kind]?.[name]) continue
    const target = spec.components[kind]?.[name]
    if (!target) throw new Error(`dangling $ref ${ref}`)
    const copy = strip(target)
    components[kind] = { ...components[kind], [name]: copy }
    collect(copy)
  }
  const sorted = Object.fromEntries(
    Object.keys(components)
      .sort()
      .map((kind) => [
        kind,
        Object.fromEntries(
          Object.keys(components[kind])
            .sort()
            .map((n) => [n, components[kind][n]]),
        ),
      ]),
  )
  return {
    openapi: spec.openapi,
    info: {
      ...spec.info,
      'x-shardwise-subset': {
        source: `${PACKAGE}@${VERSION} ${DESCRIPTION.replace(/^package\//, '')}`,
        integrity: INTEGRITY,
        generator: 'scripts/openapi-subset.mjs',
        note: '`examples` removed; every other keyword and every reachable $ref kept.',
      },
    },
    servers: spec.servers,
    paths,
    components: sorted,
  }
}

const text = `${JSON.stringify(subset(fetchDescription()), null, 2)}\n`
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(OUT, 'utf8')
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error(`${OUT} is out of date: run node scripts/openapi-subset.mjs`)
    process.exit(1)
  }
  console.log(`${OUT} is up to date`)
} else {
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, text)
  console.log(`wrote ${OUT} (${Buffer.byteLength(text)} bytes, ${OPERATIONS.length} operations)`)
}

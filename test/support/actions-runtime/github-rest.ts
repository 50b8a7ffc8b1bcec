/**
 * A fake GitHub REST API on 127.0.0.1 for the operations the action uses (issue comments, the
 * files of a pull request, the authenticated user). Every request (path parameters, query,
 * body) and every response it sends is validated against GitHub's published OpenAPI description
 * (the subset in test/fixtures/openapi/github-subset.json, made by scripts/openapi-subset.mjs).
 * A request that violates it gets GitHub's 422; a response of the fake that violates it becomes a
 * 500 and is listed in `responseErrors`, so a test can never pass on a shape GitHub would not send.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'

export const OPENAPI_SUBSET = resolve(
  import.meta.dirname,
  '../../fixtures/openapi/github-subset.json',
)
/** GitHub's limit on an issue or PR comment body, in characters. */
export const COMMENT_BODY_LIMIT = 65_536

export type OperationId =
  | 'issues/list-comments'
  | 'issues/create-comment'
  | 'issues/get-comment'
  | 'issues/update-comment'
  | 'issues/delete-comment'
  | 'pulls/list-files'
  | 'users/get-authenticated'

export interface GitHubUser {
  readonly login: string
  readonly id: number
  readonly type: 'Bot' | 'User' | 'Organization'
}

/** The author of comments made with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export interface TokenIdentity {
  readonly user: GitHubUser
  /** A fork PR's token: every write answers 403 "Resource not accessible by integration". */
  readonly readOnly?: boolean
}

export interface StoredComment {
  readonly id: number
  readonly issue: number
  readonly user: GitHubUser
  body: string
  readonly createdAt: Date
  updatedAt: Date
  authorAssociation: string
}

export interface PullFile {
  readonly filename: string
  readonly status?:
    'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  readonly additions?: number
  readonly deletions?: number
}

export interface RestFault {
  readonly status: number
  readonly message?: string
  /** Replaces the whole JSON body. */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly delayMs?: number
  readonly times?: number
}

export interface RestRequestRecord {
  readonly method: string
  readonly path: string
  readonly operationId: OperationId | undefined
  readonly query: Readonly<Record<string, string>>
  readonly body: unknown
  readonly status: number
  readonly response: unknown
  readonly responseHeaders: Readonly<Record<string, string>>
  readonly user: GitHubUser | undefined
  readonly fault: boolean
  readonly at: Date
}

export interface GitHubRestServer {
  /** `http://127.0.0.1:<port>` (GITHUB_API_URL). */
  readonly url: string
  readonly repository: string
  readonly requests: readonly RestRequestRecord[]
  /** Responses of the fake that failed the OpenAPI schema (should stay empty). */
  readonly responseErrors: readonly string[]
  /** Registers a token; a random `ghs_…` one when `token` is omitted. */
  addToken(identity: TokenIdentity, token?: string): string
  /** Makes an issue or pull request exist (comments on unknown numbers get 404). */
  addIssue(number: number, options?: { locked?: boolean }): void
  addComment(issue: number, body: string, user: GitHubUser): StoredComment
  /** Adds `count` comments, e.g. 350 by a human each carrying a spoofed marker. */
  seedComments(
    issue: number,
    count: number,
    options: { user: GitHubUser; body: string | ((index: number) => string) },
  ): StoredComment[]
  comments(issue: number): readonly StoredComment[]
  setPullFiles(pull: number, files: readonly PullFile[]): void
  /** Scripts the next `times` (default 1) calls of an operation (or of any: `*`). */
  fail(operation: OperationId | '*', fault: RestFault): void
  /** 403 (or 429) "You have exceeded a secondary rate limit" with `retry-after`. */
  secondaryRateLimit(
    operation: OperationId | '*',
    options?: { status?: 403 | 429; retryAfter?: number; times?: number },
  ): void
  /** Sets the primary budget: at 0 every call gets 403 with `x-ratelimit-remaining: 0`. */
  setRateLimit(options: { remaining: number; resetInSeconds?: number }): void
  clearFaults(): void
  stop(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// OpenAPI → JSON Schema 2020-12

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const SCHEMA_ID = 'github-openapi'

/**
 * OpenAPI 3.0 Schema Objects are nearly JSON Schema: `nullable` becomes a `null` type (or an
 * `anyOf` with null), `$ref` siblings are dropped as 3.0 says, and documentation-only keywords
 * (`example`, `discriminator`, `x-*`) go.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema)
  if (!isObject(node)) return node
  if (typeof node.$ref === 'string') {
    return { $ref: node.$ref.replace('#/components/schemas/', `${SCHEMA_ID}#/$defs/`) }
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) {
    if (
      key === 'example' ||
      key === 'discriminator' ||
      key === 'nullable' ||
      key === 'xml' ||
      key === 'externalDocs' ||
      key.startsWith('x-')
    )
      continue
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, child]) => [name, toJsonSchema(child)]),
          )
        : toJsonSchema(value)
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null']
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null]
    } else {
      return { anyOf: [out, { type: 'null' }] }
    }
  }
  return out
}

function collectFormats(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => collectFormats(child, into))
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') into.add(value)
      else collectFormats(value, into)
    }
  }
  return into
}

interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required: boolean
  readonly validate: ValidateFunction
  readonly type: string | undefined
}

interface Operation {
  readonly id: OperationId
  readonly method: string
  readonly template: string
  readonly pattern: RegExp
  readonly pathNames: readonly string[]
  readonly parameters: readonly Parameter[]
  readonly body: { readonly required: boolean; readonly validate: ValidateFunction } | undefined
  readonly responses: ReadonlyMap<string, ValidateFunction | undefined>
  readonly docs: string
}

function loadOperations(): Operation[] {
  const spec = JSON.parse(readFileSync(OPENAPI_SUBSET, 'utf8')) as Json
  const components = isObject(spec.components) ? spec.components : {}
  const section = (name: string): Json => (isObject(components[name]) ? components[name] : {})
  const deref = (value: unknown, kind: string): Json => {
    if (isObject(value) && typeof value.$ref === 'string') {
      const name = value.$ref.replace(`#/components/${kind}/`, '')
      const target = section(kind)[name]
      if (!isObject(target)) throw new Error(`dangling ${value.$ref}`)
      return target
    }
    return isObject(value) ? value : {}
  }
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strictRequired: false,
  })
  for (const format of collectFormats(spec, new Set())) {
    switch (format) {
      case 'date-time':
        ajv.addFormat(format, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i)
        break
      case 'uri':
        ajv.addFormat(format, (value: string) => URL.canParse(value))
        break
      case 'email':
        ajv.addFormat(format, /^[^\s@]+@[^\s@]+$/)
        break
      case 'int64':
        ajv.addFormat(format, {
          type: 'number',
          validate: (value: number) => Number.isSafeInteger(value),
        })
        break
      default:
        ajv.addFormat(format, true) // unknown formats are annotations only
    }
  }
  ajv.addSchema({ $id: SCHEMA_ID, $defs: toJsonSchema(section('schemas')) as Json })
  const compile = (schema: unknown) => ajv.compile(toJsonSchema(schema) as Json)
  const jsonSchemaOf = (holder: Json): unknown => {
    const content = isObject(holder.content) ? holder.content : {}
    const media = content['application/json']
    return isObject(media) ? media.schema : undefined
  }

  const operations: Operation[] = []
  const paths = isObject(spec.paths) ? spec.paths : {}
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    for (const [method, raw] of Object.entries(item)) {
      if (!isObject(raw) || typeof raw.operationId !== 'string') continue
      const pathNames: string[] = []
      const pattern = new RegExp(
        `^${template.replace(/\{([^}]+)\}/g, (_, name: string) => {
          pathNames.push(name)
          return '([^/]+)'
        })}$`,
      )
      const parameters = (Array.isArray(raw.parameters) ? raw.parameters : []).map(
        (p): Parameter => {
          const param = deref(p, 'parameters')
          const schema = isObject(param.schema) ? param.schema : {}
          return {
            name: String(param.name),
            in: param.in as Parameter['in'],
            required: param.required === true,
            validate: compile(schema),
            type: typeof schema.type === 'string' ? schema.type : undefined,
          }
        },
      )
      const requestBody =
        raw.requestBody === undefined ? undefined : deref(raw.requestBody, 'requestBodies')
      const bodySchema = requestBody === undefined ? undefined : jsonSchemaOf(requestBody)
      const responses = new Map<string, ValidateFunction | undefined>()
      for (const [status, response] of Object.entries(
        isObject(raw.responses) ? raw.responses : {},
      )) {
        const schema = jsonSchemaOf(deref(response, 'responses'))
        responses.set(status, schema === undefined ? undefined : compile(schema))
      }
      const docs =
        isObject(raw.externalDocs) && typeof raw.externalDocs.url === 'string'
          ? raw.externalDocs.url
          : 'https://docs.github.com/rest'
      operations.push({
        id: raw.operationId as OperationId,
        method: method.toUpperCase(),
        template,
        pattern,
        pathNames,
        parameters,
        body:
          bodySchema === undefined || requestBody === undefined
            ? undefined
            : { required: requestBody.required === true, validate: compile(bodySchema) },
        responses,
        docs,
      })
    }
  }
  return operations
}

let cachedOperations: Operation[] | undefined

/** GitHub's wording for a request body that fails the schema. */
function describeErrors(errors: readonly ErrorObject[] | null | undefined, where: string): string {
  const lines = (errors ?? []).map((error) => {
    const path = `${where}${error.instancePath
      .split('/')
      .filter(Boolean)
      .map((p) => `/properties/${p}`)
      .join('')}`.replace(/^\//, '')
    if (error.keyword === 'required') {
      return `"${String((error.params as { missingProperty?: unknown }).missingProperty)}" wasn't supplied.`
    }
    const data = error.data === undefined ? 'undefined' : JSON.stringify(error.data)
    if (error.keyword === 'type') {
      return `For '${path || where}', ${data} is not ${String((error.params as { type?: unknown }).type)}.`
    }
    return `For '${path || where}', ${data} ${error.message ?? 'is invalid'}.`
  })
  return `Invalid request.\n\n${[...new Set(lines)].join('\n')}`
}

class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Json = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export async function startGitHubRest(
  options: { repository?: string } = {},
): Promise<GitHubRestServer> {
  cachedOperations ??= loadOperations()
  const operations = cachedOperations
  const repository = options.repository ?? 'acme/widgets'
  const tokens = new Map<string, TokenIdentity>()
  const issues = new Map<number, { locked: boolean }>()
  const comments: StoredComment[] = []
  const pullFiles = new Map<number, readonly PullFile[]>()
  const requests: RestRequestRecord[] = []
  const responseErrors: string[] = []
  const faults: { operation: OperationId | '*'; fault: RestFault; left: number }[] = []
  const rate = { limit: 1000, remaining: 1000, reset: Math.floor(Date.now() / 1000) + 3600 }
  let nextCommentId = 1_000_000_001
  let url = ''

  const userJson = (user: GitHubUser) => {
    const login = encodeURIComponent(user.login)
    const api = `${url}/users/${login}`
    return {
      login: user.login,
      id: user.id,
      node_id: Buffer.from(`04:User${String(user.id)}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/${user.type === 'Bot' ? 'in/15368' : `u/${String(user.id)}`}?v=4`,
      gravatar_id: '',
      url: api,
      html_url:
        user.type === 'Bot'
          ? `https://github.com/apps/${user.login.replace(/\[bot\]$/, '')}`
          : `https://github.com/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false,
    }
  }
  const commentJson = (c: StoredComment) => {
    const api = `${url}/repos/${repository}/issues/comments/${String(c.id)}`
    return {
      url: api,
      html_url: `https://github.com/${repository}/pull/${String(c.issue)}#issuecomment-${String(c.id)}`,
      issue_url: `${url}/repos/${repository}/issues/${String(c.issue)}`,
      id: c.id,
      node_id: `IC_kwDO${Buffer.from(String(c.id)).toString('base64url')}`,
      user: userJson(c.user),
      created_at: c.createdAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      updated_at: c.updatedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      author_association: c.authorAssociation,
      body: c.body,
      reactions: {
        url: `${api}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      performed_via_github_app: null,
    }
  }
  const addComment = (issue: number, body: string, user: GitHubUser): StoredComment => {
    if (!issues.has(issue)) issues.set(issue, { locked: false })
    const now = new Date()
    const comment: StoredComment = {
      id: nextCommentId++,
      issue,
      user,
      body,
      createdAt: now,
      updatedAt: now,
      authorAssociation: user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    }
    comments.push(comment)
    return comment
  }
  const paginate = <T>(items: readonly T[], query: Record<string, string>, path: string) => {
    const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30)))
    const page = Math.max(1, Number(query.page ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (p: number, rel: string) => {
      const params = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) })
      return `<${url}${path}?${params.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(page - 1, 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    }
  }
  const forbiddenForReadOnly = (identity: TokenIdentity | undefined) => {
    if (identity?.readOnly) throw new RestError(403, 'Resource not accessible by integration')
  }
  const findComment = (id: number) => {
    const comment = comments.find((c) => c.id === id)
    if (!comment) throw new RestError(404, 'Not Found')
    return comment
  }
  const checkBodyLength = (body: string) => {
    if (body.length > COMMENT_BODY_LIMIT) {
      throw new RestError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `Body is too long (maximum is ${String(COMMENT_BODY_LIMIT)} characters)`,
          },
        ],
      })
    }
  }
  const knownIssue = (number: number) => {
    const issue = issues.get(number)
    if (!issue) throw new RestError(404, 'Not Found')
    return issue
  }

  type Handler = (context: {
    params: Record<string, string | number>
    query: Record<string, string>
    body: Json
    identity: TokenIdentity | undefined
    path: string
  }) => { status: number; body?: unknown; headers?: Record<string, string> }

  const handlers: Record<OperationId, Handler> = {
    'issues/list-comments': ({ params, query, path }) => {
      const issue = Number(params.issue_number)
      knownIssue(issue)
      const since = query.since === undefined ? undefined : Date.parse(query.since)
      const list = comments.filter(
        (c) => c.issue === issue && (since === undefined || c.updatedAt.getTime() >= since),
      )
      const { items, headers } = paginate(list, query, path)
      return { status: 200, body: items.map(commentJson), headers }
    },
    'issues/create-comment': ({ params, body, identity }) => {
      const issue = knownIssue(Number(params.issue_number))
      forbiddenForReadOnly(identity)
      if (issue.locked)
        throw new RestError(403, 'Unable to create comment because issue is locked.')
      const text = String(body.body)
      checkBodyLength(text)
      const comment = addComment(Number(params.issue_number), text, identity?.user ?? ACTIONS_BOT)
      const json = commentJson(comment)
      return { status: 201, body: json, headers: { location: json.url } }
    },
    'issues/get-comment': ({ params }) => ({
      status: 200,
      body: commentJson(findComment(Number(params.comment_id))),
    }),
    'issues/update-comment': ({ params, body, identity }) => {
      const comment = findComment(Number(params.comment_id))
      forbiddenForReadOnly(identity)
      const text = String(body.body)
      checkBodyLength(text)
      comment.body = text
      comment.updatedAt = new Date()
      return { status: 200, body: commentJson(comment) }
    },
    'issues/delete-comment': ({ params, identity }) => {
      const comment = findComment(Number(params.comment_id))
      forbiddenForReadOnly(identity)
      comments.splice(comments.indexOf(comment), 1)
      return { status: 204 }
    },
    'pulls/list-files': ({ params, query, path }) => {
      const pull = Number(params.pull_number)
      knownIssue(pull)
      const files = (pullFiles.get(pull) ?? []).slice(0, 3000).map((file, index) => {
        const sha = Buffer.from(`${file.filename}${String(index)}`)
          .toString('hex')
          .padEnd(40, '0')
          .slice(0, 40)
        const additions = file.additions ?? 1
        const deletions = file.deletions ?? 0
        const blob = `https://github.com/${repository}/blob/${sha}/${encodeURI(file.filename)}`
        return {
          sha,
          filename: file.filename,
          status: file.status ?? 'modified',
          additions,
          deletions,
          changes: additions + deletions,
          blob_url: blob,
          raw_url: blob.replace('/blob/', '/raw/'),
          contents_url: `${url}/repos/${repository}/contents/${encodeURI(file.filename)}?ref=${sha}`,
        }
      })
      const { items, headers } = paginate(files, query, path)
      return { status: 200, body: items, headers }
    },
    'users/get-authenticated': ({ identity }) => {
      // An installation token (GITHUB_TOKEN) is not a user.
      if (!identity || identity.user.type === 'Bot')
        throw new RestError(403, 'Resource not accessible by integration')
      const stamp = '2020-01-01T00:00:00Z'
      return {
        status: 200,
        body: {
          ...userJson(identity.user),
          name: identity.user.login,
          company: null,
          blog: '',
          location: null,
          email: null,
          hireable: null,
          bio: null,
          public_repos: 1,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: stamp,
          updated_at: stamp,
        },
      }
    },
  }

  const takeFault = (operation: OperationId) => {
    const index = faults.findIndex(
      (f) => (f.operation === operation || f.operation === '*') && f.left > 0,
    )
    const found = faults[index]
    if (!found) return undefined
    found.left--
    if (found.left === 0) faults.splice(index, 1)
    return found.fault
  }

  const handle = async (req: IncomingMessage, raw: Buffer) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const query = Object.fromEntries(target.searchParams)
    let operation: Operation | undefined
    let match: RegExpExecArray | null = null
    for (const candidate of operations) {
      if (candidate.method !== method) continue
      match = candidate.pattern.exec(target.pathname)
      if (match) {
        operation = candidate
        break
      }
    }
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const identity = auth === undefined ? undefined : tokens.get(auth)
    let body: unknown = undefined
    let status: number
    let response: unknown
    let headers: Record<string, string>
    let fault = false
    try {
      if (!operation || !match) throw new RestError(404, 'Not Found')
      if (!auth) throw new RestError(401, 'Requires authentication')
      if (!identity) throw new RestError(401, 'Bad credentials')
      if (Date.now() / 1000 >= rate.reset) {
        rate.remaining = rate.limit
        rate.reset = Math.floor(Date.now() / 1000) + 3600
      }
      if (rate.remaining === 0) {
        throw new RestError(
          403,
          'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.',
        )
      }
      rate.remaining--
      // Path parameters: a value of the wrong shape is a 404, as on GitHub.
      const params: Record<string, string | number> = {}
      for (const [index, name] of operation.pathNames.entries()) {
        const value = decodeURIComponent(match[index + 1] ?? '')
        const spec = operation.parameters.find((p) => p.in === 'path' && p.name === name)
        const typed = spec?.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value
        if (spec && !spec.validate(typed)) throw new RestError(404, 'Not Found')
        params[name] = typed
      }
      if ('owner' in params && `${String(params.owner)}/${String(params.repo)}` !== repository) {
        throw new RestError(404, 'Not Found')
      }
      const problems: string[] = []
      for (const [name, value] of Object.entries(query)) {
        const spec = operation.parameters.find((p) => p.in === 'query' && p.name === name)
        if (!spec) {
          problems.push(`Unknown query parameter '${name}'.`)
          continue
        }
        const typed =
          spec.type === 'integer' && /^-?\d+$/.test(value)
            ? Number(value)
            : spec.type === 'boolean' && /^(true|false)$/.test(value)
              ? value === 'true'
              : value
        if (!spec.validate(typed))
          problems.push(
            describeErrors(spec.validate.errors, name).replace(/^Invalid request\.\n\n/, ''),
          )
      }
      for (const spec of operation.parameters) {
        if (spec.in === 'query' && spec.required && !(spec.name in query))
          problems.push(`"${spec.name}" wasn't supplied.`)
      }
      if (problems.length > 0)
        throw new RestError(422, `Invalid request.\n\n${problems.join('\n')}`)
      if (operation.body) {
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString('utf8'))
          } catch {
            throw new RestError(400, 'Problems parsing JSON')
          }
        }
        // No body at all is validated as `{}`: its required properties "weren't supplied".
        if (
          (body !== undefined || operation.body.required) &&
          !operation.body.validate(body ?? {})
        ) {
          throw new RestError(422, describeErrors(operation.body.validate.errors, ''))
        }
      }
      const scripted = takeFault(operation.id)
      if (scripted?.delayMs) await new Promise((done) => setTimeout(done, scripted.delayMs))
      if (scripted) {
        fault = true
        status = scripted.status
        response = scripted.body ?? {
          message: scripted.message ?? 'Injected fault',
          documentation_url: operation.docs,
          status: String(status),
        }
        headers = { ...scripted.headers }
      } else {
        const result = handlers[operation.id]({
          params,
          query,
          body: isObject(body) ? body : {},
          identity,
          path: target.pathname,
        })
        status = result.status
        response = result.body
        headers = result.headers ?? {}
      }
    } catch (error) {
      if (!(error instanceof RestError)) throw error
      status = error.status
      response = {
        message: error.message,
        ...error.extra,
        documentation_url: operation?.docs ?? 'https://docs.github.com/rest',
        status: String(error.status),
      }
      headers = error.headers
    }
    // Validate our own answer against the description.
    const validate = operation?.responses.get(String(status))
    if (operation && validate && !validate(response)) {
      const problem = `${operation.id} ${String(status)}: ${JSON.stringify(validate.errors)}`
      responseErrors.push(problem)
      status = 500
      response = {
        message: `the fake GitHub API produced a response that violates the OpenAPI description: ${problem}`,
      }
    }
    requests.push({
      method,
      path: target.pathname,
      operationId: operation?.id,
      query,
      body,
      status,
      response,
      responseHeaders: headers,
      user: identity?.user,
      fault,
      at: new Date(),
    })
    return { status, response, headers }
  }

  const server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      handle(req, Buffer.concat(chunks))
        .then(({ status, response, headers }) => {
          const common = {
            'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
            'x-ratelimit-limit': String(rate.limit),
            'x-ratelimit-remaining': String(rate.remaining),
            'x-ratelimit-reset': String(rate.reset),
            'x-ratelimit-used': String(rate.limit - rate.remaining),
            'x-ratelimit-resource': 'core',
          }
          if (response === undefined) {
            res.writeHead(status, { ...common, ...headers }).end()
          } else {
            res
              .writeHead(status, {
                ...common,
                'content-type': 'application/json; charset=utf-8',
                ...headers,
              })
              .end(JSON.stringify(response))
          }
        })
        .catch((error: unknown) => {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ message: String(error) }))
        })
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`

  return {
    url,
    repository,
    requests,
    responseErrors,
    addToken(identity, token = `ghs_${randomBytes(18).toString('base64url')}`) {
      tokens.set(token, identity)
      return token
    },
    addIssue(number, opts = {}) {
      issues.set(number, { locked: opts.locked ?? false })
    },
    addComment,
    seedComments(issue, count, opts) {
      return Array.from({ length: count }, (_, index) =>
        addComment(issue, typeof opts.body === 'string' ? opts.body : opts.body(index), opts.user),
      )
    },
    comments(issue) {
      return comments.filter((c) => c.issue === issue)
    },
    setPullFiles(pull, files) {
      if (!issues.has(pull)) issues.set(pull, { locked: false })
      pullFiles.set(pull, files)
    },
    fail(operation, fault) {
      faults.push({ operation, fault, left: fault.times ?? 1 })
    },
    secondaryRateLimit(operation, opts = {}) {
      const status = opts.status ?? 403
      faults.push({
        operation,
        left: opts.times ?? 1,
        fault: {
          status,
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          headers: { 'retry-after': String(opts.retryAfter ?? 1) },
        },
      })
    },
    setRateLimit(opts) {
      rate.remaining = opts.remaining
      rate.reset = Math.floor(Date.now() / 1000) + (opts.resetInSeconds ?? 3600)
    },
    clearFaults() {
      faults.length = 0
    },
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

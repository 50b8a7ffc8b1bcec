import { getOctokit } from '@actions/github'
import { describeError } from '../core/errors.js'
import type { Log } from './log.js'

/**
 * The sticky pull-request comment: one per workflow, job and invocation, found again by a
 * hidden marker *and* by our bot as its author (anyone can paste a marker), and updated in
 * place. Reporting never changes the verdict: a read-only token (fork pull request), a locked
 * conversation or a rate limit leaves a notice and the job summary.
 */

export interface CommentTarget {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly issue: number
  /** Hidden marker identifying our comment. */
  readonly marker: string
  /** Login of the account that posts (the token's bot). */
  readonly author: string
  readonly runId: number
  readonly runAttempt: number
}

export type CommentOutcome = 'created' | 'updated' | 'skipped-newer' | 'failed'

interface OctokitError {
  status?: number
  message?: string
}

/** Order of runs written into the comment, so an older run never overwrites a newer one. */
function runStamp(runId: number, attempt: number): string {
  return `<!-- shardwise-run:${runId}:${attempt} -->`
}

function stampOf(body: string): [number, number] | undefined {
  const match = /<!-- shardwise-run:(\d+):(\d+) -->/.exec(body)
  return match ? [Number(match[1]), Number(match[2])] : undefined
}

export async function upsertComment(
  target: CommentTarget,
  body: string,
  log: Log,
): Promise<CommentOutcome> {
  const octokit = getOctokit(target.token)
  const full = `${target.marker}\n${runStamp(target.runId, target.runAttempt)}\n${body}`
  try {
    let existing: { id: number; body: string } | undefined
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      per_page: 100,
    })
    for await (const page of pages) {
      for (const comment of page.data) {
        const text = comment.body ?? ''
        if (
          text.includes(target.marker) &&
          comment.user?.login === target.author &&
          comment.user.type === 'Bot'
        ) {
          existing = { id: comment.id, body: text }
          break
        }
      }
      if (existing) break
    }
    if (existing) {
      const stamp = stampOf(existing.body)
      if (
        stamp &&
        (stamp[0] > target.runId || (stamp[0] === target.runId && stamp[1] > target.runAttempt))
      ) {
        log.notice(
          `the pull request comment already shows a newer run (${stamp[0]} attempt ${stamp[1]}); left as it is`,
        )
        return 'skipped-newer'
      }
      await octokit.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body: full,
      })
      log.info(`updated the pull request comment ${existing.id}`)
      return 'updated'
    }
    const created = await octokit.rest.issues.createComment({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      body: full,
    })
    log.info(`created the pull request comment ${created.data.id}`)
    return 'created'
  } catch (error) {
    const status = (error as OctokitError).status
    if (status === 403) {
      log.notice(
        'cannot comment on this pull request (the token is read-only, as for pull requests from forks, or the conversation is locked); the report is in the job summary',
      )
    } else {
      log.warning(
        `could not post the pull request comment (${status === undefined ? describeError(error) : `HTTP ${status}: ${(error as OctokitError).message ?? ''}`}); the report is in the job summary`,
      )
    }
    return 'failed'
  }
}

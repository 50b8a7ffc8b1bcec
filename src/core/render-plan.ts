import { encodePlan, type Plan } from './contracts/plan.js'

/** The GitHub Actions matrix: `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
export function planMatrix(plan: Plan): { include: { shard: number; shards: number }[] } {
  const used = plan.shards.filter((s) => s.items.length > 0)
  const shards = used.length > 0 ? used : plan.shards.slice(0, 1)
  return { include: shards.map((s) => ({ shard: s.index, shards: plan.shards.length })) }
}

export function renderPlanJson(plan: Plan): string {
  return encodePlan(plan, 2)
}

function seconds(value: number): string {
  if (value >= 3600) return `${(value / 3600).toFixed(2)} h`
  if (value >= 120) return `${(value / 60).toFixed(1)} min`
  return `${value.toFixed(1)} s`
}

/** Shards with their predicted time, and how close the plan is to the best possible. */
export function renderPlanTable(plan: Plan): string {
  const lines: string[] = []
  const longest = plan.shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0)
  const width = 30
  lines.push('shard  items   predicted  load')
  for (const shard of plan.shards) {
    const bar =
      longest > 0 ? '█'.repeat(Math.round((shard.predictedSeconds / longest) * width)) : ''
    lines.push(
      `${String(shard.index).padStart(5)}  ${String(shard.items.length).padStart(5)}  ${seconds(shard.predictedSeconds).padStart(10)}  ${bar}`,
    )
  }
  const makespan = plan.predictedMakespanSeconds
  const model = plan.costModel
  const overBound = plan.lowerBoundSeconds > 0 ? makespan / plan.lowerBoundSeconds - 1 : 0
  const estimate = plan.timings.runs === 0 ? ' (estimates: no timing history yet)' : ''
  lines.push('')
  lines.push(
    `${plan.itemCount} items (${plan.granularity} granularity) in ${plan.shards.length} shards; the files cost ${seconds(plan.totalSeconds)} in all${estimate}`,
  )
  const terms = [
    ...(model.startupSeconds > 0 ? [`${seconds(model.startupSeconds)} start-up`] : []),
    ...(model.warmupSeconds > 0 ? [`${seconds(model.warmupSeconds)} warm-up`] : []),
    ...(model.workers !== 1 ? [`${model.workers.toFixed(1)} files at once`] : []),
  ]
  lines.push(
    `predicted longest shard ${seconds(makespan)}${terms.length > 0 ? `, each shard with ${terms.join(', ')}` : ''}; no split into ${plan.shards.length} shards can be shorter than ${seconds(plan.lowerBoundSeconds)} under this model (${(overBound * 100).toFixed(1)}% above it)`,
  )
  if (plan.fileLowerBoundSeconds > plan.lowerBoundSeconds + 1e-9) {
    lines.push(
      `splitting ${plan.splitFiles.length} large files into tests lowered the bound from ${seconds(plan.fileLowerBoundSeconds)}`,
    )
  }
  const estimated = Object.entries(plan.estimates)
    .filter(([, n]) => n > 0)
    .map(([basis, n]) => `${n} by ${basis}`)
  lines.push(
    `timings: ${plan.timings.runs} runs read; ${plan.timings.matchedItems} items timed${plan.timings.matchedBySuffix > 0 ? ` (${plan.timings.matchedBySuffix} files matched by path suffix)` : ''}, ${plan.unknownItems} estimated${estimated.length > 0 ? ` (${estimated.join(', ')})` : ''}, ${plan.timings.staleFiles} timed files not planned`,
  )
  for (const note of plan.notes) lines.push(`note: ${note}`)
  return lines.join('\n')
}

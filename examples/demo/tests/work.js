// Stands in for real work: waits about `ms` milliseconds, a little more or less each run,
// as real tests do. SHARDWISE_DEMO_SPEED=0.1 makes the whole suite ten times faster.
const speed = Number(process.env.SHARDWISE_DEMO_SPEED ?? '1')

export function work(ms) {
  const jitter = 0.9 + Math.random() * 0.2
  return new Promise((resolve) => setTimeout(() => resolve(ms), ms * speed * jitter))
}

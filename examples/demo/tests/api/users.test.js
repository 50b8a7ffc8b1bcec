import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('creates a user', async () => {
  assert.equal(await work(420), 420)
})

test('rejects a duplicate email', async () => {
  assert.equal(await work(180), 180)
})

test('lists users by page', async () => {
  assert.equal(await work(260), 260)
})

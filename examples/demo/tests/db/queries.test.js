import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('finds by id', async () => {
  assert.equal(await work(150), 150)
})

test('joins orders to users', async () => {
  assert.equal(await work(380), 380)
})

test('streams a large result', async () => {
  assert.equal(await work(900), 900)
})

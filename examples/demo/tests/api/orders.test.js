import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('places an order', async () => {
  assert.equal(await work(650), 650)
})

test('cancels an order', async () => {
  assert.equal(await work(300), 300)
})

test('refunds a paid order', async () => {
  assert.equal(await work(520), 520)
})

test('totals a cart with discounts', async () => {
  assert.equal(await work(140), 140)
})

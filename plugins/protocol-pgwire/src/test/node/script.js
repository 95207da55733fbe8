// node-postgres (pg) against a PhantomDB pgwire server on 127.0.0.1:$PGPORT, user postgres.
// Run by NodePostgresTest, which starts the server and checks the exit code and the output.
// Every check that fails throws; the script prints one line per step and "ok" at the end.
'use strict';

const assert = require('node:assert/strict');
const pg = require('pg');

const config = {
  host: '127.0.0.1',
  port: Number(process.env.PGPORT),
  user: 'postgres',
  database: 'postgres',
};

async function plainQueries() {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query('CREATE TABLE node_t (id INTEGER PRIMARY KEY, name TEXT, big BIGINT, price NUMERIC(10,2),'
      + ' flag BOOLEAN, created TIMESTAMPTZ)');
    const ins = await client.query("INSERT INTO node_t VALUES (1, 'one', 9000000000, 12.50, true,"
      + " TIMESTAMPTZ '2026-01-02 03:04:05+00'), (2, NULL, NULL, NULL, NULL, NULL)");
    assert.equal(ins.command, 'INSERT');
    assert.equal(ins.rowCount, 2);
    const sel = await client.query('SELECT 1 + 1 AS two');
    assert.deepEqual(sel.rows, [{ two: 2 }]);
    console.log('plain queries ok');

    // Parameters $1, $2 (extended protocol: parse, bind, execute).
    const p = await client.query('SELECT id, name, big, price, flag, created FROM node_t WHERE id = $1 OR name = $2'
      + ' ORDER BY id', [2, 'one']);
    assert.equal(p.rows.length, 2);
    const [r1, r2] = p.rows;
    assert.equal(r1.id, 1); // int4 -> number
    assert.equal(r1.name, 'one'); // text -> string
    assert.equal(r1.big, '9000000000'); // int8 -> string (pg's default, no precision loss)
    assert.equal(r1.price, '12.50'); // numeric -> string, scale kept
    assert.equal(r1.flag, true); // bool -> boolean
    assert.ok(r1.created instanceof Date, 'timestamptz -> Date');
    assert.equal(r1.created.toISOString(), '2026-01-02T03:04:05.000Z');
    assert.deepEqual([r2.id, r2.name, r2.big, r2.price, r2.flag, r2.created], [2, null, null, null, null, null]);
    const oids = p.fields.map((f) => f.dataTypeID);
    assert.deepEqual(oids, [23, 25, 20, 1700, 16, 1184]);
    console.log('parameters and types ok');

    // A NULL parameter and a typed parameter round trip.
    const n = await client.query('SELECT $1::int AS a, $2::text AS b, $3::numeric AS c, $4::boolean AS d',
      [null, 'x', '3.25', false]);
    assert.deepEqual(n.rows, [{ a: null, b: 'x', c: '3.25', d: false }]);
    console.log('null parameter ok');

    // A named prepared statement reused.
    for (const id of [1, 2]) {
      const q = await client.query({ name: 'by_id', text: 'SELECT id FROM node_t WHERE id = $1', values: [id] });
      assert.deepEqual(q.rows, [{ id }]);
    }
    console.log('prepared statement ok');
  } finally {
    await client.end();
  }
}

async function errors() {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await assert.rejects(client.query('SELECT 1/0'), (e) => e.code === '22012' && /division by zero/.test(e.message));
    await assert.rejects(client.query("INSERT INTO node_t VALUES (1, 'dup', 0, 0, false, NULL)"),
      (e) => e.code === '23505');
    await assert.rejects(client.query('SELECT * FROM no_such_table'), (e) => e.code === '42P01');
    await assert.rejects(client.query('SELECT $1::int', ['abc']), (e) => e.code === '22P02');
    // The connection is still usable after each error.
    const ok = await client.query('SELECT 42 AS v');
    assert.deepEqual(ok.rows, [{ v: 42 }]);
    console.log('errors ok');
  } finally {
    await client.end();
  }
}

async function transaction() {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query('CREATE TABLE node_acc (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)');
    await client.query('INSERT INTO node_acc VALUES (1, 100), (2, 0)');
    await client.query('BEGIN');
    await client.query('UPDATE node_acc SET balance = balance - $1 WHERE id = 1', [30]);
    await client.query('UPDATE node_acc SET balance = balance + $1 WHERE id = 2', [30]);
    await client.query('COMMIT');
    await client.query('BEGIN');
    await client.query('UPDATE node_acc SET balance = 0');
    await assert.rejects(client.query('SELECT 1/0'), (e) => e.code === '22012');
    // In a failed block every statement fails with 25P02 until ROLLBACK.
    await assert.rejects(client.query('SELECT 1'), (e) => e.code === '25P02');
    await client.query('ROLLBACK');
    const r = await client.query('SELECT id, balance FROM node_acc ORDER BY id');
    assert.deepEqual(r.rows, [{ id: 1, balance: '70' }, { id: 2, balance: '30' }]);
    console.log('transaction ok');
  } finally {
    await client.end();
  }
}

async function pool() {
  const clients = 8;
  const perClient = 25;
  const p = new pg.Pool({ ...config, max: clients });
  try {
    await p.query('CREATE TABLE node_pool (id INTEGER PRIMARY KEY, worker INTEGER NOT NULL)');
    await Promise.all(Array.from({ length: clients }, async (_, w) => {
      const c = await p.connect();
      try {
        for (let i = 0; i < perClient; i++) {
          await c.query('INSERT INTO node_pool VALUES ($1, $2)', [w * perClient + i, w]);
        }
      } finally {
        c.release();
      }
    }));
    // Many concurrent one-shot queries through the pool.
    const sums = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      p.query('SELECT count(*) AS n, sum(id) AS s FROM node_pool WHERE worker = $1', [i % clients])));
    for (const [i, r] of sums.entries()) {
      const w = i % clients;
      const expected = Array.from({ length: perClient }, (_, k) => w * perClient + k).reduce((a, b) => a + b, 0);
      assert.deepEqual(r.rows, [{ n: String(perClient), s: String(expected) }]);
    }
    const total = await p.query('SELECT count(*)::int AS n FROM node_pool');
    assert.deepEqual(total.rows, [{ n: clients * perClient }]);
    console.log(`pool ok: ${clients} clients, ${total.rows[0].n} rows`);
  } finally {
    await p.end();
  }
}

async function main() {
  await plainQueries();
  await errors();
  await transaction();
  await pool();
  console.log('ok');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

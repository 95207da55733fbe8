/**
 * The row lock manager of transactions: {@link io.phantomdb.kernel.txn.lock.LockManager} grants
 * PostgreSQL's four row-lock modes ({@link io.phantomdb.kernel.txn.lock.RowLockMode}) on encoded
 * rows ({@link io.phantomdb.kernel.txn.lock.LockKey}) to transactions named by a {@code long} id,
 * queues waiters fairly, honours {@code NOWAIT}, {@code SKIP LOCKED}, {@code lock_timeout} and
 * cancellation ({@link io.phantomdb.kernel.txn.lock.WaitPolicy}), finds deadlocks in the wait-for
 * graph after {@code deadlock_timeout}, and lists held and awaited locks for {@code pg_locks}.
 *
 * <p>Typical use by the SQL engine: for each row a writer or a locking SELECT touches, {@code
 * acquire(txn, key, mode, policy, () -> tableName)}; on commit or abort, {@code releaseAll(txn)};
 * on a statement cancel, {@code cancel(txn)}. Errors are {@link io.phantomdb.kernel.sql.SqlException}s
 * with PostgreSQL's SQLSTATEs (55P03, 57014, 40P01).
 */
package io.phantomdb.kernel.txn.lock;

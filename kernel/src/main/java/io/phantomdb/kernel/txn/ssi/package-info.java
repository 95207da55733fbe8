/**
 * Serializable snapshot isolation for SERIALIZABLE transactions, as PostgreSQL has it: {@link
 * io.phantomdb.kernel.txn.ssi.SsiRegistry} keeps the read sets (ranges of versioned keys, recorded
 * by {@link io.phantomdb.kernel.txn.ssi.SsiReader}) and write sets (logical keys) of the active
 * serializable transactions and of the committed ones they overlap, finds rw-antidependencies as
 * reads and writes happen, and fails one transaction of every dangerous structure {@code T_in →rw
 * T_pivot →rw T_out} whose {@code T_out} committed first (40001, PostgreSQL's reason codes).
 * READ COMMITTED and REPEATABLE READ transactions never reach it.
 */
package io.phantomdb.kernel.txn.ssi;

/**
 * Tables on the storage engine: row versions and index entries in the keyspace {@code sql_data}
 * under the layout of {@code docs/architecture.md}, read at a timestamp ({@link
 * io.phantomdb.kernel.sql.store.TableReader}, {@link io.phantomdb.kernel.sql.store.RangeCursor}) and
 * written as versions in a statement's batch
 * ({@link io.phantomdb.kernel.sql.store.TableWriter}).
 */
package io.phantomdb.kernel.sql.store;

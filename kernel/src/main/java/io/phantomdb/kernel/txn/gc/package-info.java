/**
 * MVCC version garbage collection: {@link io.phantomdb.kernel.txn.gc.VersionGc} runs passes (in
 * the background every {@code txn.gc.interval}, or on demand for {@code VACUUM}) that delete the
 * versions of rows and index entries no reader can see any more: those older than the newest
 * version at or below the horizon, min(oldest registered read timestamp ({@link
 * io.phantomdb.kernel.txn.ActiveSnapshots}), latest commit, now − {@code txn.gc.retention}).
 */
package io.phantomdb.kernel.txn.gc;

package io.phantomdb.plugin.btree;

/** Something an engine or snapshot must close before it closes itself: a cursor or snapshot. */
interface OwnedResource {

  /** Closes; idempotent, never throws, safe to call from any thread. */
  void close();
}

package io.phantomdb.plugin.lsm;

/**
 * A native resource handed out by an {@link LsmStorageEngine} (a cursor or a snapshot), tracked
 * so that closing the engine can free what its users left open.
 */
interface LsmResource {

  /**
   * Frees the native objects, once (later calls do nothing). Called by the resource's own close
   * inside the engine's guard, or by the engine's close after every call has left the guard.
   */
  void release();
}

package io.phantomdb.kernel.txn.gc;

/**
 * What one version garbage collection pass did.
 *
 * @param horizon the timestamp it collected below: for each key, the newest version at or below
 *     it was kept (unless a tombstone with nothing newer) and older ones deleted
 * @param keysScanned logical keys (rows and index entries) looked at
 * @param versionsScanned stored versions looked at
 * @param versionsRemoved versions deleted, tombstones included
 * @param tombstonesRemoved of those, tombstones that were the last version of their key
 * @param complete false if the pass stopped early (the engine closing)
 */
public record GcPassResult(long horizon, long keysScanned, long versionsScanned, long versionsRemoved,
    long tombstonesRemoved, boolean complete) {}

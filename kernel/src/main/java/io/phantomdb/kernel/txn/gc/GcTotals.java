package io.phantomdb.kernel.txn.gc;

/**
 * What version garbage collection has done since the engine opened.
 *
 * @param passes passes run (background and on demand)
 * @param keysScanned logical keys looked at, over all passes
 * @param versionsScanned stored versions looked at, over all passes
 * @param versionsRemoved versions deleted, over all passes
 * @param lastHorizon the horizon of the latest pass, or -1 before the first
 */
public record GcTotals(long passes, long keysScanned, long versionsScanned, long versionsRemoved, long lastHorizon) {}

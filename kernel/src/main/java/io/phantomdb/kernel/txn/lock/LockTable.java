package io.phantomdb.kernel.txn.lock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keys' {@link LockEntry}s, split into stripes by key hash, each stripe with its own lock: two
 * transactions locking unrelated keys rarely touch the same monitor. An entry exists only while
 * somebody holds or waits for its key.
 *
 * <p>Lock order: code holds one stripe lock at a time, except {@link #lockAll()} (deadlock
 * detection, snapshots), which takes all of them in index order.
 */
final class LockTable {
  /** One stripe: its lock and the entries of its keys, guarded by that lock. */
  static final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    private final Map<LockKey, LockEntry> entries = new HashMap<>();

    /** @return the key's entry, created if absent */
    LockEntry entry(LockKey key) {
      LockEntry e = entries.get(key);
      if (e == null) {
        e = new LockEntry(key);
        entries.put(key, e);
      }
      return e;
    }

    /** @return the key's entry, or null */
    LockEntry existing(LockKey key) {
      return entries.get(key);
    }

    /** Drops the entry if nobody holds or waits for its key any more. */
    void removeIfUnused(LockEntry e) {
      if (e.isUnused()) {
        entries.remove(e.key);
      }
    }
  }

  private final Stripe[] stripes;

  /** @param stripeCount a power of two */
  LockTable(int stripeCount) {
    if (stripeCount <= 0 || Integer.bitCount(stripeCount) != 1) {
      throw new IllegalArgumentException("stripe count must be a power of two: " + stripeCount);
    }
    stripes = new Stripe[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** @return the stripe the key belongs to */
  Stripe stripe(LockKey key) {
    int h = key.hashCode();
    return stripes[(h ^ (h >>> 16)) & (stripes.length - 1)];
  }

  /** Takes every stripe lock, in index order. */
  void lockAll() {
    for (Stripe s : stripes) {
      s.lock.lock();
    }
  }

  /** Releases what {@link #lockAll()} took. */
  void unlockAll() {
    for (int i = stripes.length - 1; i >= 0; i--) {
      stripes[i].lock.unlock();
    }
  }

  /** Adds every held and awaited lock to out. Call under {@link #lockAll()}. */
  void describe(List<LockInfo> out) {
    for (Stripe s : stripes) {
      for (LockEntry e : s.entries.values()) {
        e.describe(out);
      }
    }
  }
}

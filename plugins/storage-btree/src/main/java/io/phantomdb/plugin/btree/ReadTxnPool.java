package io.phantomdb.plugin.btree;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * Reuses LMDB read transactions: {@code mdb_txn_reset} / {@code mdb_txn_renew} instead of a new
 * transaction per get, which would allocate native memory and search the reader table each time.
 * A reset transaction keeps its reader slot (that is {@code MDB_NOTLS}), so the pool is small
 * next to {@code max-readers} and is emptied when the slots run out.
 *
 * <p>Thread-safe. Every call must be made inside a {@link TxnGate} stamp.
 */
final class ReadTxnPool {
  private final Env<ByteBuffer> env;
  private final int capacity;
  private final ConcurrentLinkedDeque<Txn<ByteBuffer>> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  /**
   * @param env the environment
   * @param maxReaders the environment's reader slots; the pool keeps at most an eighth of them
   */
  ReadTxnPool(Env<ByteBuffer> env, int maxReaders) {
    this.env = env;
    this.capacity = Math.min(32, maxReaders / 8);
  }

  /**
   * A read transaction on the latest committed state, owned by the caller until {@link
   * #release(Txn)}.
   *
   * @throws LmdbException if LMDB cannot begin one (for example, reader slots are exhausted)
   */
  Txn<ByteBuffer> acquire() {
    Txn<ByteBuffer> txn;
    while ((txn = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      try {
        txn.renew();
        return txn;
      } catch (LmdbException e) {
        discard(txn);
      }
    }
    try {
      return env.txnRead();
    } catch (Env.ReadersFullException e) {
      if (drain() == 0) {
        throw e;
      }
      return env.txnRead();
    }
  }

  /** Takes back a transaction from {@link #acquire()}; it must not be used afterwards. */
  void release(Txn<ByteBuffer> txn) {
    if (idleCount.incrementAndGet() <= capacity) {
      try {
        txn.reset();
        idle.addFirst(txn);
        return;
      } catch (LmdbException e) {
        // fall through: not reusable
      }
    }
    idleCount.decrementAndGet();
    try {
      txn.close();
    } catch (LmdbException ignored) {
      // the environment is going away; its close frees the slot
    }
  }

  /**
   * Closes every idle transaction, freeing their reader slots.
   *
   * @return how many were closed
   */
  int drain() {
    int n = 0;
    Txn<ByteBuffer> txn;
    while ((txn = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      discard(txn);
      n++;
    }
    return n;
  }

  private static void discard(Txn<ByteBuffer> txn) {
    try {
      // a reset transaction is only freed by abort, which lmdbjava's close skips unless renewed
      txn.renew();
    } catch (LmdbException ignored) {
      // closed below either way
    }
    try {
      txn.close();
    } catch (LmdbException ignored) {
      // nothing more to free
    }
  }
}

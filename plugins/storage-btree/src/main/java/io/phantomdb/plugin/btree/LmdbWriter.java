package io.phantomdb.plugin.btree;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * Runs write transactions, one at a time: a body in a fresh write transaction, commit, an {@code
 * fsync} if asked, and on {@code MDB_MAP_FULL} abort, grow the map and run the body again.
 *
 * <p>LMDB serializes writers itself; the lock here also serializes growth and keyspace changes
 * with writes, and must be held from begin to commit on one thread (LMDB's writer mutex belongs to
 * the thread that took it).
 */
final class LmdbWriter {
  private final Env<ByteBuffer> env;
  private final TxnGate gate;
  private final MapGrowth growth;
  private final LmdbErrors errors;
  private final ReentrantLock lock = new ReentrantLock();

  LmdbWriter(Env<ByteBuffer> env, TxnGate gate, MapGrowth growth, LmdbErrors errors) {
    this.env = env;
    this.gate = gate;
    this.growth = growth;
    this.errors = errors;
  }

  /**
   * Applies {@code body} in a write transaction and commits; nothing is applied if it throws.
   *
   * @param action names the operation in error messages
   * @param body the changes; may run more than once (after the map grew), so it must not have
   *     effects outside the transaction that a second run would repeat
   * @param sync whether to flush to stable storage before returning
   * @return what {@code body} returned
   */
  <R> R run(String action, Function<Txn<ByteBuffer>, R> body, boolean sync) {
    lock.lock();
    try {
      while (true) {
        Env.MapFullException full = null;
        boolean nearlyFull = false;
        R result = null;
        long stamp = gate.enter();
        try {
          try (Txn<ByteBuffer> txn = env.txnWrite()) {
            result = body.apply(txn);
            txn.commit();
          }
          if (sync) {
            env.sync(true);
          }
          nearlyFull = growth.nearlyFull();
        } catch (Env.MapFullException e) {
          full = e;
        } catch (LmdbException e) {
          throw errors.map(e, action);
        } finally {
          gate.exit(stamp);
        }
        if (full != null) {
          try {
            growth.growAfterMapFull(full);
          } catch (LmdbException e) {
            throw errors.map(e, action);
          }
          continue;
        }
        if (nearlyFull) {
          growth.growIfIdle();
        }
        return result;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Flushes every committed write to stable storage. */
  void sync() {
    long stamp = gate.enter();
    try {
      env.sync(true);
    } catch (LmdbException e) {
      throw errors.map(e, "sync");
    } finally {
      gate.exit(stamp);
    }
  }
}

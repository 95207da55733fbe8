package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;

/**
 * Checks a {@link WriteBatch} and applies it in an LMDB write transaction.
 *
 * <p>{@link #check} runs before anything is applied, so a batch with one bad operation changes
 * nothing. A range delete walks an LMDB cursor from the start key and deletes until the end key;
 * its bounds may be longer than {@code maxKeyLength} (no stored key is).
 */
final class BatchApplier {
  private final KeyCodec codec;
  private final int maxValueLength;
  private final Function<Keyspace, BtreeKeyspace> resolver;

  /**
   * @param resolver turns a handle into this engine's keyspace, throwing {@link
   *     IllegalArgumentException} for a foreign one
   */
  BatchApplier(KeyCodec codec, int maxValueLength, Function<Keyspace, BtreeKeyspace> resolver) {
    this.codec = codec;
    this.maxValueLength = maxValueLength;
    this.resolver = resolver;
  }

  /**
   * Checks every operation: handles of this engine, keys and values within the limits.
   *
   * @throws IllegalArgumentException for a foreign handle or an oversized key or value
   */
  void checkShape(WriteBatch batch) {
    batch.forEach(
        new WriteBatch.Visitor() {
          @Override
          public void put(Keyspace keyspace, byte[] key, byte[] value) {
            resolver.apply(keyspace);
            checkKey(key);
            if (value.length > maxValueLength) {
              throw new IllegalArgumentException(
                  "value of " + value.length + " bytes is longer than the btree engine's limit of "
                      + maxValueLength);
            }
          }

          @Override
          public void delete(Keyspace keyspace, byte[] key) {
            resolver.apply(keyspace);
            checkKey(key);
          }

          @Override
          public void deleteRange(Keyspace keyspace, byte[] from, byte[] to) {
            resolver.apply(keyspace);
          }
        });
  }

  /**
   * Checks that no keyspace of the batch is dropped; call under the writer lock.
   *
   * @throws io.phantomdb.spi.storage.UnknownKeyspaceException if one is
   */
  void checkLive(WriteBatch batch) {
    batch.forEach(
        new WriteBatch.Visitor() {
          @Override
          public void put(Keyspace keyspace, byte[] key, byte[] value) {
            resolver.apply(keyspace).checkLive();
          }

          @Override
          public void delete(Keyspace keyspace, byte[] key) {
            resolver.apply(keyspace).checkLive();
          }

          @Override
          public void deleteRange(Keyspace keyspace, byte[] from, byte[] to) {
            resolver.apply(keyspace).checkLive();
          }
        });
  }

  /** Applies a checked batch in {@code txn}. */
  void apply(Txn<ByteBuffer> txn, WriteBatch batch) {
    batch.forEach(
        new WriteBatch.Visitor() {
          @Override
          public void put(Keyspace keyspace, byte[] key, byte[] value) {
            ByteBuffer slot =
                resolver.apply(keyspace).dbi().reserve(txn, codec.encode(key), value.length);
            slot.put(value);
          }

          @Override
          public void delete(Keyspace keyspace, byte[] key) {
            resolver.apply(keyspace).dbi().delete(txn, codec.encode(key));
          }

          @Override
          public void deleteRange(Keyspace keyspace, byte[] from, byte[] to) {
            BatchApplier.this.deleteRange(txn, resolver.apply(keyspace), from, to);
          }
        });
  }

  private void deleteRange(Txn<ByteBuffer> txn, BtreeKeyspace keyspace, byte[] from, byte[] to) {
    if (KeyRange.compareKeys(to, from) <= 0) {
      return;
    }
    try (Cursor<ByteBuffer> cursor = keyspace.dbi().openCursor(txn)) {
      boolean found = cursor.get(codec.encodeBound(from), GetOp.MDB_SET_RANGE);
      while (found) {
        byte[] key = KeyCodec.decodeKey(cursor.key());
        if (KeyRange.compareKeys(key, from) < 0) {
          found = cursor.next();
          continue;
        }
        if (KeyRange.compareKeys(key, to) >= 0) {
          break;
        }
        cursor.delete();
        // after a delete LMDB leaves the cursor on the following entry; next() returns it
        found = cursor.next();
      }
    }
  }

  private void checkKey(byte[] key) {
    if (key.length > codec.maxKeyLength()) {
      throw new IllegalArgumentException(
          "key of " + key.length + " bytes is longer than the btree engine's limit of "
              + codec.maxKeyLength());
    }
  }
}

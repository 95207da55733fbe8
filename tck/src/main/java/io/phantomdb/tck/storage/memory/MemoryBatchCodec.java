package io.phantomdb.tck.storage.memory;

import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/** Validates write batches and turns them (and keyspace dumps) into log payloads. */
final class MemoryBatchCodec {
  private MemoryBatchCodec() {}

  /**
   * Checks every operation (keyspace ownership, key and value lengths) before anything is applied,
   * then encodes the batch.
   */
  static byte[] encode(
      WriteBatch batch, Function<Keyspace, MemoryKeyspace> own, int maxKey, int maxValue) {
    MemoryLog.Encoder enc = new MemoryLog.Encoder();
    enc.write(MemoryLog.BATCH);
    enc.writeInt(batch.size());
    batch.forEach(
        new WriteBatch.Visitor() {
          @Override
          public void put(Keyspace ks, byte[] key, byte[] value) {
            op(MemoryLog.OP_PUT, ks, key);
            checkLength("value", value.length, maxValue);
            enc.bytes(value);
          }

          @Override
          public void delete(Keyspace ks, byte[] key) {
            op(MemoryLog.OP_DELETE, ks, key);
          }

          @Override
          public void deleteRange(Keyspace ks, byte[] from, byte[] to) {
            op(MemoryLog.OP_DELETE_RANGE, ks, from);
            enc.bytes(to);
          }

          private void op(byte type, Keyspace ks, byte[] key) {
            own.apply(ks);
            checkLength("key", key.length, maxKey);
            enc.write(type);
            enc.string(ks.name());
            enc.bytes(key);
          }
        });
    return enc.bytes();
  }

  private static void checkLength(String what, int length, int max) {
    if (length > max) {
      throw new IllegalArgumentException(
          what + " of " + length + " bytes is longer than the engine's limit of " + max);
    }
  }

  /** Under the write lock: fails if a keyspace of the batch was dropped meanwhile. */
  static void checkNotDropped(WriteBatch batch) {
    batch.forEach(
        new WriteBatch.Visitor() {
          @Override
          public void put(Keyspace ks, byte[] key, byte[] value) {
            check(ks);
          }

          @Override
          public void delete(Keyspace ks, byte[] key) {
            check(ks);
          }

          @Override
          public void deleteRange(Keyspace ks, byte[] from, byte[] to) {
            check(ks);
          }

          private void check(Keyspace ks) {
            if (((MemoryKeyspace) ks).dropped()) {
              throw new UnknownKeyspaceException("keyspace '" + ks.name() + "' has been dropped");
            }
          }
        });
  }

  /** One batch record putting every live entry of {@code ks} as of {@code seq}. */
  static byte[] dump(MemoryKeyspace ks, long seq) {
    MemoryLog.Encoder enc = new MemoryLog.Encoder();
    int n = 0;
    MemoryLog.Encoder body = new MemoryLog.Encoder();
    for (var e : ks.view(KeyRange.all(), false).entrySet()) {
      byte[] v = MemoryKeyspace.visible(e.getValue(), seq);
      if (v != null) {
        body.write(MemoryLog.OP_PUT);
        body.string(ks.name());
        body.bytes(e.getKey());
        body.bytes(v);
        n++;
      }
    }
    enc.write(MemoryLog.BATCH);
    enc.writeInt(n);
    byte[] b = body.bytes();
    enc.buf.writeBytes(b);
    return enc.bytes();
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }
}

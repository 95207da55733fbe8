package io.phantomdb.kernel.sql;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A committed transaction as a replication-group command: its commit timestamp and its writes
 * (logical key → stored value) in the data keyspace. {@code commitTs | count | (keyLength | key |
 * valueLength | value)*}, big-endian. A command with no writes (timestamp 0) is a barrier: applying
 * it changes nothing, and waiting for it waits for every command submitted before.
 */
final class CommitCommand {
  /** One write. */
  record Write(byte[] key, byte[] value) {}

  /** A decoded command. */
  record Decoded(long commitTs, List<Write> writes) {}

  private CommitCommand() {}

  /** @return the barrier command */
  static byte[] barrier() {
    return ByteBuffer.allocate(12).putLong(0).putInt(0).array();
  }

  static byte[] encode(long commitTs, NavigableMap<byte[], byte[]> writes) {
    int size = 12;
    for (Map.Entry<byte[], byte[]> e : writes.entrySet()) {
      size += 8 + e.getKey().length + e.getValue().length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).putLong(commitTs).putInt(writes.size());
    for (Map.Entry<byte[], byte[]> e : writes.entrySet()) {
      b.putInt(e.getKey().length).put(e.getKey()).putInt(e.getValue().length).put(e.getValue());
    }
    return b.array();
  }

  static Decoded decode(byte[] command) {
    ByteBuffer b = ByteBuffer.wrap(command);
    long ts = b.getLong();
    int n = b.getInt();
    List<Write> writes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] k = new byte[b.getInt()];
      b.get(k);
      byte[] v = new byte[b.getInt()];
      b.get(v);
      writes.add(new Write(k, v));
    }
    return new Decoded(ts, writes);
  }
}

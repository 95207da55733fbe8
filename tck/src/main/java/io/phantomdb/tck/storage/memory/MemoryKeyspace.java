package io.phantomdb.tck.storage.memory;

import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One keyspace of the memory engine: a skip list of keys, each with its versions newest first.
 * A version carries the sequence number of the batch that wrote it; a reader at sequence {@code
 * s} sees, per key, the newest version with a sequence number {@code <= s}. Only the engine's
 * single writer adds versions; readers never lock.
 */
final class MemoryKeyspace implements Keyspace {

  /** One version of a key; {@code value == null} is a deletion. */
  record Version(long seq, byte[] value, Version older) {}

  private final String name;
  private final MemoryStorageEngine owner;
  private final ConcurrentSkipListMap<byte[], Version> entries =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  private volatile boolean dropped;

  MemoryKeyspace(String name, MemoryStorageEngine owner) {
    this.name = name;
    this.owner = owner;
  }

  @Override
  public String name() {
    return name;
  }

  MemoryStorageEngine owner() {
    return owner;
  }

  boolean dropped() {
    return dropped;
  }

  void markDropped() {
    dropped = true;
  }

  /** Writer only: records a new version. */
  void write(long seq, byte[] key, byte[] valueOrNull) {
    entries.put(key, new Version(seq, valueOrNull, entries.get(key)));
  }

  /** Writer only: deletes every live key in {@code [from, to)}. */
  void deleteRange(long seq, long readSeq, byte[] from, byte[] to) {
    if (Arrays.compareUnsigned(from, to) >= 0) {
      return;
    }
    for (var e : entries.subMap(from, true, to, false).entrySet()) {
      if (visible(e.getValue(), readSeq) != null) {
        write(seq, e.getKey(), null);
      }
    }
  }

  /** The value of {@code key} as of {@code seq}, or null. */
  byte[] get(byte[] key, long seq) {
    return visible(entries.get(key), seq);
  }

  static byte[] visible(Version v, long seq) {
    while (v != null && v.seq() > seq) {
      v = v.older();
    }
    return v == null ? null : v.value();
  }

  /** The keys of {@code range}, ascending or descending. */
  NavigableMap<byte[], Version> view(KeyRange range, boolean reverse) {
    NavigableMap<byte[], Version> m = entries;
    if (range.lower() != null && range.upper() != null) {
      m = m.subMap(range.lower(), range.lowerInclusive(), range.upper(), range.upperInclusive());
    } else if (range.lower() != null) {
      m = m.tailMap(range.lower(), range.lowerInclusive());
    } else if (range.upper() != null) {
      m = m.headMap(range.upper(), range.upperInclusive());
    }
    return reverse ? m.descendingMap() : m;
  }

  /** Total bytes of live keys and values in {@code range} as of {@code seq}. */
  long size(KeyRange range, long seq) {
    if (range.isEmpty()) {
      return 0;
    }
    long total = 0;
    for (var e : view(range, false).entrySet()) {
      byte[] v = visible(e.getValue(), seq);
      if (v != null) {
        total += e.getKey().length + v.length;
      }
    }
    return total;
  }

  long count(long seq) {
    long n = 0;
    for (Version v : entries.values()) {
      if (visible(v, seq) != null) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "memory keyspace " + name;
  }
}

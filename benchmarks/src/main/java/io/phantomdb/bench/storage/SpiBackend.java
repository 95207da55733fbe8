package io.phantomdb.bench.storage;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SPI side: the engine found by name through {@code META-INF/services}, as the kernel finds
 * it, opened with the options the raw side mirrors, one keyspace, and called as the kernel would.
 */
final class SpiBackend implements StorageBackend {
  static final String KEYSPACE = "bench";

  private final StorageEngine engine;
  private final Keyspace keyspace;

  /**
   * @param options engine options, as in {@code phantomdb.conf} without the {@code
   *     storage.<name>.} prefix: pinned to the settings the raw side uses, so that a change of a
   *     plugin default cannot silently make the comparison unfair
   */
  SpiBackend(String engineName, Path directory, Map<String, String> options) {
    engine = factory(engineName).open(new StorageContext(directory, options));
    keyspace = engine.createKeyspace(KEYSPACE);
  }

  static StorageEngineFactory factory(String name) {
    for (StorageEngineFactory f : ServiceLoader.load(StorageEngineFactory.class)) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no storage engine named '" + name + "' on the class path");
  }

  @Override
  public byte[] get(byte[] key) {
    return engine.get(keyspace, key);
  }

  @Override
  public void putBatch(byte[][] keys, byte[][] values, int n) {
    WriteBatch batch = new WriteBatch(n);
    for (int i = 0; i < n; i++) {
      batch.put(keyspace, keys[i], values[i]);
    }
    engine.write(batch, Durability.NO_SYNC);
  }

  @Override
  public void putSync(byte[] key, byte[] value) {
    engine.write(new WriteBatch(1).put(keyspace, key, value), Durability.SYNC);
  }

  @Override
  public int scan(byte[] from, byte[] to, Blackhole sink) {
    int n = 0;
    try (Cursor cursor = engine.scan(keyspace, KeyRange.closedOpen(from, to), ScanOrder.FORWARD)) {
      while (cursor.next()) {
        sink.consume(cursor.key());
        sink.consume(cursor.value());
        n++;
      }
    }
    return n;
  }

  @Override
  public void sync() {
    engine.write(new WriteBatch(0), Durability.SYNC);
  }

  @Override
  public void close() {
    engine.close();
  }
}

package io.phantomdb.tck.storage;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every storage suite shares: the one hook {@link #createEngine(Path)}, an engine opened on a
 * fresh directory before each test and closed after it, and small helpers.
 */
public abstract class StorageTestSupport {

  /** A fresh directory per test, removed afterwards. */
  @TempDir protected Path tempDir;

  /** The engine under test, open during each test. */
  protected StorageEngine engine;

  /** The directory {@link #engine} lives in. */
  protected Path engineDir;

  /**
   * The one hook: opens the engine under test on {@code directory} with the settings the suite
   * should run with. Called again with the same directory to reopen a closed engine, and with
   * other directories to open checkpoints.
   *
   * @param directory the engine's data directory; may not exist yet
   * @return an open engine
   */
  protected abstract StorageEngine createEngine(Path directory);

  @BeforeEach
  void openEngine() {
    engineDir = tempDir.resolve("engine");
    engine = createEngine(engineDir);
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * Closes the engine and opens it again on the same directory.
   *
   * @return the reopened engine (also in {@link #engine})
   */
  protected StorageEngine reopen() {
    engine.close();
    engine = null;
    engine = createEngine(engineDir);
    return engine;
  }

  /** @return the UTF-8 bytes of {@code s} */
  protected static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** @return a key made of the given unsigned byte values */
  protected static byte[] k(int... unsignedBytes) {
    byte[] out = new byte[unsignedBytes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) unsignedBytes[i];
    }
    return out;
  }

  /** @return {@code bytes} as lower-case hex, for readable assertions */
  protected static String hex(byte[] bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes);
  }

  /** Writes one key with {@link Durability#NO_SYNC}. */
  protected void put(Keyspace ks, byte[] key, byte[] value) {
    engine.write(new WriteBatch().put(ks, key, value), Durability.NO_SYNC);
  }

  /** Deletes one key. */
  protected void delete(Keyspace ks, byte[] key) {
    engine.write(new WriteBatch().delete(ks, key), Durability.NO_SYNC);
  }

  /** Reads a whole range into a list of (hex key, hex value) pairs, in scan order. */
  protected static List<Map.Entry<String, String>> scan(
      KeyValueReader reader, Keyspace ks, KeyRange range, ScanOrder order) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    try (Cursor c = reader.scan(ks, range, order)) {
      while (c.next()) {
        out.add(new SimpleEntry<>(hex(c.key()), hex(c.value())));
      }
    }
    return out;
  }

  /** The hex keys of a range, in scan order. */
  protected static List<String> keys(
      KeyValueReader reader, Keyspace ks, KeyRange range, ScanOrder order) {
    return scan(reader, ks, range, order).stream().map(Map.Entry::getKey).toList();
  }
}

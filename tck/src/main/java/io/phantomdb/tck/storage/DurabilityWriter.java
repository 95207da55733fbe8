package io.phantomdb.tck.storage;

import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The child process of {@link AbstractStorageDurabilityIT}: opens the engine through the test
 * class's own {@code createEngine} hook, then writes numbered batches until it is killed, printing
 * {@code ACK n} after each {@link Durability#SYNC} batch {@code n} is acknowledged.
 *
 * <p>Batch {@code n} puts key {@code n} into keyspaces {@code a} and {@code b} and sets {@code
 * meta/last = n}, synced. Before every third batch an unsynced filler batch puts {@link
 * #FILLER_KEYS} keys with prefix {@code n} into keyspace {@code c}; the synced batch after it
 * makes it durable too.
 */
public final class DurabilityWriter {
  static final int FILLER_KEYS = 20;

  private DurabilityWriter() {}

  /**
   * Entry point.
   *
   * @param args the test class name and the data directory
   * @throws Exception on any failure (the parent then fails the test)
   */
  public static void main(String[] args) throws Exception {
    StorageEngine engine = open(args[0], Path.of(args[1]));
    Keyspace a = engine.createKeyspace("a");
    Keyspace b = engine.createKeyspace("b");
    Keyspace c = engine.createKeyspace("c");
    Keyspace meta = engine.createKeyspace("meta");
    byte[] last = engine.get(meta, META_LAST);
    long n = last == null ? 0 : ByteBuffer.wrap(last).getLong();
    System.out.println("READY " + n);
    System.out.flush();
    while (true) {
      n++;
      if (n % 3 == 0) {
        WriteBatch filler = new WriteBatch();
        for (int i = 0; i < FILLER_KEYS; i++) {
          filler.put(c, fillerKey(n, i), value(n));
        }
        engine.write(filler, Durability.NO_SYNC);
      }
      engine.write(
          new WriteBatch()
              .put(a, key(n), value(n))
              .put(b, key(n), value(n))
              .put(meta, META_LAST, key(n)),
          Durability.SYNC);
      System.out.println("ACK " + n);
      System.out.flush();
    }
  }

  static final byte[] META_LAST = {'l', 'a', 's', 't'};

  static byte[] key(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }

  static byte[] fillerKey(long n, int i) {
    return ByteBuffer.allocate(12).putLong(n).putInt(i).array();
  }

  static byte[] value(long n) {
    ByteBuffer v = ByteBuffer.allocate(128);
    while (v.hasRemaining()) {
      v.putLong(n);
    }
    return v.array();
  }

  /** Instantiates the test class and calls its {@code createEngine(Path)} hook. */
  static StorageEngine open(String testClass, Path dir) throws Exception {
    Class<?> type = Class.forName(testClass);
    Object test = type.getDeclaredConstructor().newInstance();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod("createEngine", Path.class);
        m.setAccessible(true);
        return (StorageEngine) m.invoke(test, dir);
      } catch (NoSuchMethodException e) {
        // look in the superclass
      }
    }
    throw new IllegalArgumentException(testClass + " has no createEngine(Path)");
  }
}

package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.StorageException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;

/**
 * Opens {@link BtreeStorageEngine}s: the {@code btree} engine, an LMDB B+tree in one
 * memory-mapped file. Listed in {@code META-INF/services}; stateless and thread-safe.
 *
 * <p>Options ({@code storage.btree.*}) are listed by {@link #supportedOptions()}. The JVM needs
 * {@code --add-opens java.base/java.nio=ALL-UNNAMED --add-exports
 * java.base/sun.nio.ch=ALL-UNNAMED} for lmdbjava's direct buffer access.
 */
public final class BtreeStorageEngineFactory implements StorageEngineFactory {

  /** The engine's configuration name. */
  public static final String NAME = "btree";

  /** Creates the factory (for {@link java.util.ServiceLoader}). */
  public BtreeStorageEngineFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "B+tree storage on LMDB: memory-mapped, copy-on-write, fast reads, one writer at a time";
  }

  @Override
  public Map<String, String> supportedOptions() {
    return BtreeOptions.descriptions();
  }

  @Override
  public StorageEngine open(StorageContext context) {
    Objects.requireNonNull(context, "context");
    BtreeOptions options = BtreeOptions.parse(context);
    Path dir = context.dataDirectory().toAbsolutePath().normalize();
    EnvironmentOpener.prepareDirectory(dir);
    DirectoryLock lock = DirectoryLock.acquire(dir);
    Env<ByteBuffer> env = null;
    try {
      env = EnvironmentOpener.open(dir, options, new LmdbErrors(dir.toString()));
      return new BtreeStorageEngine(dir, lock, env, options);
    } catch (RuntimeException | LinkageError e) {
      if (env != null) {
        try {
          env.close();
        } catch (RuntimeException ignored) {
          // reporting the first failure
        }
      }
      lock.close();
      if (e instanceof LinkageError) {
        throw new StorageException(
            "the btree engine cannot load LMDB ("
                + e
                + "); the JVM needs --add-opens java.base/java.nio=ALL-UNNAMED"
                + " --add-exports java.base/sun.nio.ch=ALL-UNNAMED and a supported platform",
            e);
      }
      if (e instanceof LmdbException l) {
        throw new LmdbErrors(dir.toString()).map(l, "open");
      }
      throw (RuntimeException) e;
    }
  }
}

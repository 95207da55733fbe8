package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import java.util.Objects;
import org.lmdbjava.LmdbException;

/**
 * What the engine's readers (the engine itself, snapshots, the size estimator) share: the handle
 * check, the key codec and error translation.
 */
final class EngineAccess {
  private final Object owner;
  private final KeyCodec codec;
  private final LmdbErrors errors;

  /**
   * @param owner the engine whose handles are accepted
   */
  EngineAccess(Object owner, KeyCodec codec, LmdbErrors errors) {
    this.owner = owner;
    this.codec = codec;
    this.errors = errors;
  }

  KeyCodec codec() {
    return codec;
  }

  LmdbErrors errors() {
    return errors;
  }

  /**
   * This engine's keyspace behind a handle.
   *
   * @throws NullPointerException if the handle is null
   * @throws IllegalArgumentException if it is another engine's
   */
  BtreeKeyspace resolve(Keyspace keyspace) {
    requireArgument(keyspace, "keyspace");
    if (keyspace instanceof BtreeKeyspace ks && ks.owner() == owner) {
      return ks;
    }
    throw new IllegalArgumentException(
        "keyspace '" + keyspace.name() + "' belongs to another storage engine");
  }

  /**
   * Translates a read failure; LMDB's EINVAL on a keyspace dropped meanwhile becomes {@link
   * UnknownKeyspaceException}.
   */
  StorageException mapRead(LmdbException e, BtreeKeyspace ks, String action) {
    if (ks.isDropped() && LmdbErrors.isInvalidArgument(e)) {
      return new UnknownKeyspaceException("keyspace '" + ks.name() + "' has been dropped");
    }
    return errors.map(e, action);
  }

  /**
   * @throws NullPointerException naming the argument if {@code value} is null (the SPI's rule)
   */
  static void requireArgument(Object value, String name) {
    Objects.requireNonNull(value, name);
  }
}

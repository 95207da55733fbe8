package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/**
 * The handle of one keyspace: an LMDB named database ({@link Dbi}) of one engine.
 *
 * <p>It remembers the LMDB transaction that created it, so a snapshot older than the keyspace
 * sees it empty, and whether it was dropped: LMDB reuses a dropped database's slot, so a dropped
 * handle is never handed to LMDB again, and reads through it fail with {@link
 * UnknownKeyspaceException}, also in snapshots taken before the drop.
 */
final class BtreeKeyspace implements Keyspace {
  private final Object owner;
  private final String name;
  private final long createdTxnId;
  private volatile Dbi<ByteBuffer> dbi;
  private volatile boolean dropped;

  /**
   * @param owner the engine that issued the handle
   * @param name the keyspace name
   * @param dbi its LMDB database
   * @param createdTxnId the id of the LMDB transaction that created it, 0 if it predates the open
   */
  BtreeKeyspace(Object owner, String name, Dbi<ByteBuffer> dbi, long createdTxnId) {
    this.owner = owner;
    this.name = name;
    this.dbi = dbi;
    this.createdTxnId = createdTxnId;
  }

  @Override
  public String name() {
    return name;
  }

  /** @return the name as LMDB stores it */
  byte[] nameBytes() {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /** @return the engine that issued this handle */
  Object owner() {
    return owner;
  }

  /** @return the LMDB database; never use it once {@link #isDropped()} */
  Dbi<ByteBuffer> dbi() {
    return dbi;
  }

  /** Points the handle at a reopened database (after a failed drop closed the old one). */
  void replaceDbi(Dbi<ByteBuffer> reopened) {
    this.dbi = reopened;
  }

  /** @return whether a snapshot reading transaction {@code snapshotTxnId} can see this keyspace */
  boolean visibleAt(long snapshotTxnId) {
    return createdTxnId <= snapshotTxnId;
  }

  boolean isDropped() {
    return dropped;
  }

  void setDropped(boolean dropped) {
    this.dropped = dropped;
  }

  /**
   * Throws unless the keyspace is live.
   *
   * @throws UnknownKeyspaceException if it was dropped
   */
  void checkLive() {
    if (dropped) {
      throw new UnknownKeyspaceException("keyspace '" + name + "' has been dropped");
    }
  }

  /**
   * Reads one key in {@code txn}.
   *
   * @return a copy of the value, or null
   */
  byte[] get(Txn<ByteBuffer> txn, KeyCodec codec, byte[] key) {
    if (key.length > codec.maxKeyLength()) {
      return null;
    }
    ByteBuffer value = dbi.get(txn, codec.encode(key));
    return value == null ? null : KeyCodec.copyValue(value);
  }

  @Override
  public String toString() {
    return "btree keyspace " + name + (dropped ? " (dropped)" : "");
  }
}

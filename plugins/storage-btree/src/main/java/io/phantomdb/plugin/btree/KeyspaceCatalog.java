package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/**
 * The keyspaces of one engine. LMDB keeps the names of its named databases in its main database,
 * so the catalog is LMDB's own: {@link #load} lists it at open, and creating or dropping a
 * keyspace is one synced write transaction.
 *
 * <p>Thread-safe; creation and dropping are serialized with each other and, through the {@link
 * LmdbWriter}, with writes.
 */
final class KeyspaceCatalog {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  private final Object owner;
  private final Env<ByteBuffer> env;
  private final LmdbWriter writer;
  private final Map<String, BtreeKeyspace> byName = new ConcurrentHashMap<>();

  KeyspaceCatalog(Object owner, Env<ByteBuffer> env, LmdbWriter writer) {
    this.owner = owner;
    this.env = env;
    this.writer = writer;
  }

  /**
   * Opens every keyspace of the store; called once, at open.
   *
   * @throws StorageException if the main database holds records that are not named databases
   *     (an LMDB store not written by PhantomDB)
   */
  void load() {
    writer.run(
        "open keyspaces",
        txn -> {
          byName.clear();
          Dbi<ByteBuffer> main = env.openDbi(txn, null, null, false);
          List<byte[]> names = new ArrayList<>();
          try (Cursor<ByteBuffer> c = main.openCursor(txn)) {
            for (boolean found = c.first(); found; found = c.next()) {
              names.add(KeyCodec.copyValue(c.key()));
            }
          }
          for (byte[] raw : names) {
            String name = new String(raw, StandardCharsets.UTF_8);
            Dbi<ByteBuffer> dbi;
            try {
              dbi = env.openDbi(txn, raw, null, false);
            } catch (Dbi.IncompatibleException e) {
              throw new StorageException(
                  "the LMDB store holds data that was not written by PhantomDB's btree engine", e);
            }
            byName.put(name, new BtreeKeyspace(owner, name, dbi, 0));
          }
          return null;
        },
        false);
  }

  /** Creates the keyspace or returns the existing one. */
  synchronized BtreeKeyspace create(String name) {
    EngineAccess.requireArgument(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "keyspace name '" + name + "' is not allowed: use 1 to 200 characters of [A-Za-z0-9_.-]");
    }
    BtreeKeyspace existing = byName.get(name);
    if (existing != null) {
      return existing;
    }
    BtreeKeyspace created =
        writer.run(
            "create keyspace '" + name + "'",
            txn -> {
              Dbi<ByteBuffer> dbi =
                  env.openDbi(
                      txn, name.getBytes(StandardCharsets.UTF_8), null, false, DbiFlags.MDB_CREATE);
              return new BtreeKeyspace(owner, name, dbi, txn.getId());
            },
            true);
    byName.put(name, created);
    return created;
  }

  /**
   * The live keyspace of that name.
   *
   * @throws UnknownKeyspaceException listing the keyspaces that exist
   */
  BtreeKeyspace get(String name) {
    EngineAccess.requireArgument(name, "name");
    BtreeKeyspace ks = byName.get(name);
    if (ks == null) {
      throw new UnknownKeyspaceException(
          "no keyspace '" + name + "'; existing keyspaces: " + names());
    }
    return ks;
  }

  /** @return the names in ascending order */
  List<String> names() {
    List<String> names = new ArrayList<>(byName.keySet());
    names.sort(null);
    return names;
  }

  /** @return the live keyspaces */
  List<BtreeKeyspace> all() {
    return new ArrayList<>(byName.values());
  }

  /**
   * Drops a keyspace and its keys; its handles become invalid.
   *
   * @throws UnknownKeyspaceException if it does not exist
   */
  synchronized void drop(String name) {
    BtreeKeyspace ks = get(name);
    byte[] raw = ks.nameBytes();
    try {
      writer.run(
          "drop keyspace '" + name + "'",
          txn -> {
            ks.setDropped(true);
            // by name: an earlier attempt that aborted has already closed the old handle
            Dbi<ByteBuffer> dbi = env.openDbi(txn, raw, null, false);
            dbi.drop(txn, true);
            return null;
          },
          true);
    } catch (RuntimeException e) {
      ks.setDropped(false);
      reopen(ks);
      throw e;
    }
    byName.remove(name);
  }

  /** After a failed drop (which may have closed the LMDB handle), opens the database again. */
  private void reopen(BtreeKeyspace ks) {
    try {
      Dbi<ByteBuffer> dbi =
          writer.run("reopen keyspace", txn -> reopenDbi(txn, ks.nameBytes()), false);
      if (dbi != null) {
        ks.replaceDbi(dbi);
      } else {
        byName.remove(ks.name(), ks);
        ks.setDropped(true);
      }
    } catch (RuntimeException ignored) {
      // the first failure is the one reported
    }
  }

  private Dbi<ByteBuffer> reopenDbi(Txn<ByteBuffer> txn, byte[] raw) {
    try {
      return env.openDbi(txn, raw, null, false);
    } catch (Dbi.KeyNotFoundException e) {
      return null;
    }
  }
}

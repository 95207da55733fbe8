package io.phantomdb.kernel.txn.ssi;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import java.util.Objects;

/**
 * The reader of a SERIALIZABLE transaction's statements: before each scan (or point read) of the
 * data keyspace it records the whole requested range in the transaction's read set ({@link
 * SsiRegistry#recordRead}), then reads through. Recording the range rather than the keys found
 * also covers the keys that are not there (predicate reads: an insert into the range conflicts);
 * a scan stopped early (LIMIT) only adds false positives. Other keyspaces pass through.
 *
 * <p>Thread-safe as far as its base is; a transaction runs one statement at a time.
 */
public final class SsiReader implements KeyValueReader {
  private final KeyValueReader base;
  private final Keyspace data;
  private final SsiRegistry registry;
  private final SerializableTransaction txn;

  /**
   * @param base what the statement reads (the committed data with the transaction's writes)
   * @param data the keyspace of rows and index entries
   * @param registry the engine's SSI registry
   * @param txn the reading transaction
   */
  public SsiReader(KeyValueReader base, Keyspace data, SsiRegistry registry, SerializableTransaction txn) {
    this.base = Objects.requireNonNull(base, "base");
    this.data = Objects.requireNonNull(data, "data");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.txn = Objects.requireNonNull(txn, "txn");
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    if (keyspace.equals(data)) {
      registry.recordRead(txn, KeyRange.closed(key, key));
    }
    return base.get(keyspace, key);
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    if (keyspace.equals(data)) {
      registry.recordRead(txn, range);
    }
    return base.scan(keyspace, range, order);
  }
}

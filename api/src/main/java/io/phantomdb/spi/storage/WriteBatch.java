package io.phantomdb.spi.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of puts and deletes over any keyspaces of one engine, applied atomically by
 * {@link StorageEngine#write(WriteBatch, Durability)}: readers see all of it or none of it, and
 * after a crash it is wholly present or wholly absent.
 *
 * <p>Operations apply in the order they were added: a later operation on a key wins over an
 * earlier one in the same batch.
 *
 * <p>The batch keeps the arrays it is given without copying them; callers must not modify a key
 * or value after adding it. A batch is a plain value built by one thread; it is not thread-safe.
 * It can be written more than once, and to any engine whose keyspaces it names.
 */
public final class WriteBatch {

  /** Kinds of operation in a batch. */
  public enum OpType {
    /** Sets {@code key} to {@code value}. */
    PUT,
    /** Removes {@code key}; a no-op if it is absent. */
    DELETE,
    /** Removes every key {@code k} with {@code key <= k < value} ({@code value} = end key). */
    DELETE_RANGE
  }

  /** Receives the operations of a batch, in order; see {@link #forEach(Visitor)}. */
  public interface Visitor {
    /**
     * A put.
     *
     * @param keyspace the keyspace
     * @param key the key
     * @param value the value
     */
    void put(Keyspace keyspace, byte[] key, byte[] value);

    /**
     * A delete of one key.
     *
     * @param keyspace the keyspace
     * @param key the key
     */
    void delete(Keyspace keyspace, byte[] key);

    /**
     * A delete of every key in {@code [from, to)}.
     *
     * @param keyspace the keyspace
     * @param from inclusive start
     * @param to exclusive end
     */
    void deleteRange(Keyspace keyspace, byte[] from, byte[] to);
  }

  private final List<Keyspace> keyspaces;
  private final List<OpType> types;
  private final List<byte[]> keys;
  private final List<byte[]> values;
  private long byteSize;

  /** An empty batch. */
  public WriteBatch() {
    this(8);
  }

  /**
   * An empty batch with room for {@code expectedOps} operations before it grows.
   *
   * @param expectedOps a sizing hint
   */
  public WriteBatch(int expectedOps) {
    keyspaces = new ArrayList<>(expectedOps);
    types = new ArrayList<>(expectedOps);
    keys = new ArrayList<>(expectedOps);
    values = new ArrayList<>(expectedOps);
  }

  /**
   * Adds a put.
   *
   * @param keyspace the keyspace
   * @param key the key, possibly empty
   * @param value the value, possibly empty
   * @return this batch
   * @throws NullPointerException if an argument is null
   */
  public WriteBatch put(Keyspace keyspace, byte[] key, byte[] value) {
    return add(keyspace, OpType.PUT, key, Objects.requireNonNull(value, "value"));
  }

  /**
   * Adds a delete of one key.
   *
   * @param keyspace the keyspace
   * @param key the key
   * @return this batch
   * @throws NullPointerException if an argument is null
   */
  public WriteBatch delete(Keyspace keyspace, byte[] key) {
    return add(keyspace, OpType.DELETE, key, null);
  }

  /**
   * Adds a delete of every key {@code k} with {@code from <= k < to}. Nothing is deleted if
   * {@code to} does not sort after {@code from}. The bounds may be of any length: they need not
   * be storable keys.
   *
   * @param keyspace the keyspace
   * @param from inclusive start
   * @param to exclusive end
   * @return this batch
   * @throws NullPointerException if an argument is null
   */
  public WriteBatch deleteRange(Keyspace keyspace, byte[] from, byte[] to) {
    return add(keyspace, OpType.DELETE_RANGE, from, Objects.requireNonNull(to, "to"));
  }

  private WriteBatch add(Keyspace keyspace, OpType type, byte[] key, byte[] value) {
    keyspaces.add(Objects.requireNonNull(keyspace, "keyspace"));
    types.add(type);
    keys.add(Objects.requireNonNull(key, "key"));
    values.add(value);
    byteSize += key.length + (value == null ? 0 : value.length);
    return this;
  }

  /**
   * Hands every operation to {@code visitor}, in the order they were added.
   *
   * @param visitor the receiver
   */
  public void forEach(Visitor visitor) {
    for (int i = 0, n = types.size(); i < n; i++) {
      switch (types.get(i)) {
        case PUT -> visitor.put(keyspaces.get(i), keys.get(i), values.get(i));
        case DELETE -> visitor.delete(keyspaces.get(i), keys.get(i));
        case DELETE_RANGE -> visitor.deleteRange(keyspaces.get(i), keys.get(i), values.get(i));
        default -> throw new AssertionError(types.get(i));
      }
    }
  }

  /** @return the number of operations */
  public int size() {
    return types.size();
  }

  /** @return true if the batch has no operations */
  public boolean isEmpty() {
    return types.isEmpty();
  }

  /** @return the total length of the keys and values, a measure of the batch's weight */
  public long byteSize() {
    return byteSize;
  }

  /** Removes every operation, so the batch can be reused. */
  public void clear() {
    keyspaces.clear();
    types.clear();
    keys.clear();
    values.clear();
    byteSize = 0;
  }
}

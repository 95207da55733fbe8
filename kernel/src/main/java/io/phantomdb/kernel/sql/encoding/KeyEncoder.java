package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.Values;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Builds order-preserving keys: {@code tableId | indexId | column ... | ~commitTs}. Each column's
 * encoding is self-delimiting and the unsigned byte order of two encodings is the {@link
 * Values#compare} order of the values (reversed for DESC), so composite keys sort column by
 * column. The format is described in the {@linkplain io.phantomdb.kernel.sql.encoding package
 * description}; {@link KeyDecoder} reads it back.
 *
 * <p>A mutable builder, not thread-safe; {@link #reset()} reuses it.
 */
public final class KeyEncoder {
  static final int NULL_FIRST = 0x00;
  static final int NULL_LAST = 0xFF;
  static final int FALSE = 0x01;
  static final int TRUE = 0x02;
  static final int FLOAT = 0x05;
  static final int TEXT = 0x06;
  static final int BYTES = 0x07;
  static final int UUID_TAG = 0x08;
  /** Length of the version suffix. */
  public static final int VERSION_LENGTH = 8;

  private final ByteWriter out;

  /** An empty key. */
  public KeyEncoder() {
    this(64);
  }

  /** @param capacity the initial buffer size */
  public KeyEncoder(int capacity) {
    out = new ByteWriter(capacity);
  }

  /**
   * The prefix of every key of one index (index 0 = the primary key, holding the rows): the
   * table id then the index id, each an order-preserving unsigned varint (one byte up to 247).
   *
   * @param tableId the table id, non-negative
   * @param indexId the index id, non-negative
   * @return the prefix
   */
  public static byte[] tableIndexPrefix(int tableId, int indexId) {
    return new KeyEncoder(10).appendTableIndex(tableId, indexId).toByteArray();
  }

  /**
   * The prefix of every key of one table, all its indexes.
   *
   * @param tableId the table id, non-negative
   * @return the prefix
   */
  public static byte[] tablePrefix(int tableId) {
    ByteWriter w = new ByteWriter(5);
    Ordered.putUnsigned(w, tableId);
    return w.toByteArray();
  }

  /**
   * Appends {@link #tableIndexPrefix(int, int)}.
   *
   * @param tableId the table id, non-negative
   * @param indexId the index id, non-negative
   * @return this
   */
  public KeyEncoder appendTableIndex(int tableId, int indexId) {
    Ordered.putUnsigned(out, tableId);
    Ordered.putUnsigned(out, indexId);
    return this;
  }

  /**
   * Appends one column.
   *
   * @param column its type, direction and NULL placement
   * @param value the value, of the Java class of the column's kind, or null for SQL NULL
   * @return this
   * @throws IllegalArgumentException for a time value with a sub-microsecond part or out of range
   */
  public KeyEncoder append(KeyColumn column, @Nullable Object value) {
    if (value == null) {
      out.put(column.nullsFirst() ? NULL_FIRST : NULL_LAST);
      return this;
    }
    int start = out.length();
    switch (column.kind()) {
      case BOOLEAN -> out.put((Boolean) value ? TRUE : FALSE);
      case SMALLINT, INTEGER, BIGINT -> Ordered.putSigned(out, ((Number) value).longValue());
      case NUMERIC -> Ordered.putNumeric(out, (BigDecimal) value);
      case REAL -> {
        out.put(FLOAT);
        out.putBigEndian(Ordered.floatKey((Float) value), 4);
      }
      case DOUBLE -> {
        out.put(FLOAT);
        out.putBigEndian(Ordered.doubleKey((Double) value), 8);
      }
      case CHAR -> appendText(Values.stripTrailingBlanks((String) value));
      case VARCHAR, TEXT -> appendText((String) value);
      case BYTEA -> {
        out.put(BYTES);
        Ordered.putEscaped(out, (byte[]) value);
      }
      case DATE -> Ordered.putSigned(out, ((LocalDate) value).toEpochDay());
      case TIME -> Ordered.putSigned(out, Temporal.timeMicros((LocalTime) value));
      case TIMESTAMP -> Ordered.putSigned(out, Temporal.timestampMicros((LocalDateTime) value));
      case TIMESTAMPTZ -> Ordered.putSigned(out, Temporal.instantMicros((Instant) value));
      case INTERVAL -> Ordered.putNumeric(out, new BigDecimal(((PgInterval) value).comparableMicros()));
      case UUID -> {
        UUID u = (UUID) value;
        out.put(UUID_TAG);
        out.putBigEndian(u.getMostSignificantBits(), 8);
        out.putBigEndian(u.getLeastSignificantBits(), 8);
      }
      case UNKNOWN -> throw new IllegalArgumentException("type unknown has no values");
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY, RECORD -> throw new IllegalArgumentException("arrays and records are not stored");
    }
    if (column.descending()) {
      out.invertFrom(start);
    }
    return this;
  }

  private void appendText(String s) {
    out.put(TEXT);
    Ordered.putEscaped(out, Wtf8.encode(s));
  }

  /**
   * Appends several columns.
   *
   * @param columns the columns
   * @param values one value (or null) per column
   * @return this
   */
  public KeyEncoder appendAll(List<KeyColumn> columns, Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      append(columns.get(i), values[i]);
    }
    return this;
  }

  /**
   * Appends columns picked from a row, as an index entry does.
   *
   * @param columns the key columns
   * @param row a row
   * @param positions for key column i, the position of its value in {@code row}
   * @return this
   */
  public KeyEncoder appendAll(List<KeyColumn> columns, Object[] row, int[] positions) {
    if (positions.length != columns.size()) {
      throw new IllegalArgumentException(positions.length + " positions for " + columns.size() + " columns");
    }
    for (int i = 0; i < positions.length; i++) {
      append(columns.get(i), row[positions[i]]);
    }
    return this;
  }

  /**
   * Appends bytes that are already encoded, such as primary key columns sliced from an index
   * entry ({@link KeyDecoder#position()} gives the bounds).
   *
   * @param encoded encoded bytes
   * @param from first byte
   * @param to end, exclusive
   * @return this
   */
  public KeyEncoder appendEncoded(byte[] encoded, int from, int to) {
    out.put(encoded, from, to - from);
    return this;
  }

  /**
   * Appends the MVCC version suffix: {@code ~commitTs}, 8 bytes big-endian, so the newest
   * version of a logical key sorts first.
   *
   * @param commitTs the commit timestamp, non-negative
   * @return this
   */
  public KeyEncoder appendVersion(long commitTs) {
    if (commitTs < 0) {
      throw new IllegalArgumentException("negative commit timestamp: " + commitTs);
    }
    out.putBigEndian(~commitTs, VERSION_LENGTH);
    return this;
  }

  /** @return the number of bytes so far */
  public int length() {
    return out.length();
  }

  /**
   * Drops bytes from the end, to reuse a common prefix.
   *
   * @param length the length to keep
   * @return this
   */
  public KeyEncoder truncate(int length) {
    out.truncate(length);
    return this;
  }

  /** @return this, emptied */
  public KeyEncoder reset() {
    out.truncate(0);
    return this;
  }

  /** @return a copy of the key built so far */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  /**
   * The encoding of one value on its own.
   *
   * @param column the column
   * @param value the value or null
   * @return its key bytes
   */
  public static byte[] encode(KeyColumn column, @Nullable Object value) {
    return new KeyEncoder(32).append(column, value).toByteArray();
  }
}

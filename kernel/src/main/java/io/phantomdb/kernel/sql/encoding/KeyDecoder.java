package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.spi.storage.StorageCorruptionException;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reads keys written by {@link KeyEncoder}, front to back. The caller knows the layout: the
 * table/index prefix, then the key columns (their types and directions), then the version.
 *
 * <p>Values decode to the Java class of their kind. Equal values share one key encoding, so some
 * detail is not in the key: see {@link #decodesExactly(DataType)}. Malformed bytes raise {@link
 * StorageCorruptionException}. Not thread-safe.
 */
public final class KeyDecoder {
  private static final BigInteger MONTH = BigInteger.valueOf(30 * PgInterval.MICROS_PER_DAY);
  private static final BigInteger DAY = BigInteger.valueOf(PgInterval.MICROS_PER_DAY);
  /** PostgreSQL's limit of digits before the decimal point; larger values keep exponent form. */
  private static final int MAX_PLAIN_EXPONENT = 131_072;

  private final ByteReader in;

  /** @param key a whole key */
  public KeyDecoder(byte[] key) {
    this(key, 0, key.length);
  }

  /**
   * @param key the bytes
   * @param from where to start reading
   * @param to end of the readable bytes, exclusive
   */
  public KeyDecoder(byte[] key, int from, int to) {
    in = new ByteReader(key, from, to, "key");
  }

  /** @return the offset of the next byte to read */
  public int position() {
    return in.pos;
  }

  /** @return the number of bytes left */
  public int remaining() {
    return in.remaining();
  }

  /**
   * Reads the table and index ids of {@link KeyEncoder#tableIndexPrefix(int, int)}.
   *
   * @return {@code {tableId, indexId}}
   */
  public int[] readTableIndex() {
    return new int[] {readId(), readId()};
  }

  /** @return one id of the table/index prefix */
  public int readId() {
    long id = Ordered.getUnsigned(in);
    if (id > Integer.MAX_VALUE) {
      throw in.corrupt("id out of range: " + id);
    }
    return (int) id;
  }

  /**
   * Reads one column.
   *
   * @param column its type and direction (the NULL placement is not needed)
   * @return the value, or null for SQL NULL
   */
  @Nullable
  public Object read(KeyColumn column) {
    int first = in.peek();
    if (first == KeyEncoder.NULL_FIRST || first == KeyEncoder.NULL_LAST) {
      in.pos++;
      return null;
    }
    int mask = column.descending() ? 0xFF : 0;
    DataType type = column.type();
    return switch (type.kind()) {
      case BOOLEAN -> {
        int b = in.u8(mask);
        if (b != KeyEncoder.TRUE && b != KeyEncoder.FALSE) {
          throw in.corrupt("bad boolean " + b);
        }
        yield b == KeyEncoder.TRUE;
      }
      case SMALLINT -> (short) checkRange(Ordered.getSigned(in, mask), Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> (int) checkRange(Ordered.getSigned(in, mask), Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> Ordered.getSigned(in, mask);
      case NUMERIC -> presentNumeric(Ordered.getNumeric(in, mask), type);
      case REAL -> {
        expectTag(KeyEncoder.FLOAT, mask);
        yield Ordered.floatFromKey((int) in.bigEndian(4, mask));
      }
      case DOUBLE -> {
        expectTag(KeyEncoder.FLOAT, mask);
        yield Ordered.doubleFromKey(in.bigEndian(8, mask));
      }
      case CHAR, VARCHAR, TEXT -> {
        expectTag(KeyEncoder.TEXT, mask);
        byte[] b = Ordered.getEscaped(in, mask);
        String s = Wtf8.decode(b, 0, b.length, in);
        yield type.kind() == io.phantomdb.kernel.sql.type.TypeKind.CHAR ? pad(s, type.precision()) : s;
      }
      case BYTEA -> {
        expectTag(KeyEncoder.BYTES, mask);
        yield Ordered.getEscaped(in, mask);
      }
      case DATE -> LocalDate.ofEpochDay(Ordered.getSigned(in, mask));
      case TIME -> Temporal.time(Ordered.getSigned(in, mask));
      case TIMESTAMP -> Temporal.timestamp(Ordered.getSigned(in, mask));
      case TIMESTAMPTZ -> Temporal.instant(Ordered.getSigned(in, mask));
      case INTERVAL -> interval(Ordered.getNumeric(in, mask).toBigIntegerExact());
      case UUID -> {
        expectTag(KeyEncoder.UUID_TAG, mask);
        yield new UUID(in.bigEndian(8, mask), in.bigEndian(8, mask));
      }
      case UNKNOWN -> throw new IllegalArgumentException("type unknown has no values");
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY, RECORD -> throw new IllegalArgumentException("arrays and records are not stored");
    };
  }

  /**
   * Reads several columns.
   *
   * @param columns the columns, in key order
   * @return one value (or null) per column
   */
  public Object[] readAll(List<KeyColumn> columns) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(columns.get(i));
    }
    return values;
  }

  /**
   * Skips one column without decoding it.
   *
   * @param column its type and direction
   */
  public void skip(KeyColumn column) {
    int first = in.peek();
    if (first == KeyEncoder.NULL_FIRST || first == KeyEncoder.NULL_LAST) {
      in.pos++;
      return;
    }
    int mask = column.descending() ? 0xFF : 0;
    switch (column.kind()) {
      case BOOLEAN -> in.skip(1);
      case SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> Ordered.skipSigned(in, mask);
      case NUMERIC, INTERVAL -> Ordered.skipNumeric(in, mask);
      case REAL -> in.skip(5);
      case DOUBLE -> in.skip(9);
      case CHAR, VARCHAR, TEXT, BYTEA -> {
        in.skip(1);
        Ordered.skipEscaped(in, mask);
      }
      case UUID -> in.skip(17);
      case UNKNOWN -> throw new IllegalArgumentException("type unknown has no values");
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY, RECORD -> throw new IllegalArgumentException("arrays and records are not stored");
    }
  }

  /**
   * Reads the version suffix written by {@link KeyEncoder#appendVersion(long)}.
   *
   * @return the commit timestamp
   */
  public long readVersion() {
    return ~in.bigEndian(KeyEncoder.VERSION_LENGTH, 0);
  }

  /**
   * Whether a key gives back exactly the value that was encoded, not just an equal one. False
   * for REAL and DOUBLE ({@code -0} comes back as {@code 0}), NUMERIC without a declared
   * precision (the scale is lost: {@code 1.50} comes back as {@code 1.5}), INTERVAL ({@code '1
   * mon'} and {@code '30 days'} share a key; it comes back as months, days and microseconds
   * filled greedily) and CHAR without a length (trailing blanks are not kept). An index-only scan
   * must take such columns from the row instead.
   *
   * @param type a column type
   * @return true if decoding a key yields the exact value
   */
  public static boolean decodesExactly(DataType type) {
    return switch (type.kind()) {
      case REAL, DOUBLE, INTERVAL -> false;
      case NUMERIC, CHAR -> type.precision() > 0;
      default -> true;
    };
  }

  private void expectTag(int tag, int mask) {
    int b = in.u8(mask);
    if (b != tag) {
      throw in.corrupt("expected tag " + tag + ", found " + b);
    }
  }

  private long checkRange(long v, long min, long max) {
    if (v < min || v > max) {
      throw in.corrupt("integer out of range: " + v);
    }
    return v;
  }

  private static BigDecimal presentNumeric(BigDecimal v, DataType type) {
    if (type.precision() > 0 && v.scale() < type.scale()) {
      return v.setScale(type.scale(), RoundingMode.UNNECESSARY);
    }
    if (v.scale() < 0 && v.scale() >= -MAX_PLAIN_EXPONENT) {
      return v.setScale(0, RoundingMode.UNNECESSARY);
    }
    return v;
  }

  private static String pad(String s, int length) {
    int n = s.codePointCount(0, s.length());
    return n >= length ? s : s + " ".repeat(length - n);
  }

  /** Months, then days, then microseconds, each as large as its Java type allows. */
  static PgInterval interval(BigInteger span) {
    BigInteger[] qr = span.divideAndRemainder(MONTH);
    int months = clampToInt(qr[0]);
    BigInteger rest = span.subtract(BigInteger.valueOf(months).multiply(MONTH));
    qr = rest.divideAndRemainder(DAY);
    int days = clampToInt(qr[0]);
    rest = rest.subtract(BigInteger.valueOf(days).multiply(DAY));
    return new PgInterval(months, days, rest.longValueExact());
  }

  private static int clampToInt(BigInteger v) {
    return v.bitLength() < 32 ? v.intValue() : v.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
  }
}

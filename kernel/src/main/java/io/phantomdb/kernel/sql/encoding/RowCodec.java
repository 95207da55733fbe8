package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.StorageCorruptionException;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The value of a row version: a compact, not order-preserving encoding of a row's columns.
 *
 * <p>A table has a list of column <em>slots</em>, in the order its columns were created; a slot
 * is never removed, only marked dropped (as PostgreSQL's {@code attisdropped}), so the position
 * of a column in a stored row never changes. A row holds every slot of the layout it was written
 * with: rows written before {@code ADD COLUMN} hold fewer slots, and the missing ones decode as
 * the column's {@linkplain Column#missingValue() missing value} (the default captured by the
 * ALTER, or null); a dropped slot's bytes are skipped (writers store NULL there). Slots beyond
 * the reader's layout (a row written by a newer layout) are ignored.
 *
 * <p>Format (version 1):
 *
 * <pre>
 * header   1 byte: format version (low 4 bits, 1) | flags (0x10: reserved)
 * count    LEB128: number of slots written
 * nulls    ceil(count / 8) bytes: bit i % 8 of byte i / 8 set when slot i is NULL
 * values   each non-NULL slot in order: integers, dates, timestamps as zigzag LEB128; TIME as
 *          LEB128 microseconds; NUMERIC as zigzag scale, LEB128 length and the unscaled two's
 *          complement bytes; REAL/DOUBLE raw IEEE bits (4/8 bytes); text as LEB128 length and
 *          UTF-8 (WTF-8 for unpaired surrogates); BYTEA length and bytes; INTERVAL as zigzag
 *          months, days, microseconds; UUID 16 bytes; BOOLEAN 1 byte.
 * </pre>
 *
 * <p>A tombstone, the value of a deletion, is the single byte {@code 0x00} (format version 0);
 * the header of every row has a non-zero version, so no row is a tombstone. In storage every
 * such body is followed by a checksum ({@link Checksums}); {@link #isTombstone(byte[])} reads only
 * the first byte and {@link #decodeStored(byte[])} stops before the checksum. Decoding is exact:
 * {@code -0.0}, NaN payloads, NUMERIC scales and interval fields come back as written.
 *
 * <p>Immutable and thread-safe.
 */
public final class RowCodec {
  /** The format version this class writes. */
  public static final int FORMAT_VERSION = 1;
  /** Header flag, reserved (the checksum is outside the row body: {@link Checksums}). */
  public static final int FLAG_CHECKSUM = 0x10;
  private static final int KNOWN_FLAGS = FLAG_CHECKSUM;

  /**
   * One slot of a table's row layout.
   *
   * @param id the column id in the catalog
   * @param kind the column's type kind, kept after a drop to skip old bytes
   * @param dropped whether the column was dropped
   * @param missingValue the value of this column in rows written before it was added
   */
  public record Column(int id, TypeKind kind, boolean dropped, @Nullable Object missingValue) {
    /** Checks the fields. */
    public Column {
      Objects.requireNonNull(kind, "kind");
      if (kind == TypeKind.UNKNOWN) {
        throw new IllegalArgumentException("a column cannot have type unknown");
      }
    }

    /**
     * A live column whose rows all have it (created with the table), or added without a default.
     *
     * @param id the column id
     * @param kind the kind
     * @return the slot
     */
    public static Column of(int id, TypeKind kind) {
      return new Column(id, kind, false, null);
    }

    /** @return this slot, dropped */
    public Column drop() {
      return new Column(id, kind, true, null);
    }
  }

  private final Column[] slots;
  private final int[] liveSlots;

  /** @param slots the table's slots, in creation order, dropped ones included */
  public RowCodec(List<Column> slots) {
    this.slots = slots.toArray(new Column[0]);
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < this.slots.length; i++) {
      if (!this.slots[i].dropped()) {
        live.add(i);
      }
    }
    liveSlots = live.stream().mapToInt(Integer::intValue).toArray();
  }

  /** @return the number of live columns, the length of the arrays {@link #encode} takes */
  public int columnCount() {
    return liveSlots.length;
  }

  /** @return a new tombstone value */
  public static byte[] tombstone() {
    return new byte[] {0};
  }

  /**
   * @param value a stored value
   * @return true if it is a tombstone rather than a row
   */
  public static boolean isTombstone(byte[] value) {
    return value.length > 0 && (value[0] & 0x0F) == 0;
  }

  /**
   * Encodes a row.
   *
   * @param row one value (or null) per live column, in slot order
   * @return the stored value
   */
  public byte[] encode(Object[] row) {
    if (row.length != liveSlots.length) {
      throw new IllegalArgumentException(row.length + " values for " + liveSlots.length + " columns");
    }
    int n = slots.length;
    ByteWriter w = new ByteWriter(8 + n * 4);
    w.put(FORMAT_VERSION);
    w.putLeb(n);
    int bitmapAt = w.length();
    for (int i = 0; i < (n + 7) / 8; i++) {
      w.put(0);
    }
    byte[] nulls = new byte[(n + 7) / 8];
    int live = 0;
    for (int i = 0; i < n; i++) {
      Object v = null;
      if (!slots[i].dropped()) {
        v = row[live++];
      }
      if (v == null) {
        nulls[i >>> 3] |= (byte) (1 << (i & 7));
      } else {
        putValue(w, slots[i].kind(), v);
      }
    }
    byte[] out = w.toByteArray();
    System.arraycopy(nulls, 0, out, bitmapAt, nulls.length);
    return out;
  }

  /**
   * Decodes a row.
   *
   * @param value a stored row (not a tombstone)
   * @return one value (or null) per live column
   */
  public Object[] decode(byte[] value) {
    return decode(value, null);
  }

  /**
   * Decodes some columns of a row.
   *
   * @param value a stored row (not a tombstone)
   * @param wanted per live column, whether to decode it; null for all
   * @return one value per live column; null for columns not wanted
   */
  public Object[] decode(byte[] value, @Nullable boolean[] wanted) {
    return decode(value, value.length, wanted);
  }

  /**
   * Decodes a row as stored: its body, before the {@linkplain Checksums checksum}. The caller has
   * verified the checksum.
   *
   * @param stored a stored row version (not a tombstone)
   * @return one value (or null) per live column
   */
  public Object[] decodeStored(byte[] stored) {
    return decode(stored, Checksums.bodyLength(stored), null);
  }

  /**
   * Decodes some columns of a row as stored (see {@link #decodeStored(byte[])}).
   *
   * @param stored a stored row version (not a tombstone)
   * @param wanted per live column, whether to decode it; null for all
   * @return one value per live column; null for columns not wanted
   */
  public Object[] decodeStored(byte[] stored, @Nullable boolean[] wanted) {
    return decode(stored, Checksums.bodyLength(stored), wanted);
  }

  private Object[] decode(byte[] value, int length, @Nullable boolean[] wanted) {
    ByteReader r = new ByteReader(value, 0, length, "row");
    int header = r.u8(0);
    if ((header & 0x0F) != FORMAT_VERSION || (header & 0xF0 & ~KNOWN_FLAGS) != 0) {
      throw r.corrupt((header & 0x0F) == 0 ? "a tombstone, not a row" : "unknown row header " + header);
    }
    long count = r.leb();
    if (count < 0 || count > (long) r.remaining() * 8) {
      throw r.corrupt("bad column count " + count);
    }
    int n = (int) count;
    int bitmapAt = r.pos;
    r.skip((n + 7) / 8);
    Object[] row = new Object[liveSlots.length];
    int live = 0;
    int stop = Math.min(n, slots.length);
    for (int i = 0; i < stop; i++) {
      boolean isNull = (value[bitmapAt + (i >>> 3)] & (1 << (i & 7))) != 0;
      Column slot = slots[i];
      if (slot.dropped()) {
        if (!isNull) {
          skipValue(r, slot.kind());
        }
        continue;
      }
      if (!isNull) {
        if (wanted == null || wanted[live]) {
          row[live] = getValue(r, slot.kind());
        } else {
          skipValue(r, slot.kind());
        }
      }
      live++;
    }
    for (int i = stop; i < slots.length; i++) {
      if (!slots[i].dropped()) {
        row[live] = wanted == null || wanted[live] ? slots[i].missingValue() : null;
        live++;
      }
    }
    return row;
  }

  private static void putValue(ByteWriter w, TypeKind kind, Object v) {
    switch (kind) {
      case BOOLEAN -> w.put((Boolean) v ? 1 : 0);
      case SMALLINT, INTEGER, BIGINT -> w.putZigzag(((Number) v).longValue());
      case NUMERIC -> {
        BigDecimal d = (BigDecimal) v;
        w.putZigzag(d.scale());
        byte[] unscaled = d.unscaledValue().toByteArray();
        w.putLeb(unscaled.length);
        w.put(unscaled);
      }
      case REAL -> w.putBigEndian(Float.floatToRawIntBits((Float) v), 4);
      case DOUBLE -> w.putBigEndian(Double.doubleToRawLongBits((Double) v), 8);
      case CHAR, VARCHAR, TEXT -> putBytes(w, Wtf8.encode((String) v));
      case BYTEA -> putBytes(w, (byte[]) v);
      case DATE -> w.putZigzag(((LocalDate) v).toEpochDay());
      case TIME -> w.putLeb(Temporal.timeMicros((LocalTime) v));
      case TIMESTAMP -> w.putZigzag(Temporal.timestampMicros((LocalDateTime) v));
      case TIMESTAMPTZ -> w.putZigzag(Temporal.instantMicros((Instant) v));
      case INTERVAL -> {
        PgInterval iv = (PgInterval) v;
        w.putZigzag(iv.months());
        w.putZigzag(iv.days());
        w.putZigzag(iv.micros());
      }
      case UUID -> {
        UUID u = (UUID) v;
        w.putBigEndian(u.getMostSignificantBits(), 8);
        w.putBigEndian(u.getLeastSignificantBits(), 8);
      }
      case UNKNOWN -> throw new IllegalArgumentException("type unknown has no values");
    }
  }

  private static void putBytes(ByteWriter w, byte[] b) {
    w.putLeb(b.length);
    w.put(b);
  }

  private static Object getValue(ByteReader r, TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> r.u8(0) != 0;
      case SMALLINT -> (short) r.zigzag();
      case INTEGER -> (int) r.zigzag();
      case BIGINT -> r.zigzag();
      case NUMERIC -> {
        long scale = r.zigzag();
        if (scale != (int) scale) {
          throw r.corrupt("numeric scale out of range");
        }
        int len = r.length();
        if (len == 0) {
          throw r.corrupt("empty numeric");
        }
        yield new BigDecimal(new BigInteger(r.bytes(len)), (int) scale);
      }
      case REAL -> Float.intBitsToFloat((int) r.bigEndian(4, 0));
      case DOUBLE -> Double.longBitsToDouble(r.bigEndian(8, 0));
      case CHAR, VARCHAR, TEXT -> {
        int len = r.length();
        String s = Wtf8.decode(r.buf, r.pos, len, r);
        r.skip(len);
        yield s;
      }
      case BYTEA -> r.bytes(r.length());
      case DATE -> LocalDate.ofEpochDay(r.zigzag());
      case TIME -> Temporal.time(r.leb());
      case TIMESTAMP -> Temporal.timestamp(r.zigzag());
      case TIMESTAMPTZ -> Temporal.instant(r.zigzag());
      case INTERVAL -> new PgInterval((int) r.zigzag(), (int) r.zigzag(), r.zigzag());
      case UUID -> new UUID(r.bigEndian(8, 0), r.bigEndian(8, 0));
      case UNKNOWN -> throw new StorageCorruptionException("a stored value of type unknown");
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY, RECORD -> throw new StorageCorruptionException("a stored array or record");
    };
  }

  private static void skipValue(ByteReader r, TypeKind kind) {
    switch (kind) {
      case BOOLEAN -> r.skip(1);
      case REAL -> r.skip(4);
      case DOUBLE -> r.skip(8);
      case UUID -> r.skip(16);
      case NUMERIC -> {
        r.leb();
        r.skip(r.length());
      }
      case CHAR, VARCHAR, TEXT, BYTEA -> r.skip(r.length());
      case INTERVAL -> {
        r.leb();
        r.leb();
        r.leb();
      }
      default -> r.leb();
    }
  }
}

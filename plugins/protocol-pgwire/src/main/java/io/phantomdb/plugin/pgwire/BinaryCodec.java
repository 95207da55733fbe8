package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.Interval;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * PostgreSQL's binary format of the common types, both ways (the {@code typsend} / {@code
 * typreceive} functions): integers and floats big-endian, dates as days and timestamps as
 * microseconds since 2000-01-01, numeric as base-10000 digits, uuid as 16 bytes.
 */
final class BinaryCodec {
  private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
  private static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
  private static final Instant PG_EPOCH_INSTANT = PG_EPOCH.toInstant(ZoneOffset.UTC);
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private BinaryCodec() {}

  /** Whether values of a type can be sent and received in binary. */
  static boolean supports(int oid) {
    return switch (oid) {
      case Oids.BOOL, Oids.BYTEA, Oids.NAME, Oids.INT8, Oids.INT2, Oids.INT4, Oids.TEXT, Oids.FLOAT4, Oids.FLOAT8,
          Oids.BPCHAR, Oids.VARCHAR, Oids.DATE, Oids.TIME, Oids.TIMESTAMP, Oids.TIMESTAMPTZ, Oids.INTERVAL,
          Oids.NUMERIC, Oids.UUID -> true;
      default -> false;
    };
  }

  /**
   * Encodes a non-null value.
   *
   * @param oid the column's type
   * @param v the value, of the class {@link io.phantomdb.spi.protocol.Column} lists for it
   */
  static byte[] encode(int oid, Object v) {
    return switch (oid) {
      case Oids.BOOL -> new byte[] {(byte) (((Boolean) v) ? 1 : 0)};
      case Oids.INT2 -> ByteBuffer.allocate(2).putShort(((Number) v).shortValue()).array();
      case Oids.INT4 -> ByteBuffer.allocate(4).putInt(((Number) v).intValue()).array();
      case Oids.INT8 -> ByteBuffer.allocate(8).putLong(((Number) v).longValue()).array();
      case Oids.FLOAT4 -> ByteBuffer.allocate(4).putFloat(((Number) v).floatValue()).array();
      case Oids.FLOAT8 -> ByteBuffer.allocate(8).putDouble(((Number) v).doubleValue()).array();
      case Oids.NUMERIC -> encodeNumeric((BigDecimal) v);
      case Oids.BYTEA -> (byte[]) v;
      case Oids.DATE -> ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate) v)).array();
      case Oids.TIME -> ByteBuffer.allocate(8).putLong(((LocalTime) v).toNanoOfDay() / 1000).array();
      case Oids.TIMESTAMP -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime) v)).array();
      case Oids.TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH_INSTANT, (Instant) v)).array();
      case Oids.INTERVAL -> {
        Interval i = (Interval) v;
        yield ByteBuffer.allocate(16).putLong(i.micros()).putInt(i.days()).putInt(i.months()).array();
      }
      case Oids.UUID -> {
        UUID u = (UUID) v;
        yield ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
      }
      default -> v.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  /**
   * Decodes a binary parameter value.
   *
   * @param oid the parameter's type
   * @param b the bytes
   * @param index the parameter's number, 1-based, for errors
   * @return the value, of the class the SPI takes for the type
   * @throws SqlErrorException 22P03 if the bytes do not fit the type, 0A000 for a type without a
   *     binary format here
   */
  static Object decode(int oid, byte[] b, int index) {
    ByteBuffer bb = ByteBuffer.wrap(b);
    try {
      Object v = switch (oid) {
        case Oids.BOOL -> exact(b, 1) ? (Object) (b[0] != 0) : null;
        case Oids.INT2 -> exact(b, 2) ? bb.getShort() : null;
        case Oids.INT4 -> exact(b, 4) ? bb.getInt() : null;
        case Oids.INT8 -> exact(b, 8) ? bb.getLong() : null;
        case Oids.FLOAT4 -> exact(b, 4) ? bb.getFloat() : null;
        case Oids.FLOAT8 -> exact(b, 8) ? bb.getDouble() : null;
        case Oids.NUMERIC -> decodeNumeric(bb);
        case Oids.TEXT, Oids.VARCHAR, Oids.BPCHAR, Oids.NAME -> new String(b, StandardCharsets.UTF_8);
        case Oids.BYTEA -> b;
        case Oids.DATE -> exact(b, 4) ? PG_EPOCH_DATE.plusDays(bb.getInt()) : null;
        case Oids.TIME -> exact(b, 8) ? LocalTime.ofNanoOfDay(bb.getLong() * 1000) : null;
        case Oids.TIMESTAMP -> exact(b, 8) ? PG_EPOCH.plus(bb.getLong(), ChronoUnit.MICROS) : null;
        case Oids.TIMESTAMPTZ -> exact(b, 8) ? PG_EPOCH_INSTANT.plus(bb.getLong(), ChronoUnit.MICROS) : null;
        case Oids.INTERVAL -> exact(b, 16) ? intervalOf(bb) : null;
        case Oids.UUID -> exact(b, 16) ? new UUID(bb.getLong(), bb.getLong()) : null;
        default -> throw new SqlErrorException("0A000",
            "binary format of parameter $" + index + " (type OID " + oid + ") is not supported",
            null, "Send it in text format.", 0, null);
      };
      if (v == null || bb.hasRemaining() && oid == Oids.NUMERIC) {
        throw badFormat(index);
      }
      return v;
    } catch (java.nio.BufferUnderflowException | java.time.DateTimeException | ArithmeticException e) {
      throw badFormat(index);
    }
  }

  private static Interval intervalOf(ByteBuffer bb) {
    long micros = bb.getLong();
    int days = bb.getInt();
    return new Interval(bb.getInt(), days, micros);
  }

  private static boolean exact(byte[] b, int n) {
    return b.length == n;
  }

  private static SqlErrorException badFormat(int index) {
    return new SqlErrorException("22P03", "incorrect binary data format in bind parameter " + index);
  }

  /** numeric: ndigits, weight, sign, dscale (int16 each), then base-10000 digits, most significant first. */
  static byte[] encodeNumeric(BigDecimal v) {
    int dscale = Math.max(v.scale(), 0);
    BigDecimal abs = v.abs();
    if (v.scale() < 0) {
      abs = abs.setScale(0);
    }
    // digits of the integer part in groups of 4 from the point leftwards, of the fraction rightwards
    BigInteger unscaled = abs.unscaledValue();
    int scale = abs.scale();
    int pad = (4 - scale % 4) % 4; // make the fraction a whole number of groups
    BigInteger n = unscaled.multiply(BigInteger.TEN.pow(pad));
    int fractionGroups = (scale + pad) / 4;
    java.util.ArrayDeque<Short> groups = new java.util.ArrayDeque<>();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(TEN_THOUSAND);
      groups.addFirst(qr[1].shortValue());
      n = qr[0];
    }
    int weight = groups.size() - fractionGroups - 1;
    while (!groups.isEmpty() && groups.peekLast() == 0) {
      groups.removeLast();
    }
    while (!groups.isEmpty() && groups.peekFirst() == 0) {
      groups.removeFirst();
      weight--;
    }
    if (groups.isEmpty()) {
      weight = 0;
    }
    ByteBuffer out = ByteBuffer.allocate(8 + 2 * groups.size());
    out.putShort((short) groups.size()).putShort((short) weight)
        .putShort((short) (v.signum() < 0 ? 0x4000 : 0)).putShort((short) dscale);
    for (short g : groups) {
      out.putShort(g);
    }
    return out.array();
  }

  static BigDecimal decodeNumeric(ByteBuffer bb) {
    int ndigits = bb.getShort();
    int weight = bb.getShort();
    int sign = bb.getShort() & 0xFFFF;
    int dscale = bb.getShort();
    if (sign == 0xC000) {
      throw new SqlErrorException("0A000", "numeric NaN is not supported");
    }
    if (ndigits < 0 || dscale < 0 || (sign != 0 && sign != 0x4000)) {
      throw new ArithmeticException("bad numeric");
    }
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      int d = bb.getShort();
      if (d < 0 || d >= 10_000) {
        throw new ArithmeticException("bad numeric digit");
      }
      n = n.multiply(TEN_THOUSAND).add(BigInteger.valueOf(d));
    }
    // value = n * 10000^(weight - ndigits + 1)
    BigDecimal v = new BigDecimal(n).scaleByPowerOfTen(4 * (weight - ndigits + 1));
    v = v.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
    return sign == 0x4000 ? v.negate() : v;
  }
}

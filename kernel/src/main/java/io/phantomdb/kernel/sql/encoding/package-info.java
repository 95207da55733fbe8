/**
 * How SQL data is laid out in the ordered key-value store (keyspace {@code sql_data}).
 *
 * <pre>
 * row version : tableId | indexId (1 = primary) | key columns                       | ~commitTs -&gt; row ({@link io.phantomdb.kernel.sql.encoding.RowCodec}) or tombstone, | crc
 * index entry : tableId | indexId               | index columns | primary key columns | ~commitTs -&gt; marker 01 or tombstone, | crc
 * </pre>
 *
 * Every stored value ends with {@code crc}, the CRC32C of its versioned key and its body ({@link
 * io.phantomdb.kernel.sql.encoding.Checksums}), verified on every read.
 *
 * <h2>Keys ({@link io.phantomdb.kernel.sql.encoding.KeyEncoder}, {@link
 * io.phantomdb.kernel.sql.encoding.KeyDecoder})</h2>
 *
 * The storage SPI compares keys as unsigned bytes. For two values of one type the byte order of
 * their encodings is their {@link io.phantomdb.kernel.sql.type.Values#compare} order; values that
 * compare equal encode identically (so unique indexes and point lookups see PostgreSQL's
 * equality: {@code 1.0 = 1.00}, {@code -0 = 0}, {@code '1 mon' = '30 days'}, {@code 'a' = 'a  '}
 * as CHAR). Every column encoding is self-delimiting (no encoding is a proper prefix of another),
 * so a composite key sorts column by column and a key prefix of whole columns is a range prefix.
 *
 * <ul>
 *   <li><b>table and index ids</b>: order-preserving unsigned varint: 0..247 one byte, else
 *       {@code 0xF7+n} and n big-endian bytes (at most 5 bytes for an int).
 *   <li><b>NULL</b>: one byte, {@code 0x00} with NULLS FIRST, {@code 0xFF} with NULLS LAST
 *       (never inverted). Every non-NULL encoding starts with a byte in 0x01..0xFE, ASC or DESC.
 *       PostgreSQL's defaults: ASC NULLS LAST, DESC NULLS FIRST.
 *   <li><b>DESC</b>: the ASC encoding with every byte inverted (the encodings are prefix-free,
 *       so inversion exactly reverses their order).
 *   <li><b>SMALLINT, INTEGER, BIGINT</b>: order-preserving signed varint: -119..118 is the single
 *       byte {@code 0x80+v}; larger values {@code 0xF6+n} (0xF7..0xFE) and n big-endian bytes;
 *       smaller values {@code 0x09-n} (0x01..0x08) and the low n bytes of the two's complement.
 *       1 to 9 bytes; hidden row ids and small keys stay short.
 *   <li><b>DATE</b>: the varint of days since 1970-01-01 (any {@code LocalDate}, BC included).
 *   <li><b>TIME</b>: the varint of microseconds since midnight. <b>TIMESTAMP, TIMESTAMPTZ</b>: the
 *       varint of microseconds since 1970-01-01 00:00 (UTC). Values must be whole microseconds;
 *       the MIN/MAX of {@code LocalDateTime}/{@code Instant} map to Long.MIN/MAX (room for
 *       -infinity/infinity).
 *   <li><b>REAL, DOUBLE</b>: {@code 0x05}, then the IEEE bits (4 or 8 bytes) with the sign bit
 *       flipped for positive values and all bits inverted for negative ones; -0 is encoded as 0
 *       and every NaN as the canonical NaN, which sorts above +Infinity.
 *   <li><b>NUMERIC</b>: {@code 0x03} for zero; else {@code 0x04} (positive) or {@code 0x02}
 *       (negative) followed by, for {@code |x| = 0.d1 d2 ... dk × 100^E} in base-100 digits (d1
 *       and dk non-zero): the signed varint E, the digits as {@code 2d+1} and the last as {@code
 *       2d} (so the end is recognisable and a longer mantissa sorts after its prefix); for a
 *       negative value everything after the tag inverted. Any scale or precision; the trailing
 *       zeros of the scale are not kept (1.0 and 1.00 encode equally). Size: 2 + varint(E) +
 *       ceil(significant digits / 2) bytes or so.
 *   <li><b>INTERVAL</b>: the NUMERIC encoding of {@link
 *       io.phantomdb.kernel.sql.type.PgInterval#comparableMicros()}, PostgreSQL's comparison
 *       key. Equal intervals share a key, so the key cannot give back the exact fields: it
 *       decodes to an equal interval (months, then days, then microseconds, greedily).
 *   <li><b>CHAR, VARCHAR, TEXT</b>: {@code 0x06}, the UTF-8 bytes (unpaired surrogates as their
 *       3-byte form, "WTF-8", so any Java string round-trips) with {@code 0x00} escaped as {@code
 *       0x00 0xFF}, terminated by {@code 0x00 0x01}. UTF-8 byte order is code point order, the
 *       "C" collation. CHAR drops its trailing blanks first and is padded again on decoding.
 *   <li><b>BYTEA</b>: {@code 0x07} and the same escaping.
 *   <li><b>UUID</b>: {@code 0x08} and the 16 bytes. <b>BOOLEAN</b>: {@code 0x01} false, {@code
 *       0x02} true.
 *   <li><b>version</b>: {@code ~commitTs}, 8 bytes big-endian ({@link
 *       io.phantomdb.kernel.sql.encoding.VersionedKeys}).
 * </ul>
 *
 * <h2>Ranges over key columns</h2>
 *
 * With {@code p} the table/index prefix plus the encodings of the leading key columns fixed by
 * equalities, the next column's non-NULL values lie in {@code [p|0x01, p|0xFF)} whatever its
 * direction, its NULLs under {@code p|0x00} or {@code p|0xFF}. With {@code e} the encoding of a
 * bound {@code v} and {@code end} = {@link io.phantomdb.spi.storage.KeyRange#prefixEnd(byte[])},
 * for an ASC column (a DESC column swaps the operators):
 *
 * <pre>
 * col =  v : [p|e, end(p|e))        col &lt;= v : [p|01, end(p|e))
 * col &gt;= v : [p|e, p|FF)            col &lt;  v : [p|01, p|e)
 * col &gt;  v : [end(p|e), p|FF)
 * </pre>
 *
 * {@link io.phantomdb.kernel.sql.encoding.KeyRanges} computes these. Each covers every version
 * of the keys in it.
 *
 * <h2>Row values</h2>
 *
 * See {@link io.phantomdb.kernel.sql.encoding.RowCodec}: a header byte (format version, flags
 * with room for a checksum), the slot count, a NULL bitmap, then the non-NULL values. Rows hold
 * every column, key columns included, so a row decodes exactly from its value alone; keys are for
 * order and lookup ({@link io.phantomdb.kernel.sql.encoding.KeyDecoder#decodesExactly} says which
 * types an index-only scan may take from a key).
 */
package io.phantomdb.kernel.sql.encoding;

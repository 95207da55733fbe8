package io.phantomdb.kernel.sql.store;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyDecoder;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.type.TextCodec;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies the {@linkplain Checksums checksum} of a version read from storage and, when it does not
 * match, makes PostgreSQL's "data corrupted" error (XX001) naming the relation and the key: {@code
 * invalid checksum in row of relation "t"} with DETAIL {@code Key (id)=(42).}, or {@code invalid
 * checksum in entry of index "i"} with DETAIL {@code Table "t", key (b)=(x), row key (id)=(42).}
 * A key that does not decode (the key itself is damaged) is shown in hex. Every reader of row
 * versions and index entries calls {@link #verify} before it looks at the value (a damaged row must
 * not pass for a tombstone).
 */
public final class StoredValueCheck {
  private StoredValueCheck() {}

  /**
   * Checks one stored version.
   *
   * @param table the table the key belongs to
   * @param versionedKey the key it was read under
   * @param stored the stored value
   * @throws SqlException XX001 if the checksum does not match
   */
  public static void verify(TableLayout table, byte[] versionedKey, byte[] stored) {
    if (!Checksums.verify(versionedKey, stored)) {
      throw corrupted(table, versionedKey);
    }
  }

  /**
   * The error for a version whose checksum does not match.
   *
   * @param table the table the key belongs to
   * @param versionedKey its key
   * @return the XX001 error
   */
  public static SqlException corrupted(TableLayout table, byte[] versionedKey) {
    IndexLayout index = indexOf(table, versionedKey);
    String relation = table.table().name();
    if (index == null || index.index().primary()) {
      return new SqlException(SqlState.DATA_CORRUPTED, "invalid checksum in row of relation \"" + relation + "\"",
          describeKey(table, versionedKey) + ".", null, null);
    }
    return new SqlException(SqlState.DATA_CORRUPTED,
        "invalid checksum in entry of index \"" + index.index().name() + "\"",
        "Table \"" + relation + "\", " + uncapitalized(describeKey(table, versionedKey)) + ".", null, null);
  }

  /**
   * Describes a stored key: {@code Key (id)=(42)} for a row, {@code Key (b)=(x), row key (id)=(42)}
   * for an index entry, or {@code Key \x...} in hex if it cannot be decoded.
   *
   * @param table the table the key belongs to
   * @param versionedKey a versioned key of the table
   * @return the description
   */
  public static String describeKey(TableLayout table, byte[] versionedKey) {
    try {
      IndexLayout index = indexOf(table, versionedKey);
      if (index == null || versionedKey.length < VersionedKeys.VERSION_LENGTH) {
        return hex(versionedKey);
      }
      KeyDecoder d = new KeyDecoder(versionedKey, index.prefix().length,
          versionedKey.length - VersionedKeys.VERSION_LENGTH);
      List<ColumnDescriptor> live = table.table().liveColumns();
      StringBuilder sb = new StringBuilder("Key ");
      if (!index.index().primary()) {
        appendColumns(sb, d, index, live);
        sb.append(", row key ");
      }
      appendColumns(sb, d, table.primary(), live);
      if (d.remaining() != 0) {
        return hex(versionedKey);
      }
      return sb.toString();
    } catch (RuntimeException e) {
      return hex(versionedKey);
    }
  }

  private static void appendColumns(StringBuilder sb, KeyDecoder d, IndexLayout index, List<ColumnDescriptor> live) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    List<KeyColumn> columns = index.keyColumns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDescriptor c = live.get(index.positions()[i]);
      Object v = d.read(columns.get(i));
      names.append(i == 0 ? "" : ", ").append(c.name());
      values.append(i == 0 ? "" : ", ").append(v == null ? "null" : TextCodec.format(v, c.type()));
    }
    sb.append('(').append(names).append(")=(").append(values).append(')');
  }

  /** The index (primary or secondary) of the table whose prefix the key starts with, or null. */
  static IndexLayout indexOf(TableLayout table, byte[] key) {
    if (startsWith(key, table.primary().prefix())) {
      return table.primary();
    }
    for (IndexLayout i : table.secondary()) {
      if (startsWith(key, i.prefix())) {
        return i;
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static String hex(byte[] key) {
    return "Key \\x" + HexFormat.of().formatHex(key);
  }

  private static String uncapitalized(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}

package io.phantomdb.kernel.sql.role;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * The options of one CREATE / ALTER ROLE, read from the parser's flat list of words and values as
 * PostgreSQL's {@code AlterOptRoleElem} reads them. Each option at most once (42601 "conflicting or
 * redundant options"); unknown words are 42601 "unrecognized role option".
 *
 * <p>Keys: {@code superuser}, {@code login}, {@code createdb}, {@code createrole}, {@code inherit},
 * {@code replication}, {@code bypassrls} (Boolean); {@code password} (String, or {@link #NULL}
 * for PASSWORD NULL); {@code validuntil} (String); {@code connectionlimit} (Integer).
 */
public final class RoleOptions {
  /** The value of {@code PASSWORD NULL}. */
  public static final String NULL = new String("NULL");

  private static final List<String> FLAGS =
      List.of("superuser", "login", "createdb", "createrole", "inherit", "replication", "bypassrls");

  private final Map<String, Object> values = new HashMap<>();

  private RoleOptions() {}

  /**
   * @param options the words and literals as parsed
   * @return the options
   * @throws SqlException 42601 for an unknown, incomplete or repeated option; 0A000 for role
   *     membership options (IN ROLE, ROLE, ADMIN)
   */
  public static RoleOptions parse(List<SqlNode> options) {
    RoleOptions o = new RoleOptions();
    for (int i = 0; i < options.size(); ) {
      String word = word(options.get(i));
      i++;
      if (word == null) {
        throw syntax("syntax error at or near \"" + options.get(i - 1) + "\"");
      }
      switch (word) {
        case "password" -> {
          i = o.password(options, i);
        }
        case "encrypted" -> {
          if (i >= options.size() || !"password".equals(word(options.get(i)))) {
            throw syntax("syntax error at or near \"ENCRYPTED\"");
          }
          i = o.password(options, i + 1);
        }
        case "unencrypted" -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "UNENCRYPTED PASSWORD is no longer supported", null, "Remove UNENCRYPTED to store the password in encrypted form instead.", null);
        case "valid" -> {
          if (i + 1 >= options.size() || !"until".equals(word(options.get(i)))) {
            throw syntax("syntax error at or near \"VALID\"");
          }
          o.put("validuntil", string(options.get(i + 1)));
          i += 2;
        }
        case "connection" -> {
          if (i + 1 >= options.size() || !"limit".equals(word(options.get(i)))
              || !(options.get(i + 1) instanceof SqlLiteral l) || !(l.getValue() instanceof BigDecimal n)) {
            throw syntax("syntax error at or near \"CONNECTION\"");
          }
          o.put("connectionlimit", n.intValueExact());
          i += 2;
        }
        case "sysid" -> i++; // PostgreSQL: NOTICE "SYSID can no longer be specified"
        case "in", "role", "admin", "user" -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "role membership (IN ROLE, ROLE, ADMIN) is not supported");
        default -> {
          String flag = word.startsWith("no") && FLAGS.contains(word.substring(2)) ? word.substring(2) : word;
          if (!FLAGS.contains(flag)) {
            throw syntax("unrecognized role option \"" + word + "\"");
          }
          o.put(flag, !flag.equals(word) ? Boolean.FALSE : Boolean.TRUE);
        }
      }
    }
    return o;
  }

  private int password(List<SqlNode> options, int i) {
    if (i >= options.size() || !(options.get(i) instanceof SqlLiteral l)) {
      throw syntax("syntax error at or near \"PASSWORD\"");
    }
    put("password", l.getValue() == null ? NULL : l.getValueAs(String.class));
    return i + 1;
  }

  private void put(String key, Object value) {
    if (values.putIfAbsent(key, value) != null) {
      throw syntax("conflicting or redundant options");
    }
  }

  private static String word(SqlNode n) {
    return n instanceof SqlIdentifier id && id.isSimple() ? id.getSimple().toLowerCase(Locale.ROOT) : null;
  }

  private static String string(SqlNode n) {
    if (n instanceof SqlLiteral l && l.getValue() != null && !(l.getValue() instanceof BigDecimal)) {
      return l.getValueAs(String.class);
    }
    throw syntax("syntax error at or near \"" + n + "\"");
  }

  private static SqlException syntax(String message) {
    return new SqlException(SqlState.SYNTAX_ERROR, message);
  }

  /**
   * @param flag one of the Boolean keys
   * @param otherwise the value if the option was not given
   * @return the flag's value
   */
  public boolean flag(String flag, boolean otherwise) {
    Object v = values.get(flag);
    return v == null ? otherwise : (Boolean) v;
  }

  /**
   * @param key an option key
   * @return whether it was given
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * @param key an option key
   * @return its value, or null if not given
   */
  public Object get(String key) {
    return values.get(key);
  }
}

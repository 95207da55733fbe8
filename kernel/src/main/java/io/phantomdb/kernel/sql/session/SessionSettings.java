package io.phantomdb.kernel.sql.session;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One session's configuration parameters: the values of the {@link Parameters} it changed, the
 * custom placeholders it set ({@code myapp.user_id}), and what it last told its client.
 *
 * <p>Each parameter has a reset value, what {@code RESET} returns to: its default, or the value
 * the client gave when it connected ({@link #setAsDefault}), as PostgreSQL does with startup
 * options. Names are case-insensitive. Not thread-safe: one per session.
 */
public final class SessionSettings {
  /** Values differing from the defaults, by lower-case name. */
  private final Map<String, String> values = new HashMap<>();
  /** Reset values the client set at connection, by lower-case name. */
  private final Map<String, String> resetValues = new HashMap<>();
  /** Placeholders: lower-case name → the name as first written. */
  private final Map<String, String> placeholderNames = new HashMap<>();
  /** The reported parameters' values as last reported, by name. */
  private final Map<String, String> reported = new HashMap<>();
  /** The server's defaults (configuration), by lower-case name, over the built-in ones. */
  private final Map<String, String> serverDefaults;
  private TransactionParameters transaction = TransactionParameters.NONE;
  private ZoneId zone;
  /** Bumped by every change; what is derived from the values below is kept until it moves. */
  private long version;
  private long reportedVersion = -1;
  private long pathVersion = -1;
  private List<String> path;
  private long timeoutVersion = -1;
  private long statementTimeout;

  /** A session with every parameter at its default. */
  public SessionSettings() {
    this(Map.of());
  }

  /**
   * @param serverDefaults defaults the server's configuration sets (such as {@code lock_timeout}),
   *     by parameter name, canonical values ({@link #checkDefault}); they replace the built-in
   *     defaults
   */
  public SessionSettings(Map<String, String> serverDefaults) {
    Map<String, String> d = new HashMap<>();
    serverDefaults.forEach((k, v) -> d.put(k.toLowerCase(Locale.ROOT), v));
    this.serverDefaults = Map.copyOf(d);
  }

  /**
   * @param canonical a duration parameter's value as {@link #get} gives it ({@code lock_timeout})
   * @return it in milliseconds
   */
  public static long milliseconds(String canonical) {
    return ParameterValues.millisecondsOf(canonical);
  }

  /**
   * Checks a server default as a session would SET it.
   *
   * @param name a known parameter
   * @param value its value
   * @return the canonical value
   * @throws SqlException as {@link #set} does
   */
  public static String checkDefault(String name, String value) {
    Parameter p = changeable(name);
    if (p == null) {
      throw unrecognized(name);
    }
    return p.check(value, p.defaultValue());
  }

  /**
   * @param transaction what {@code transaction_isolation} and its siblings show and change: the
   *     session's transaction block
   * @return this
   */
  public SessionSettings transactionParameters(TransactionParameters transaction) {
    this.transaction = transaction;
    version++;
    return this;
  }

  /**
   * @param key a lower-case parameter name
   * @return the {@code default_transaction_*} parameter a {@code transaction_*} one falls back
   *     to, or null if key is not one of those
   */
  private static String transactionDefault(String key) {
    return switch (key) {
      case "transaction_isolation" -> "default_transaction_isolation";
      case "transaction_read_only" -> "default_transaction_read_only";
      case "transaction_deferrable" -> "default_transaction_deferrable";
      default -> null;
    };
  }

  /**
   * The value {@code SHOW name} gives.
   *
   * @param name a parameter name, any case
   * @return its value
   * @throws SqlException 42704 if there is no such parameter
   */
  public String get(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    String fallback = transactionDefault(key);
    if (fallback != null) {
      String inBlock = transaction.current(key);
      if (inBlock != null) {
        return inBlock;
      }
      key = fallback;
    }
    Parameter p = Parameters.find(key);
    if (p == null) {
      if (!placeholderNames.containsKey(key)) {
        throw unrecognized(name);
      }
      return values.getOrDefault(key, "");
    }
    return values.getOrDefault(key, resetValues.getOrDefault(key, serverDefaults.getOrDefault(key, p.defaultValue())));
  }

  /**
   * The name as {@code SHOW} titles its column: PostgreSQL's spelling for known parameters.
   *
   * @param name a parameter name, any case
   * @return its display name
   * @throws SqlException 42704 if there is no such parameter
   */
  public String displayName(String name) {
    Parameter p = Parameters.find(name);
    if (p != null) {
      return p.name();
    }
    String placeholder = placeholderNames.get(name.toLowerCase(Locale.ROOT));
    if (placeholder == null) {
      throw unrecognized(name);
    }
    return placeholder;
  }

  /**
   * Sets a parameter for the rest of the session ({@code SET name TO value}).
   *
   * @param name a parameter name, any case; a name with a dot is a custom placeholder
   * @param value the value as written (a SET's values already joined)
   * @throws SqlException 42704 for an unknown name, 55P02 for a read-only parameter, 22023 (or
   *     0A000) for a refused value
   */
  public void set(String name, String value) {
    String key = name.toLowerCase(Locale.ROOT);
    String canonical = check(name, value);
    version++;
    if (transactionDefault(key) != null) {
      transaction.set(key, canonical); // the block's mode, not a session value
      return;
    }
    if (Parameters.find(key) == null) {
      placeholderNames.putIfAbsent(key, name);
    }
    values.put(key, canonical);
    if (key.equals("timezone")) {
      zone = null;
    }
  }

  /**
   * Checks a value as {@link #set} would, without setting it ({@code SET LOCAL} outside a
   * transaction, which has no effect in PostgreSQL either).
   *
   * @param name a parameter name
   * @param value the value
   * @return the canonical value
   */
  public String check(String name, String value) {
    Parameter p = changeable(name);
    return p == null ? value : p.check(value, get(p.name()));
  }

  /**
   * Sets a parameter and makes the value its reset value, as a client's connection options do.
   *
   * @param name a parameter name
   * @param value the value
   */
  public void setAsDefault(String name, String value) {
    set(name, value);
    String key = name.toLowerCase(Locale.ROOT);
    resetValues.put(key, values.get(key));
    version++;
  }

  /**
   * Records the role the session runs as: {@code session_authorization} and {@code is_superuser}
   * (reported to clients), set as their reset values without the checks SET makes.
   *
   * @param user the role's name
   * @param superuser whether it is a superuser
   */
  public void setSessionUser(String user, boolean superuser) {
    version++;
    values.put("session_authorization", user);
    resetValues.put("session_authorization", user);
    values.put("is_superuser", superuser ? "on" : "off");
    resetValues.put("is_superuser", superuser ? "on" : "off");
  }

  /**
   * Returns a parameter to its reset value ({@code RESET name}, {@code SET name TO DEFAULT}).
   *
   * @param name a parameter name
   * @throws SqlException 42704 for an unknown name, 55P02 for a read-only parameter
   */
  public void reset(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Parameter p = changeable(name);
    if (p == null) {
      placeholderNames.putIfAbsent(key, name);
    }
    if (transactionDefault(key) != null) {
      return; // RESET transaction_isolation: the block keeps its mode
    }
    version++;
    values.remove(key);
    if (key.equals("timezone")) {
      zone = null;
    }
  }

  /** Returns every parameter to its reset value ({@code RESET ALL}). */
  public void resetAll() {
    version++;
    values.clear();
    zone = null;
  }

  /**
   * @return name, value and description of every known parameter, as {@code SHOW ALL} lists them
   *     (placeholders are not listed, as in PostgreSQL)
   */
  public List<String[]> all() {
    List<String[]> out = new ArrayList<>();
    for (Parameter p : Parameters.all()) {
      out.add(new String[] {p.name(), get(p.name()), p.description()});
    }
    return out;
  }

  /**
   * The reported parameters whose values changed since the last call: on the first call, all of
   * them (what a server sends after authentication), then only those that changed.
   *
   * @return name → value, in name order
   */
  public Map<String, String> changedReported() {
    if (reportedVersion == version) {
      return Map.of(); // nothing changed since the last call (asked after every statement)
    }
    reportedVersion = version;
    Map<String, String> out = null;
    for (Parameter p : Parameters.reported()) {
      String v = get(p.name());
      if (!v.equals(reported.get(p.name()))) {
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        out.put(p.name(), v);
        reported.put(p.name(), v);
      }
    }
    return out == null ? Map.of() : out;
  }

  /** @return the session time zone ({@code TimeZone}) */
  public ZoneId timeZone() {
    if (zone == null) {
      zone = TimeZones.zoneOf(get("TimeZone"));
    }
    return zone;
  }

  /** @return the identifiers of {@code search_path}, in order ({@code $user} as written) */
  public List<String> searchPath() {
    if (pathVersion != version) {
      List<String> split = SearchPath.split(get("search_path"));
      path = split == null ? List.of() : List.copyOf(split);
      pathVersion = version;
    }
    return path; // the same list until a setting changes: callers may key caches on it
  }

  /** @return {@code statement_timeout} in milliseconds, 0 for none */
  public long statementTimeoutMillis() {
    if (timeoutVersion != version) {
      statementTimeout = milliseconds(get("statement_timeout"));
      timeoutVersion = version;
    }
    return statementTimeout;
  }

  /**
   * @return the known parameter of that name, or null for a placeholder
   * @throws SqlException 42704 for a name without a dot that is not known, 55P02 if read-only
   */
  static Parameter changeable(String name) {
    Parameter p = Parameters.find(name);
    if (p == null) {
      if (name.indexOf('.') < 0) {
        throw unrecognized(name);
      }
      if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)+")) {
        throw new SqlException(SqlState.INVALID_NAME, "invalid configuration parameter name \"" + name + "\"",
            "Custom parameter names must be two or more simple identifiers separated by dots.", null, null);
      }
      return null;
    }
    if (p.has(Parameter.Flag.READ_ONLY)) {
      throw new SqlException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + p.name() + "\" cannot be changed");
    }
    return p;
  }

  private static SqlException unrecognized(String name) {
    return new SqlException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
  }
}

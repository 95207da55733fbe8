package io.phantomdb.kernel.sql.session;

import static io.phantomdb.kernel.sql.session.Parameter.Flag.LIST;
import static io.phantomdb.kernel.sql.session.Parameter.Flag.LIST_QUOTE;
import static io.phantomdb.kernel.sql.session.Parameter.Flag.READ_ONLY;
import static io.phantomdb.kernel.sql.session.Parameter.Flag.REPORTED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration parameters PhantomDB knows, with PostgreSQL 15's names, descriptions,
 * defaults and flags. Names are case-insensitive. Names with a dot ({@code myapp.user_id}) are
 * not here: they are custom placeholders any session may set ({@link SessionSettings}).
 */
public final class Parameters {
  /** The PostgreSQL version PhantomDB speaks for: server_version, version(). */
  public static final String SERVER_VERSION = "15.0";
  /** {@link #SERVER_VERSION} as an integer, as server_version_num gives it. */
  public static final String SERVER_VERSION_NUM = "150000";

  private static final Map<String, Parameter> BY_NAME = new HashMap<>();
  private static final List<Parameter> ALL = new ArrayList<>();

  static {
    add(new Parameter("application_name", "Sets the application name to be reported in statistics and logs.",
        "", ParameterValues::printableAscii, REPORTED));
    add(new Parameter("client_encoding", "Sets the client's character set encoding.",
        "UTF8", ClientFormats::clientEncoding, REPORTED));
    add(new Parameter("DateStyle", "Sets the display format for date and time values.",
        "ISO, MDY", ClientFormats::dateStyle, REPORTED, LIST));
    add(new Parameter("default_transaction_isolation", "Sets the transaction isolation level of each new transaction.",
        "read committed", ParameterValues.oneOf("serializable", "repeatable read", "read committed", "read uncommitted")));
    add(new Parameter("default_transaction_deferrable",
        "Sets the default deferrable status of new read-only serializable transactions.",
        "off", ParameterValues::bool));
    add(new Parameter("deadlock_timeout", "Sets the time to wait on a lock before checking for deadlock.",
        "1s", ParameterValues.milliseconds(1)));
    add(new Parameter("default_transaction_read_only", "Sets the default read-only status of new transactions.",
        "off", ParameterValues::bool, REPORTED));
    add(new Parameter("extra_float_digits", "Sets the number of digits displayed for floating-point values.",
        "1", ParameterValues.integer(-15, 3)));
    add(new Parameter("idle_in_transaction_session_timeout",
        "Sets the maximum allowed idle time between queries, when in a transaction.",
        "0", ParameterValues::milliseconds));
    add(new Parameter("idle_session_timeout",
        "Sets the maximum allowed idle time between queries, when not in a transaction.",
        "0", ParameterValues::milliseconds));
    add(new Parameter("in_hot_standby", "Shows whether hot standby is currently active.",
        "off", ParameterValues::bool, READ_ONLY, REPORTED));
    add(new Parameter("integer_datetimes", "Shows whether datetimes are integer based.",
        "on", ParameterValues::bool, READ_ONLY, REPORTED));
    add(new Parameter("IntervalStyle", "Sets the display format for interval values.",
        "postgres", ClientFormats::intervalStyle, REPORTED));
    add(new Parameter("is_superuser", "Shows whether the current user is a superuser.",
        "on", ParameterValues::bool, READ_ONLY, REPORTED));
    add(new Parameter("lock_timeout", "Sets the maximum allowed duration of any wait for a lock.",
        "0", ParameterValues::milliseconds));
    add(new Parameter("max_identifier_length", "Shows the maximum identifier length.",
        "63", ParameterValues.integer(63, 63), READ_ONLY));
    add(new Parameter("max_index_keys", "Shows the maximum number of index keys.",
        "32", ParameterValues.integer(32, 32), READ_ONLY));
    add(new Parameter("search_path", "Sets the schema search order for names that are not schema-qualified.",
        "\"$user\", public", ParameterValues::identifierList, LIST, LIST_QUOTE));
    add(new Parameter("server_encoding", "Shows the server (database) character set encoding.",
        "UTF8", ParameterValues.fixed("UTF8"), READ_ONLY, REPORTED));
    add(new Parameter("server_version", "Shows the server version.",
        SERVER_VERSION, ParameterValues.fixed(SERVER_VERSION), READ_ONLY, REPORTED));
    add(new Parameter("server_version_num", "Shows the server version as an integer.",
        SERVER_VERSION_NUM, ParameterValues.fixed(SERVER_VERSION_NUM), READ_ONLY));
    add(new Parameter("session_authorization", "Sets the session user name.",
        SearchPath.USER, Parameters::knownRole, REPORTED));
    add(new Parameter("standard_conforming_strings", "Causes '...' strings to treat backslashes literally.",
        "on", ParameterValues.onlyBool(true, "PhantomDB always treats backslashes in '...' strings literally."),
        REPORTED));
    add(new Parameter("statement_timeout", "Sets the maximum allowed duration of any statement.",
        "0", ParameterValues::milliseconds));
    add(new Parameter("TimeZone", "Sets the time zone for displaying and interpreting time stamps.",
        "UTC", TimeZones::check, REPORTED));
    add(new Parameter("transaction_deferrable",
        "Whether to defer a read-only serializable transaction until it can be executed with no possible serialization failures.",
        "off", ParameterValues::bool));
    add(new Parameter("transaction_isolation", "Sets the current transaction's isolation level.",
        "read committed", ParameterValues.oneOf("serializable", "repeatable read", "read committed", "read uncommitted")));
    add(new Parameter("transaction_read_only", "Sets the current transaction's read-only status.",
        "off", ParameterValues::bool));
    ALL.sort(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)));
  }

  private Parameters() {}

  private static void add(Parameter p) {
    BY_NAME.put(p.name().toLowerCase(Locale.ROOT), p);
    ALL.add(p);
  }

  private static String knownRole(Parameter p, String value, String current) {
    if (!value.equals(SearchPath.USER)) {
      throw new io.phantomdb.kernel.sql.SqlException(io.phantomdb.kernel.sql.SqlState.INVALID_PARAMETER_VALUE,
          "role \"" + value + "\" does not exist");
    }
    return value;
  }

  /**
   * @param name a parameter name, any case
   * @return the parameter, or null if PhantomDB does not know it
   */
  public static Parameter find(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  /** @return every known parameter, by name ignoring case (the order of SHOW ALL) */
  public static List<Parameter> all() {
    return List.copyOf(ALL);
  }

  /** @return the parameters with {@link Parameter.Flag#REPORTED}, in {@link #all()} order */
  public static List<Parameter> reported() {
    return Reported.LIST;
  }

  /** Holder: computed once, after ALL is filled. */
  private static final class Reported {
    static final List<Parameter> LIST = ALL.stream().filter(p -> p.has(Parameter.Flag.REPORTED)).toList();
  }
}

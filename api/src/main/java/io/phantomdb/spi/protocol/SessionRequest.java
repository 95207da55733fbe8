package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Map;
import java.util.Objects;

/**
 * What a client asked for at start-up, after it authenticated.
 *
 * @param user the role it logged in as
 * @param database the database to connect to
 * @param settings start-up settings to apply as the session's defaults (what {@code RESET}
 *     returns to), in order: parameters of the start-up message such as {@code application_name},
 *     {@code client_encoding}, {@code DateStyle}, {@code TimeZone}, {@code search_path}, and the
 *     {@code -c name=value} items of its {@code options}; without {@code user}, {@code database}
 *     and {@code options} themselves; unmodifiable
 * @param backendPid the process id the server gave the connection (sent to the client in
 *     BackendKeyData); the kernel answers {@code pg_backend_pid()} with it
 * @param remoteAddress the client's address as text ({@code 127.0.0.1:52144}), for logs and
 *     {@code pg_stat_activity}; may be empty
 */
@Experimental
public record SessionRequest(
    String user, String database, Map<String, String> settings, int backendPid, String remoteAddress) {

  /** Checks and copies the components (the settings keep their order). */
  public SessionRequest {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }
}

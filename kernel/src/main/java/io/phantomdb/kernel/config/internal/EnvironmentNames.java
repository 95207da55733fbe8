package io.phantomdb.kernel.config.internal;

import java.util.Locale;
import java.util.Set;

/** How configuration keys map to environment variables: {@code PHANTOMDB_} + upper-cased key. */
public final class EnvironmentNames {
  /** The prefix of every variable PhantomDB reads. */
  public static final String PREFIX = "PHANTOMDB_";

  /** Variables with the prefix that the launcher reads, not the configuration. */
  public static final Set<String> RESERVED = Set.of("PHANTOMDB_JAVA_OPTS");

  private EnvironmentNames() {}

  /**
   * The variable that sets a key: {@code data.dir} is {@code PHANTOMDB_DATA_DIR}, {@code
   * storage.lsm.block-cache-size} is {@code PHANTOMDB_STORAGE_LSM_BLOCK_CACHE_SIZE}.
   *
   * @param key a configuration key
   * @return the variable name
   */
  public static String of(String key) {
    return PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}

package io.phantomdb.kernel.txn.gc;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * How version garbage collection runs: configuration keys {@code txn.gc.interval} and {@code
 * txn.gc.retention}.
 *
 * @param interval the pause between background passes; zero runs no background passes (only
 *     {@code VACUUM} and {@code SqlEngine.collectGarbage()} collect)
 * @param retention versions younger than this are kept even when no reader needs them (zero:
 *     collect everything no running statement or transaction can see, as PostgreSQL's VACUUM)
 */
public record GcSettings(Duration interval, Duration retention) {
  /** The defaults: a pass every 10 seconds, no extra retention. */
  public static final GcSettings DEFAULT = new GcSettings(Duration.ofSeconds(10), Duration.ZERO);

  /** Checks the durations. */
  public GcSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(retention, "retention");
    if (interval.isNegative() || retention.isNegative()) {
      throw new IllegalArgumentException("negative duration");
    }
  }

  /**
   * @param config the effective configuration
   * @return its {@code txn.gc.*} settings
   */
  public static GcSettings from(Config config) {
    return new GcSettings(config.get(ConfigKeys.TXN_GC_INTERVAL), config.get(ConfigKeys.TXN_GC_RETENTION));
  }

  /** @return settings with no background passes (tests collect with explicit passes) */
  public static GcSettings manual() {
    return new GcSettings(Duration.ZERO, Duration.ZERO);
  }
}

package io.phantomdb.kernel.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigLoader;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.TestStorage;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The txn.* configuration keys become the sessions' defaults of the transaction settings. */
class TransactionConfigTest {
  @TempDir Path dir;

  private Config config(String... overrides) {
    return ConfigLoader.forHome(dir).overrides(List.of(overrides)).load();
  }

  private static String show(Session s, String name) {
    try (StatementResult r = s.execute("SHOW " + name)) {
      return (String) r.next()[0];
    }
  }

  @Test
  void keysSetTheSessionDefaults() {
    Config c = config("txn.default-isolation=Repeatable  Read", "txn.lock-timeout=1500ms", "txn.deadlock-timeout=2s");
    try (StorageEngine storage = TestStorage.open("memory", dir.resolve("s"));
        EmbeddedSql sql = EmbeddedSql.open(storage, c);
        Session s = sql.newSession()) {
      assertThat(show(s, "default_transaction_isolation")).isEqualTo("repeatable read");
      assertThat(show(s, "lock_timeout")).isEqualTo("1500ms");
      assertThat(show(s, "deadlock_timeout")).isEqualTo("2s");
      s.execute("SET lock_timeout = 0").close();
      assertThat(show(s, "lock_timeout")).isEqualTo("0");
      s.execute("RESET lock_timeout").close();
      assertThat(show(s, "lock_timeout")).isEqualTo("1500ms"); // RESET returns to the server's default
    }
  }

  @Test
  void defaultsAreThoseOfPostgres() {
    try (StorageEngine storage = TestStorage.open("memory", dir.resolve("s"));
        EmbeddedSql sql = EmbeddedSql.open(storage, config());
        Session s = sql.newSession()) {
      assertThat(show(s, "default_transaction_isolation")).isEqualTo("read committed");
      assertThat(show(s, "lock_timeout")).isEqualTo("0");
      assertThat(show(s, "deadlock_timeout")).isEqualTo("1s");
    }
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> config("txn.lock-timeout=soon")).hasMessageContaining("txn.lock-timeout")
        .hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> config("txn.default-isolation=chaos")).hasMessageContaining("is not an isolation level");
    assertThatThrownBy(() -> config("txn.deadlock-timeout=3000000000")).hasMessageContaining("too long");
  }
}

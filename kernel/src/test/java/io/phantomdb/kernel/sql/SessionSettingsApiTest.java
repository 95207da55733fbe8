package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings part of the Session API, as a protocol server uses it. */
class SessionSettingsApiTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    engine = SqlEngine.open(storage);
    session = engine.newSession();
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  private void exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
    }
  }

  private static String state(Runnable r) {
    try {
      r.run();
    } catch (SqlException e) {
      return e.sqlState();
    }
    return "no error";
  }

  @Test
  void theFirstCallReportsEveryReportedParameterThenOnlyChanges() {
    Map<String, String> all = session.changedReportedSettings();
    assertThat(all).containsExactly(
        Map.entry("application_name", ""),
        Map.entry("client_encoding", "UTF8"),
        Map.entry("DateStyle", "ISO, MDY"),
        Map.entry("default_transaction_read_only", "off"),
        Map.entry("in_hot_standby", "off"),
        Map.entry("integer_datetimes", "on"),
        Map.entry("IntervalStyle", "postgres"),
        Map.entry("is_superuser", "on"),
        Map.entry("server_encoding", "UTF8"),
        Map.entry("server_version", "15.0"),
        Map.entry("session_authorization", "postgres"),
        Map.entry("standard_conforming_strings", "on"),
        Map.entry("TimeZone", "UTC"));
    assertThat(session.changedReportedSettings()).isEmpty();

    exec("SET statement_timeout = '1s'"); // not a reported parameter
    exec("SELECT 1");
    assertThat(session.changedReportedSettings()).isEmpty();

    exec("SET TIME ZONE 'europe/berlin'");
    exec("SET application_name = 'app'");
    assertThat(session.changedReportedSettings())
        .containsExactly(Map.entry("application_name", "app"), Map.entry("TimeZone", "Europe/Berlin"));
    assertThat(session.changedReportedSettings()).isEmpty();

    // setting the same value again is no change; a failed SET changes nothing
    exec("SET application_name = 'app'");
    assertThat(state(() -> exec("SET TIME ZONE 'nowhere'"))).isEqualTo("22023");
    assertThat(session.changedReportedSettings()).isEmpty();

    exec("RESET ALL");
    assertThat(session.changedReportedSettings())
        .containsExactly(Map.entry("application_name", ""), Map.entry("TimeZone", "UTC"));
  }

  @Test
  void settingsReadAsShowGivesThem() {
    assertThat(session.setting("TimeZone")).isEqualTo("UTC");
    assertThat(session.setting("timezone")).isEqualTo("UTC");
    assertThat(session.setting("search_path")).isEqualTo("\"$user\", public");
    exec("SET statement_timeout = 90000");
    assertThat(session.setting("STATEMENT_TIMEOUT")).isEqualTo("90s");
    assertThat(state(() -> session.setting("nosuch"))).isEqualTo("42704");
    assertThat(state(() -> session.setting("my.unset"))).isEqualTo("42704");
    exec("SET my.flag = on");
    assertThat(session.setting("my.flag")).isEqualTo("on");
  }

  @Test
  void startupSettingsAreWhatResetReturnsTo() {
    session.setStartupSetting("application_name", "psql");
    session.setStartupSetting("TimeZone", "America/New_York");
    session.setStartupSetting("search_path", "app, public");
    assertThat(session.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(session.changedReportedSettings())
        .containsEntry("application_name", "psql").containsEntry("TimeZone", "America/New_York");

    exec("SET application_name = 'other'");
    exec("SET TIME ZONE 'UTC'");
    assertThat(session.timeZone()).isEqualTo(ZoneId.of("UTC"));
    exec("RESET application_name");
    assertThat(session.setting("application_name")).isEqualTo("psql");
    exec("RESET ALL");
    assertThat(session.setting("TimeZone")).isEqualTo("America/New_York");
    assertThat(session.setting("search_path")).isEqualTo("app, public");
    // back where the client was last told: nothing to report
    assertThat(session.changedReportedSettings()).isEmpty();

    // checked as SET checks them
    assertThat(state(() -> session.setStartupSetting("client_encoding", "LATIN1"))).isEqualTo("0A000");
    assertThat(state(() -> session.setStartupSetting("DateStyle", "Nonsense"))).isEqualTo("22023");
    assertThat(state(() -> session.setStartupSetting("server_version", "16"))).isEqualTo("55P02");
    assertThat(state(() -> session.setStartupSetting("nosuch", "1"))).isEqualTo("42704");
    // a raw list with invalid syntax (SET cannot produce one: it quotes its strings)
    assertThat(state(() -> session.setStartupSetting("search_path", "a, \"b"))).isEqualTo("22023");
    assertThat(state(() -> session.setStartupSetting("search_path", "a,,b"))).isEqualTo("22023");
    session.setStartupSetting("DateStyle", "ISO");
    session.setStartupSetting("client_encoding", "UTF8");
    assertThat(session.setting("DateStyle")).isEqualTo("ISO, MDY");
  }

  @Test
  void timestamptzValuesAreInstantsShownInTheSessionZone() {
    exec("SET TIME ZONE 'Asia/Kolkata'");
    assertThat(session.timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    try (StatementResult r = session.execute("SELECT '2024-01-01 05:30:00'::timestamptz")) {
      Object[] row = r.next();
      assertThat(row[0]).isEqualTo(java.time.Instant.parse("2024-01-01T00:00:00Z"));
      assertThat(io.phantomdb.kernel.sql.type.TextCodec.format(row[0], r.columns().get(0).type(), session.timeZone()))
          .isEqualTo("2024-01-01 05:30:00+05:30");
    }
    exec("SET TIME ZONE 2");
    assertThat(session.timeZone()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void showAllListsNameSettingAndDescriptionByName() {
    try (StatementResult r = session.execute("SHOW ALL")) {
      assertThat(r.columns()).extracting(ColumnInfo::name).containsExactly("name", "setting", "description");
      assertThat(r.columns()).allSatisfy(c -> assertThat(c.type().kind()).isEqualTo(TypeKind.TEXT));
      List<String> names = new ArrayList<>();
      Object[] row;
      while ((row = r.next()) != null) {
        names.add((String) row[0]);
        if (row[0].equals("TimeZone")) {
          assertThat(row[1]).isEqualTo("UTC");
          assertThat(row[2]).isEqualTo("Sets the time zone for displaying and interpreting time stamps.");
        }
      }
      assertThat(names).contains("search_path", "TimeZone", "DateStyle", "server_version", "statement_timeout")
          .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).doesNotHaveDuplicates();
      assertThat(r.commandTag()).isEqualTo("SHOW");
    }
    try (StatementResult r = session.execute("SHOW timezone")) {
      assertThat(r.columns()).containsExactly(new ColumnInfo("TimeZone", io.phantomdb.kernel.sql.type.DataType.of(TypeKind.TEXT)));
    }
    exec("SET my.x = 1");
    try (StatementResult r = session.execute("SHOW ALL")) {
      Object[] row;
      while ((row = r.next()) != null) {
        assertThat(row[0]).isNotEqualTo("my.x"); // placeholders are not listed, as in PostgreSQL
      }
    }
  }

  @Test
  void setLocalChecksButChangesNothing() {
    exec("SET LOCAL TIME ZONE 'Asia/Tokyo'");
    assertThat(session.setting("TimeZone")).isEqualTo("UTC");
    assertThat(session.changedReportedSettings()).containsEntry("TimeZone", "UTC");
    assertThatThrownBy(() -> exec("SET LOCAL TIME ZONE 'nowhere'")).isInstanceOf(SqlException.class);
  }
}

package io.phantomdb.kernel.sql.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value syntax of parameters: identifier lists, time zones, durations, booleans. */
class SessionValuesTest {
  private static final Parameter TZ = Parameters.find("timezone");

  @Test
  void identifierListsAsPostgresSplitsThem() {
    assertThat(SearchPath.split("\"$user\", public")).containsExactly("$user", "public");
    assertThat(SearchPath.split("  App ,\"My \"\"Schema\"\"\",x")).containsExactly("app", "My \"Schema\"", "x");
    assertThat(SearchPath.split("")).isEmpty();
    assertThat(SearchPath.split("   ")).isEmpty();
    assertThat(SearchPath.split("\"\"")).containsExactly("");
    assertThat(SearchPath.split("a,")).isNull();
    assertThat(SearchPath.split(",a")).isNull();
    assertThat(SearchPath.split("a b")).isNull();
    assertThat(SearchPath.split("\"a")).isNull();
    assertThat(SearchPath.quote("public")).isEqualTo("public");
    assertThat(SearchPath.quote("$user")).isEqualTo("\"$user\"");
    assertThat(SearchPath.quote("My \"S\"")).isEqualTo("\"My \"\"S\"\"\"");
    assertThat(SearchPath.quote("1a")).isEqualTo("\"1a\"");
  }

  @Test
  void timeZonesByNameOffsetIntervalAndPosixSpec() {
    assertThat(TimeZones.parse(TZ, "america/NEW_york")).isEqualTo(
        new TimeZones.Zone("America/New_York", ZoneId.of("America/New_York")));
    assertThat(TimeZones.parse(TZ, "utc").name()).isEqualTo("UTC");
    assertThat(TimeZones.parse(TZ, "-7")).isEqualTo(new TimeZones.Zone("<-07>+07", ZoneOffset.ofHours(-7)));
    assertThat(TimeZones.parse(TZ, "5.75")).isEqualTo(
        new TimeZones.Zone("<+05:45>-05:45", ZoneOffset.ofHoursMinutes(5, 45)));
    assertThat(TimeZones.parse(TZ, "INTERVAL '-03:30:15'")).isEqualTo(
        new TimeZones.Zone("<-03:30:15>+03:30:15", ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15)));
    // POSIX: west of UTC is positive
    assertThat(TimeZones.parse(TZ, "utc+3")).isEqualTo(new TimeZones.Zone("UTC+3", ZoneOffset.ofHours(-3)));
    assertThat(TimeZones.parse(TZ, "+02:00")).isEqualTo(new TimeZones.Zone("+02:00", ZoneOffset.ofHours(-2)));
    assertThat(TimeZones.parse(TZ, "<+04>-04")).isEqualTo(new TimeZones.Zone("<+04>-04", ZoneOffset.ofHours(4)));
    // the canonical names read back as the same zone
    for (String v : List.of("-7", "5.75", "INTERVAL '-03:30:15'", "utc+3", "Europe/Paris")) {
      TimeZones.Zone z = TimeZones.parse(TZ, v);
      assertThat(TimeZones.parse(TZ, z.name())).isEqualTo(z);
    }
    for (String bad : List.of("nowhere", "PST", "19", "UTC+19", "INTERVAL '1 day'", "EST5EDT,M3.2.0,M11.1.0", "")) {
      assertThatThrownBy(() -> TimeZones.parse(TZ, bad)).as(bad).isInstanceOfSatisfying(SqlException.class,
          e -> assertThat(e.sqlState()).isEqualTo("22023"));
    }
  }

  @Test
  void durationsAndBooleans() {
    Parameter p = Parameters.find("statement_timeout");
    assertThat(p.check("0", "0")).isEqualTo("0");
    assertThat(p.check("1000", "0")).isEqualTo("1s");
    assertThat(p.check("1500", "0")).isEqualTo("1500ms");
    assertThat(p.check(" 3 min ", "0")).isEqualTo("3min");
    assertThat(p.check("86400s", "0")).isEqualTo("1d");
    assertThat(p.check("2500us", "0")).isEqualTo("2ms"); // rint, as PostgreSQL
    assertThat(p.check("3500us", "0")).isEqualTo("4ms");
    assertThat(ParameterValues.millisecondsOf("3min")).isEqualTo(180_000);
    assertThat(ParameterValues.millisecondsOf("1500ms")).isEqualTo(1500);
    assertThatThrownBy(() -> p.check("3 MIN", "0")).hasMessageContaining("invalid value");
    assertThatThrownBy(() -> p.check("30d", "0")).hasMessage(
        "2592000000 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
    assertThat(ParameterValues.parseBool("ON")).isTrue();
    assertThat(ParameterValues.parseBool("of")).isFalse();
    assertThat(ParameterValues.parseBool("o")).isNull();
    assertThat(ParameterValues.parseBool("y")).isTrue();
    assertThat(ParameterValues.parseBool("0")).isFalse();
    assertThat(ParameterValues.parseBool("2")).isNull();
  }
}

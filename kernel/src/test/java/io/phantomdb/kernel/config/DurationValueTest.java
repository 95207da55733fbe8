package io.phantomdb.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationValueTest {
  private static Duration parse(String text) {
    return ValueTypes.DURATION.parse(text, Path.of("/"));
  }

  @Test
  void parsesAWholeNumberAndAUnit() {
    assertThat(parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(parse("2 min")).isEqualTo(Duration.ofMinutes(2));
    assertThat(parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(parse("0")).isZero();
  }

  @Test
  void refusesNumbersWithoutAUnitAndAnythingElse() {
    for (String bad : new String[] {"10", "-1s", "1.5s", "s", "", "10 weeks"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a duration");
    }
  }
}

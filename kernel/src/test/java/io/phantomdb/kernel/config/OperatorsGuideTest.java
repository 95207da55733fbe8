package io.phantomdb.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/operators.md has a table row for every key, with its default. */
class OperatorsGuideTest {
  @Test
  void listsEveryKeyWithItsDefault() throws IOException {
    String guide = Files.readString(
        Path.of(System.getProperty("phantomdb.operators.guide", "../docs/operators.md")));
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      String defaultCell = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
      assertThat(guide).contains("| `" + key.name() + "` | " + defaultCell + " |");
    }
    assertThat(guide).contains("| `" + EngineOptionKey.PATTERN + "` |");
  }
}

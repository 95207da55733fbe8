package io.phantomdb.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.config.internal.ConfFileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** distribution/src/conf/phantomdb.conf documents exactly the keys in {@link ConfigKeys}. */
class ShippedConfFileTest {
  private static final Pattern DOCUMENTED =
      Pattern.compile("#\\s*([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)\\s*=(.*)");

  private static Path shipped() {
    String p = System.getProperty("phantomdb.shipped.conf", "../distribution/src/conf/phantomdb.conf");
    return Path.of(p);
  }

  private static Map<String, String> documented() throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(shipped())) {
      Matcher m = DOCUMENTED.matcher(line.strip());
      if (m.matches()) {
        assertThat(keys.put(m.group(1), m.group(2).strip())).as("documented twice: " + m.group(1)).isNull();
      }
    }
    return keys;
  }

  @Test
  void documentsEveryKeyWithItsDefaultAndNothingElse() throws IOException {
    Map<String, String> expected = ConfigKeys.ALL.stream()
        .collect(Collectors.toMap(ConfigKey::name, ConfigKey::defaultValue, (a, b) -> a, LinkedHashMap::new));
    assertThat(documented()).containsExactlyEntriesOf(expected);
  }

  @Test
  void setsNothingAsShipped() {
    assertThat(ConfFileParser.parse(shipped())).isEmpty();
  }

  @Test
  void everyDocumentedDefaultIsAValidValue(@TempDir Path home) throws IOException {
    String uncommented = documented().entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"));
    Path f = home.resolve("all.conf");
    Files.writeString(f, uncommented);
    Config c = ConfigLoader.forHome(home).file(f, true).load();
    assertThat(c.get(ConfigKeys.PLUGINS_DIR)).isEqualTo(home.resolve("plugins"));
  }
}

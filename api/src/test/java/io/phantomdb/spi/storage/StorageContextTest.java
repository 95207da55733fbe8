package io.phantomdb.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.ApiVersion;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageContextTest {
  private final StorageContext ctx =
      new StorageContext(
          Path.of("/tmp/x"),
          Map.of("cache", "512MB", "small", "64 kb", "plain", "100", "n", "12", "flag", "TRUE", "bad", "lots"));

  @Test
  void parsesSizesWithUnits() {
    assertThat(ctx.sizeOption("cache", 0)).isEqualTo(512L << 20);
    assertThat(ctx.sizeOption("small", 0)).isEqualTo(64L << 10);
    assertThat(ctx.sizeOption("plain", 0)).isEqualTo(100);
    assertThat(ctx.sizeOption("absent", 7)).isEqualTo(7);
    assertThatThrownBy(() -> ctx.sizeOption("bad", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad'")
        .hasMessageContaining("lots");
  }

  @Test
  void parsesNumbersAndBooleans() {
    assertThat(ctx.intOption("n", 0)).isEqualTo(12);
    assertThat(ctx.booleanOption("flag", false)).isTrue();
    assertThatThrownBy(() -> ctx.intOption("bad", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ctx.booleanOption("bad", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void apiVersionIsSemantic() {
    assertThat(ApiVersion.current()).matches("\\d+\\.\\d+\\.\\d+");
  }
}

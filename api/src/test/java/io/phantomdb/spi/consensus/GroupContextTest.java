package io.phantomdb.spi.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupContextTest {
  private static final StateMachine NOTHING =
      new StateMachine() {
        @Override
        public void apply(List<LogEntry> entries) {}

        @Override
        public long lastApplied() {
          return 0;
        }

        @Override
        public long takeSnapshot(OutputStream out) {
          return 0;
        }

        @Override
        public void restore(InputStream in) {}
      };

  @Test
  void groupIdsMustBeUsableAsFileNames() {
    assertThat(GroupContext.of("shard-1.a_B", NOTHING, Path.of("g")).groupId()).isEqualTo("shard-1.a_B");
    assertThatThrownBy(() -> GroupContext.of("", NOTHING, Path.of("g")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group id '' must be 1 to 200 characters from [A-Za-z0-9_.-]");
    assertThatThrownBy(() -> GroupContext.of("a/b", NOTHING, Path.of("g")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GroupContext.of("x".repeat(201), NOTHING, Path.of("g")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GroupContext.of("g", null, Path.of("g")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stateMachine");
  }

  @Test
  void optionsAreCopiedAndParsed() {
    Map<String, String> options = new HashMap<>(Map.of("n", " 12 ", "bad", "many"));
    GroupContext ctx = new GroupContext("g", NOTHING, Path.of("g"), options);
    options.put("late", "1");
    assertThat(ctx.options()).containsOnlyKeys("n", "bad");
    assertThat(ctx.intOption("n", 0)).isEqualTo(12);
    assertThat(ctx.intOption("absent", 7)).isEqualTo(7);
    assertThat(ctx.option("bad", "x")).isEqualTo("many");
    assertThatThrownBy(() -> ctx.intOption("bad", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option 'bad' must be a whole number, got 'many'");
  }

  @Test
  void logEntriesCompareCommandContents() {
    assertThat(new LogEntry(3, new byte[] {1, 2})).isEqualTo(new LogEntry(3, new byte[] {1, 2}))
        .hasSameHashCodeAs(new LogEntry(3, new byte[] {1, 2}))
        .isNotEqualTo(new LogEntry(4, new byte[] {1, 2}))
        .isNotEqualTo(new LogEntry(3, new byte[] {1}))
        .hasToString("LogEntry[index=3, command=2 bytes]");
    assertThatThrownBy(() -> new LogEntry(0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("log indexes start at 1, got 0");
    assertThatThrownBy(() -> new LogEntry(1, null)).isInstanceOf(NullPointerException.class);
  }
}

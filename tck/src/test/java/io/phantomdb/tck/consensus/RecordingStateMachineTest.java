package io.phantomdb.tck.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.consensus.LogEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStateMachineTest {
  @TempDir Path dir;

  private static LogEntry e(long index, String command) {
    return new LogEntry(index, command.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> commands(RecordingStateMachine sm) {
    return sm.entries().stream().map(x -> new String(x.command(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void appliesInOrderSkipsReplaysAndKeepsItAll() {
    try (RecordingStateMachine sm = RecordingStateMachine.open(dir)) {
      sm.apply(List.of(e(1, "a"), e(2, "b"), e(3, "c")));
      sm.apply(List.of(e(2, "replayed"), e(3, "replayed"), e(4, "d")));
      sm.apply(List.of(e(1, "replayed")));
      assertThat(sm.lastApplied()).isEqualTo(4);
      assertThat(commands(sm)).containsExactly("a", "b", "c", "d");
      assertThat(sm.applySizes()).containsExactly(3, 3, 1);
      assertThat(sm.violations()).isEmpty();
    }
    try (RecordingStateMachine sm = RecordingStateMachine.open(dir)) {
      assertThat(sm.lastApplied()).isEqualTo(4);
      assertThat(commands(sm)).containsExactly("a", "b", "c", "d");
      assertThat(sm.applyCalls()).isZero();
    }
  }

  @Test
  void contractBreachesAreRecordedAndNothingIsApplied() {
    try (RecordingStateMachine sm = RecordingStateMachine.open(dir)) {
      assertThatThrownBy(() -> sm.apply(List.of(e(2, "gap")))).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> sm.apply(List.of())).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> sm.apply(List.of(e(1, "a"), e(3, "c")))).isInstanceOf(IllegalStateException.class);
      sm.fence();
      assertThatThrownBy(() -> sm.apply(List.of(e(1, "late")))).isInstanceOf(IllegalStateException.class);
      assertThat(sm.violations()).containsExactly(
          "entry 2 was applied after entry 0: a gap",
          "apply was called with no entries",
          "entry 3 follows entry 1 in one apply call",
          "apply was called after the group was closed");
      assertThat(sm.lastApplied()).isZero();
      assertThat(sm.entries()).isEmpty();
    }
  }

  @Test
  void aPoisonedCommandFailsTheWholeCallWithoutAViolation() {
    try (RecordingStateMachine sm = RecordingStateMachine.open(dir)) {
      sm.failOn("bad".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> sm.apply(List.of(e(1, "fine"), e(2, "bad"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("entry 2");
      assertThat(sm.lastApplied()).isZero();
      sm.failOn(null);
      sm.apply(List.of(e(1, "fine"), e(2, "bad")));
      assertThat(commands(sm)).containsExactly("fine", "bad");
      assertThat(sm.violations()).isEmpty();
    }
  }

  @Test
  void aSnapshotRestoresTheSameStateElsewhere() throws IOException {
    ByteArrayOutputStream image = new ByteArrayOutputStream();
    try (RecordingStateMachine source = RecordingStateMachine.open(dir.resolve("source"))) {
      source.apply(List.of(e(1, "a"), e(2, "b"), e(3, "c")));
      assertThat(source.takeSnapshot(image)).isEqualTo(3);
    }
    try (RecordingStateMachine target = RecordingStateMachine.open(dir.resolve("target"))) {
      target.apply(List.of(e(1, "x"), e(2, "y"), e(3, "z"), e(4, "w")));
      byte[] bytes = image.toByteArray();
      assertThatThrownBy(() -> target.restore(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 1))))
          .isInstanceOf(IOException.class);
      assertThat(commands(target)).containsExactly("x", "y", "z", "w");
      target.restore(new ByteArrayInputStream(bytes));
      assertThat(target.lastApplied()).isEqualTo(3);
      assertThat(commands(target)).containsExactly("a", "b", "c");
      target.apply(List.of(e(4, "d")));
      assertThat(commands(target)).containsExactly("a", "b", "c", "d");
    }
    try (RecordingStateMachine reopened = RecordingStateMachine.open(dir.resolve("target"))) {
      assertThat(reopened.lastApplied()).isEqualTo(4);
    }
  }
}

package io.phantomdb.kernel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.error.OperatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void aNewDirectoryGetsTheFormatAndTheLockWithThePid() throws Exception {
    Path dir = tmp.resolve("data");
    try (DataDirectory d = DataDirectory.open(dir)) {
      assertThat(d.path()).isEqualTo(dir.toAbsolutePath());
      assertThat(Files.readString(dir.resolve(DataDirectory.FORMAT_FILE))).isEqualTo("1\n");
      assertThat(Files.readString(dir.resolve(DataDirectory.LOCK_FILE)).strip())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void aHeldDirectoryIsRefusedUntilReleased() {
    Path dir = tmp.resolve("data");
    try (DataDirectory d = DataDirectory.open(dir)) {
      assertThatThrownBy(() -> DataDirectory.open(dir))
          .isInstanceOf(OperatorException.class)
          .hasMessage("data directory " + dir.toAbsolutePath() + " is in use by another PhantomDB process (pid "
              + ProcessHandle.current().pid() + "); stop it first or choose another --data-dir");
    }
    DataDirectory.open(dir).close();
  }

  @Test
  void anotherFormatVersionIsRefused() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(dir.resolve(DataDirectory.FORMAT_FILE), "7\n");
    assertThatThrownBy(() -> DataDirectory.open(dir))
        .isInstanceOf(OperatorException.class)
        .hasMessage("data directory " + dir.toAbsolutePath() + " has format version 7; this PhantomDB reads "
            + "format version 1 (it was written by a newer PhantomDB)");
    Files.writeString(dir.resolve(DataDirectory.FORMAT_FILE), "x");
    assertThatThrownBy(() -> DataDirectory.open(dir)).hasMessageContaining("unreadable FORMAT file");
    Files.writeString(dir.resolve(DataDirectory.FORMAT_FILE), "1\n");
    DataDirectory.open(dir).close(); // a refused open released the lock
  }
}

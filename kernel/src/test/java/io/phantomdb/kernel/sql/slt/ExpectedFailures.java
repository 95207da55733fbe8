package io.phantomdb.kernel.sql.slt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * Records of the corpus that are expected to fail, from {@code slt/expected-failures.txt}: lines
 * {@code file:line reason}. Two kinds: {@code postgres-rejects} (SQLite-only syntax that
 * PostgreSQL 15 refuses too, per the corpus README; failing is correct) and {@code gap:} (a
 * feature PhantomDB lacks yet). Such a record's test asserts that it fails, so a record that starts
 * passing makes the suite fail until it is taken off the list: the list can only shrink. A suite
 * may add lists of its own ({@link SqlLogicTest#expectedFailureLists()}: the pgwire plugin's
 * differences over the wire).
 */
final class ExpectedFailures {
  /** The kernel's list, for the corpus on every storage engine and over the wire. */
  static final String KERNEL_LIST = "/slt/expected-failures.txt";

  private ExpectedFailures() {}

  /**
   * @param resource a class path resource such as {@value #KERNEL_LIST}
   * @return record ({@code file:line}) to reason; empty if there is no such resource
   */
  static Map<String, String> load(String resource) {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = ExpectedFailures.class.getResourceAsStream(resource)) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = line.indexOf(' ');
        out.put(line.substring(0, space), line.substring(space + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static void assertFails(String record, String why, Executable run) {
    try {
      run.execute();
    } catch (Throwable expected) {
      return;
    }
    throw new AssertionError(record + " is listed as an expected failure (" + why
        + ") but now passes: take it off its expected-failures list");
  }
}

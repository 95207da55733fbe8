package io.phantomdb.sql.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the SQL of sqllogictest files: every {@code statement ok|error} and {@code query}
 * record, with the {@code skipif} / {@code onlyif} conditions applied for the engine name
 * {@code postgresql}.
 */
final class SqlLogicTestCorpus {
  /** The corpus root: system property {@code phantomdb.sqllogictest.dir}, else the shared copy. */
  static Path root() {
    final String dir = System.getProperty("phantomdb.sqllogictest.dir");
    return dir != null ? Paths.get(dir) : Paths.get("..", "..", "shared", "sqllogictest");
  }

  /** One record's SQL and where it is. */
  record Record(Path file, int line, String kind, String sql) {
    boolean expectsError() {
      return kind.equals("statement error");
    }

    @Override public String toString() {
      return file + ":" + line;
    }
  }

  private SqlLogicTestCorpus() {}

  /** @return every {@code *.test} file under {@code root}, sorted */
  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".test")).sorted().collect(Collectors.toList());
    }
  }

  /** @return the records of one file that PostgreSQL runs (skipif/onlyif applied) */
  static List<Record> records(Path file) throws IOException {
    final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    final List<Record> records = new ArrayList<>();
    boolean skip = false;
    for (int i = 0; i < lines.size(); i++) {
      final String line = lines.get(i).strip();
      final String[] words = line.split("\\s+");
      if (line.isEmpty()) {
        skip = false;
        continue;
      }
      if (words[0].equals("skipif")) {
        skip |= words.length > 1 && words[1].equals("postgresql");
        continue;
      }
      if (words[0].equals("onlyif")) {
        skip |= words.length > 1 && !words[1].equals("postgresql");
        continue;
      }
      if (words[0].equals("halt")) {
        break;
      }
      if (!words[0].equals("statement") && !words[0].equals("query")) {
        continue; // hash-threshold, comments, result lines
      }
      final String kind = words[0].equals("statement") ? "statement " + words[1] : "query";
      final int start = i + 1;
      final StringBuilder sql = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(lines.get(i)).append('\n');
        i++;
      }
      if (i < lines.size() && lines.get(i).equals("----")) {
        while (i < lines.size() && !lines.get(i).isBlank()) {
          i++; // skip the expected results
        }
      }
      if (!skip) {
        records.add(new Record(file, start, kind, sql.toString().strip()));
      }
      skip = false;
    }
    return records;
  }
}

package io.phantomdb.bench.compare;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver's options (see {@code bench/run.sh --help}).
 *
 * @param home the unpacked PhantomDB tarball (holds {@code bin/phantomdb})
 * @param out where servers' data, logs and results go
 * @param systems which of {@code lsm}, {@code btree}, {@code postgres} run
 * @param only which workload families run: {@code pgbench}, {@code ycsb}, {@code analytic}
 * @param seconds length of each pgbench and YCSB run
 * @param runs how many times the whole matrix runs (medians are reported)
 * @param scales pgbench scales
 * @param clients pgbench client counts
 * @param ycsbRecords YCSB record count
 * @param queryReps how many times each analytic query runs (within a time budget)
 * @param quick whether {@code --quick} was given
 */
record CompareOptions(Path home, Path out, List<String> systems, List<String> only, int seconds, int runs,
    List<Integer> scales, List<Integer> clients, int ycsbRecords, int queryReps, boolean quick) {

  static final String USAGE = """
      usage: bench/run.sh [--quick] [--duration S] [--runs N] [--systems lsm,btree,postgres]
                          [--only pgbench,ycsb,analytic] [--scales 1,10] [--clients 1,4,16]
                          [--ycsb-records N] [--out DIR]
        --quick         smoke run: scale 1, 1 and 4 clients, 5 s runs, 10k YCSB records, 1 run
        --duration S    seconds per pgbench / YCSB run (default 30; 5 with --quick)
        --runs N        repeat the whole matrix N times, report medians (default 3; 1 with --quick)
        --systems L     systems to run (default lsm,btree,postgres)
        --only L        workload families (default pgbench,ycsb,analytic)
        --out DIR       output directory (default bench/results/<UTC timestamp>)
      """;

  /** Parses the command line; {@code home} is the first argument ({@code bench/run.sh} passes it). */
  static CompareOptions parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    Path home = null;
    Path out = null;
    List<String> systems = List.of("lsm", "btree", "postgres");
    List<String> only = List.of("pgbench", "ycsb", "analytic");
    Integer seconds = null;
    Integer runs = null;
    List<Integer> scales = quick ? List.of(1) : List.of(1, 10);
    List<Integer> clients = quick ? List.of(1, 4) : List.of(1, 4, 16);
    int records = quick ? 10_000 : 100_000;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> { }
        case "--home" -> home = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--systems" -> systems = List.of(args[++i].split(","));
        case "--only" -> only = List.of(args[++i].split(","));
        case "--duration" -> seconds = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--scales" -> scales = ints(args[++i]);
        case "--clients" -> clients = ints(args[++i]);
        case "--ycsb-records" -> records = Integer.parseInt(args[++i]);
        case "--help", "-h" -> throw new IllegalArgumentException("");
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    for (String s : systems) {
      if (!List.of("lsm", "btree", "postgres").contains(s)) {
        throw new IllegalArgumentException("unknown system " + s);
      }
    }
    for (String s : only) {
      if (!List.of("pgbench", "ycsb", "analytic").contains(s)) {
        throw new IllegalArgumentException("unknown workload family " + s);
      }
    }
    if (home == null) {
      throw new IllegalArgumentException("--home <unpacked tarball> is required");
    }
    if (out == null) {
      out = Path.of("bench", "results", LocalDateTime.now(java.time.ZoneOffset.UTC)
          .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
    return new CompareOptions(home, out.toAbsolutePath(), systems, only, seconds != null ? seconds : quick ? 5 : 30,
        runs != null ? runs : quick ? 1 : 3, scales, clients, records, quick ? 3 : 10, quick);
  }

  private static List<Integer> ints(String csv) {
    List<Integer> l = new ArrayList<>();
    for (String s : csv.split(",")) {
      l.add(Integer.parseInt(s.trim()));
    }
    return l;
  }
}

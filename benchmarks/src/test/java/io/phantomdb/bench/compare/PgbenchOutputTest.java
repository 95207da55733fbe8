package io.phantomdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Parsing pgbench's summary and per-transaction logs, and the medians of the report. */
class PgbenchOutputTest {
  private static final String OUTPUT = """
      transaction type: <builtin: select only>
      scaling factor: 1
      query mode: prepared
      number of clients: 4
      number of threads: 2
      maximum number of tries: 1
      duration: 5 s
      number of transactions actually processed: 37161
      number of failed transactions: 0 (0.000%)
      latency average = 0.538 ms
      initial connection time = 8.402 ms
      tps = 7433.823950 (without initial connection time)
      """;

  @Test
  void readsTpsWithoutConnectionTimeProcessedAndFailed() {
    assertThat(PgbenchOutput.tps(OUTPUT)).isEqualTo(7433.823950);
    assertThat(PgbenchOutput.processed(OUTPUT)).isEqualTo(37161);
    assertThat(PgbenchOutput.failed(OUTPUT)).isZero();
    assertThat(PgbenchOutput.errors(OUTPUT, 3)).isEmpty();
  }

  @Test
  void readsTheOlderExcludingConnectionsLineAndErrors() {
    String old = "tps = 10.5 (including connections establishing)\ntps = 12.25 (excluding connections establishing)\n"
        + "pgbench: error: client 1 script 0 aborted in command 4 query 0: ERROR:  could not serialize access\n";
    assertThat(PgbenchOutput.tps(old)).isEqualTo(12.25);
    assertThat(PgbenchOutput.errors(old, 3)).hasSize(1).first().asString().contains("could not serialize");
    assertThat(PgbenchOutput.tps("no figures")).isNaN();
  }

  @Test
  void latencyPercentilesComeFromTheThirdColumnAndSkipFailedTransactions() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      log.append("0 ").append(i).append(' ').append(i * 100).append(" 0 1732500000 ").append(i).append('\n');
    }
    log.append("1 7 failed 0 1732500000 5\n1 8 skipped 0 1732500000 6\n");
    Histogram h = new Histogram(3_600_000_000L, 3);
    PgbenchOutput.addLatencies(new BufferedReader(new StringReader(log.toString())), h);
    assertThat(h.getTotalCount()).isEqualTo(100);
    assertThat(h.getValueAtPercentile(50)).isBetween(4995L, 5005L);
    assertThat(h.getValueAtPercentile(99)).isBetween(9895L, 9905L);
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Report.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Report.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Report.median(new double[0])).isNaN();
  }

  @Test
  void ratioIsPhantomThroughputOverPostgres() {
    Report r = new Report(List.of(
        new Result("w", "postgres", 200, "tps", 1, 2, 10, null),
        new Result("w", "lsm", 100, "tps", 1, 2, 10, null),
        new Result("w", "btree", 300, "tps", 1, 2, 10, null)), List.of("lsm", "btree", "postgres"));
    assertThat(r.rows()).extracting(Report.Row::ratio).containsExactly(0.5, 1.5, Double.NaN);
  }
}

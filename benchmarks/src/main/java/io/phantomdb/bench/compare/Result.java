package io.phantomdb.bench.compare;

/**
 * One measured run of one workload on one system.
 *
 * @param workload the workload's name, e.g. {@code pgbench s1 select-only simple c4}
 * @param system {@code lsm}, {@code btree} or {@code postgres}
 * @param throughput transactions, operations or queries per second
 * @param unit {@code tps}, {@code ops/s} or {@code q/s}
 * @param p50Ms median latency in milliseconds
 * @param p99Ms 99th percentile latency in milliseconds
 * @param rssMb peak memory of the server during the run (sum of PSS, MiB)
 * @param error why the run failed, or null
 */
record Result(String workload, String system, double throughput, String unit, double p50Ms, double p99Ms,
    long rssMb, String error) {

  /** A failed run. */
  static Result failed(String workload, String system, String unit, String error) {
    return new Result(workload, system, Double.NaN, unit, Double.NaN, Double.NaN, 0, error);
  }

  /** This result with the server's peak memory filled in. */
  Result withRss(long mb) {
    return new Result(workload, system, throughput, unit, p50Ms, p99Ms, mb, error);
  }
}

package io.phantomdb.bench.sql;

import io.phantomdb.kernel.sql.PreparedStatement;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one SQL statement over the storage engine underneath it, in one JMH run on one
 * store: a primary-key point SELECT and a single-row INSERT through the SQL engine, against the
 * engine's own get and synced put of a row of the same size. {@link StatementReport} runs it and
 * prints the differences.
 *
 * <p>Every trial gets a fresh store (under {@code -Dphantomdb.bench.dir}, default {@code
 * java.io.tmpdir}) holding table {@code kv (id INT PRIMARY KEY, v TEXT)} with {@value #ROWS} rows
 * of 100-character values, loaded by multi-row INSERTs, and a keyspace {@code raw} with the same
 * number of keys (the encoded size of the SQL keys, 100-byte values). Operations,
 * single-threaded, average time per operation:
 *
 * <ul>
 *   <li>{@code engineGet}: the storage engine's get of a random existing key;
 *   <li>{@code selectPrepared}: {@code SELECT v FROM kv WHERE id = $1}, prepared once, executed
 *       with a random existing id and its row read (what a driver's prepared statement does);
 *   <li>{@code selectText}: the same SELECT as text with the id in it, a different text each time
 *       (what {@code psql} or pgbench's simple protocol send: parsed each time, planned once);
 *   <li>{@code enginePutSync}: the engine's put of one new key and value, synced;
 *   <li>{@code insertPrepared}: {@code INSERT INTO kv (id, v) VALUES ($1, $2)} with a new id,
 *       prepared once (every statement commits alone and syncs).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
      "-Xms1g", "-Xmx1g"
    })
@Threads(1)
public class StatementBenchmark {
  static final int ROWS = 100_000;
  private static final String VALUE = "v".repeat(100);
  private static final int LOAD_BATCH = 500;

  /** The engine: {@code lsm} (RocksDB) or {@code btree} (LMDB). */
  @Param({"lsm", "btree"})
  public String engine;

  private Path dir;
  private StorageEngine storage;
  private Keyspace raw;
  private SqlEngine sql;
  private Session session;
  private PreparedStatement select;
  private PreparedStatement insert;
  private final SplittableRandom random = new SplittableRandom(42);
  private int nextId = ROWS;
  private byte[] rawValue;

  @Setup(Level.Trial)
  public void open() throws IOException {
    Path base = Path.of(System.getProperty("phantomdb.bench.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(base);
    dir = Files.createTempDirectory(base, "phantomdb-stmt-");
    storage = factory(engine).open(new StorageContext(dir, Map.of()));
    raw = storage.createKeyspace("raw");
    sql = SqlEngine.open(storage);
    session = sql.newSession();
    run("CREATE TABLE kv (id INT PRIMARY KEY, v TEXT)");
    for (int from = 0; from < ROWS; from += LOAD_BATCH) {
      StringBuilder b = new StringBuilder("INSERT INTO kv VALUES ");
      for (int id = from; id < from + LOAD_BATCH; id++) {
        b.append(id == from ? "" : ", ").append('(').append(id).append(", '").append(VALUE).append("')");
      }
      run(b.toString());
    }
    rawValue = new byte[100];
    for (int from = 0; from < ROWS; from += LOAD_BATCH) {
      WriteBatch batch = new WriteBatch(LOAD_BATCH);
      for (int i = from; i < from + LOAD_BATCH; i++) {
        batch.put(raw, rawKey(i), rawValue);
      }
      storage.write(batch, Durability.NO_SYNC);
    }
    storage.write(new WriteBatch(0), Durability.SYNC);
    select = session.prepare("SELECT v FROM kv WHERE id = $1");
    insert = session.prepare("INSERT INTO kv (id, v) VALUES ($1, $2)");
  }

  /** A key as long as the SQL row's key (table, index, INT id, version: 4 + 4 + 5 + 8 bytes). */
  private static byte[] rawKey(int i) {
    return ByteBuffer.allocate(21).putInt(7).putInt(0).put((byte) 1).putInt(i).putLong(-1L).array();
  }

  private void run(String statement) {
    try (StatementResult r = session.execute(statement)) {
      while (r.next() != null) {
        // drain
      }
    }
  }

  static StorageEngineFactory factory(String name) {
    for (StorageEngineFactory f : ServiceLoader.load(StorageEngineFactory.class)) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no storage engine named '" + name + "' on the class path");
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    session.close();
    sql.close();
    storage.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public byte[] engineGet() {
    return storage.get(raw, rawKey(random.nextInt(ROWS)));
  }

  @Benchmark
  public void selectPrepared(Blackhole sink) {
    try (StatementResult r = select.execute(random.nextInt(ROWS))) {
      sink.consume(r.next());
    }
  }

  @Benchmark
  public void selectText(Blackhole sink) {
    try (StatementResult r = session.execute("SELECT v FROM kv WHERE id = " + random.nextInt(ROWS))) {
      sink.consume(r.next());
    }
  }

  @Benchmark
  public void enginePutSync() {
    storage.write(new WriteBatch(1).put(raw, rawKey(nextId++), rawValue), Durability.SYNC);
  }

  @Benchmark
  public void insertPrepared(Blackhole sink) {
    try (StatementResult r = insert.execute(nextId++, VALUE)) {
      sink.consume(r.rowCount());
    }
  }
}

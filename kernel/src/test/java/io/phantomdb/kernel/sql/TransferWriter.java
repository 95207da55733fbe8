package io.phantomdb.kernel.sql;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.ServiceLoader;

/**
 * The child process of {@link TransactionRecoveryIT}: opens (or reopens) a database and runs
 * transfers between accounts from several threads until it is killed. Each transfer is one
 * REPEATABLE READ transaction that moves an amount and records it in {@code history} under an id
 * unique across runs; once COMMIT returns, it prints {@code ACK <id> <from> <to> <amount>}.
 *
 * <p>Arguments: storage engine name, directory, number of threads, run number.
 */
public final class TransferWriter {
  static final int ACCOUNTS = 10;
  static final long START = 1000;

  private TransferWriter() {}

  public static void main(String[] args) throws Exception {
    String engineName = args[0];
    Path dir = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    long run = Long.parseLong(args[3]);
    StorageEngineFactory factory = ServiceLoader.load(StorageEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.name().equals(engineName)).findFirst().orElseThrow();
    StorageEngine storage = factory.open(StorageContext.of(dir));
    SqlEngine sql = SqlEngine.open(storage);
    try (Session s = sql.newSession()) {
      if (run == 0) {
        exec(s, "CREATE TABLE acct (id INT PRIMARY KEY, bal BIGINT NOT NULL)");
        exec(s, "CREATE TABLE history (id BIGINT PRIMARY KEY, src INT, dst INT, amount BIGINT)");
        StringBuilder b = new StringBuilder("INSERT INTO acct VALUES ");
        for (int i = 0; i < ACCOUNTS; i++) {
          b.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(START).append(')');
        }
        exec(s, b.toString());
      }
    }
    PrintStream out = System.out;
    System.out.println("READY");
    System.out.flush();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(() -> {
        Random random = new Random(run * 1000 + thread);
        long seq = 0;
        try (Session s = sql.newSession()) {
          while (true) {
            long id = (run * 100 + thread) * 10_000_000L + seq++;
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            int amount = 1 + random.nextInt(20);
            try {
              exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
              exec(s, "UPDATE acct SET bal = bal - " + amount + " WHERE id = " + from);
              exec(s, "UPDATE acct SET bal = bal + " + amount + " WHERE id = " + to);
              exec(s, "INSERT INTO history VALUES (" + id + ", " + from + ", " + to + ", " + amount + ")");
              exec(s, "COMMIT");
              synchronized (out) {
                out.println("ACK " + id + " " + from + " " + to + " " + amount);
                out.flush();
              }
            } catch (SqlException e) {
              exec(s, "ROLLBACK");
            }
          }
        }
      }, "transfer-" + t).start();
    }
    Thread.currentThread().join(); // until killed
  }

  private static void exec(Session s, String statement) {
    try (StatementResult r = s.execute(statement)) {
      while (r.next() != null) {
        // drain
      }
    }
  }
}

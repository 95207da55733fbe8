package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many connections at once send random bytes, random and garbled messages of every type, valid
 * messages with wrong lengths, huge declared lengths, and hang up mid-message and mid-query, while
 * a well-behaved pgjdbc client keeps querying. The server must not crash, leak sessions or locks,
 * log an unexpected error or disturb the good client. The seed is printed; rerun with {@code
 * -Dpgwire.fuzz.seed=N}.
 */
class ProtocolFuzzTest {
  private static final int WORKERS = 12;
  private static final long FUZZ_MILLIS = Long.getLong("pgwire.fuzz.millis", 8_000);
  private static final int ROWS = 100;
  /** Type letters of every frontend message, and some that are none. */
  private static final byte[] TYPES = "QPBDECSHXFdcfpABGIJKLMNORTUVWYZaeq\0\377".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path dir;
  KernelServer server;
  final ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
  final Handler counter = new Handler() {
    @Override
    public void publish(LogRecord r) {
      String name = String.valueOf(r.getLoggerName());
      if (r.getLevel().intValue() >= Level.WARNING.intValue()
          && (name.startsWith("io.netty") || name.startsWith("io.phantomdb"))) {
        logged.add(name + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  Thread.UncaughtExceptionHandler previousHandler;

  @BeforeEach
  void start() throws SQLException {
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    Logger.getLogger("").addHandler(counter);
    previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> logged.add("uncaught in " + t.getName() + ": " + e));
    server = new KernelServer(dir, Map.of("max-connections", "200", "max-message-size", "64kB"));
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)");
      StringBuilder values = new StringBuilder();
      for (int i = 1; i <= ROWS; i++) {
        values.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(i * 10).append(')');
      }
      s.execute("INSERT INTO t VALUES " + values);
    }
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(counter);
    Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    server.close();
  }

  @Test
  void garbageOnManyConnectionsHarmsNobody() throws Exception {
    long seed = Long.getLong("pgwire.fuzz.seed", System.nanoTime());
    System.out.println("ProtocolFuzzTest seed: " + seed + " (rerun with -Dpgwire.fuzz.seed=" + seed + ")");
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong goodQueries = new AtomicLong();
    AtomicLong fuzzConnections = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
    Future<?> good = pool.submit(() -> goodClient(new Random(seed), done, goodQueries));
    List<Future<?>> fuzzers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      Random r = new Random(seed * 31 + i);
      fuzzers.add(pool.submit(() -> {
        while (!done.get()) {
          fuzzOnce(r);
          fuzzConnections.incrementAndGet();
        }
        return null;
      }));
    }
    Thread.sleep(FUZZ_MILLIS);
    done.set(true);
    for (Future<?> f : fuzzers) {
      f.get(60, TimeUnit.SECONDS);
    }
    good.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    System.out.println("ProtocolFuzzTest: " + fuzzConnections.get() + " fuzzing connections, "
        + goodQueries.get() + " good queries");

    assertThat(goodQueries.get()).isPositive();
    for (int i = 0; i < 3000 && server.engine.openSessions() > 0; i++) { // a safety limit, not a timing
      Thread.sleep(10);
    }
    assertThat(server.engine.openSessions()).as("open kernel sessions, seed " + seed).isZero();
    assertThat(server.engine.lockSnapshot()).as("row locks left, seed " + seed).isEmpty();
    try (Connection c = server.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(v) FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(ROWS);
      assertThat(rs.getLong(2)).isEqualTo(10L * ROWS * (ROWS + 1) / 2);
    }
    assertThat(logged).as("errors logged, seed " + seed).isEmpty();
  }

  /** Queries until told to stop; every answer must be right. */
  private Void goodClient(Random r, AtomicBoolean done, AtomicLong count) throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement();
        PreparedStatement p = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
      while (!done.get()) {
        int k = 1 + r.nextInt(ROWS);
        try (ResultSet rs = s.executeQuery("SELECT count(*), sum(v) FROM t WHERE id <= " + k)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(k);
          assertThat(rs.getLong(2)).isEqualTo(10L * k * (k + 1) / 2);
        }
        p.setInt(1, k);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(k * 10);
        }
        count.incrementAndGet();
      }
    }
    return null;
  }

  /** One fuzzing connection: a random scenario, then hang up. */
  private void fuzzOnce(Random r) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port), 10_000);
      socket.setSoTimeout(300);
      if (r.nextInt(4) == 0) {
        socket.setSoLinger(true, 0); // hang up with a reset
      }
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      switch (r.nextInt(7)) {
        case 0 -> out.write(random(r, 1 + r.nextInt(300))); // (a) random bytes
        case 1 -> { // (b) random messages of every type after a valid start-up
          login(out, in);
          for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
            out.write(RawClient.message((char) TYPES[r.nextInt(TYPES.length)], random(r, r.nextInt(120))));
          }
        }
        case 2 -> { // (b) garbled and truncated valid messages
          login(out, in);
          for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
            out.write(garble(r, validMessage(r)));
          }
        }
        case 3 -> { // (c) valid messages with wrong lengths
          login(out, in);
          byte[] m = validMessage(r);
          ByteBuffer.wrap(m).putInt(1, ByteBuffer.wrap(m).getInt(1) + (r.nextBoolean() ? -1 : 1) * (1 + r.nextInt(8)));
          out.write(m);
          out.write(RawClient.query("SELECT 1"));
        }
        case 4 -> { // (d) huge or negative declared lengths, in start-up or after it
          if (r.nextBoolean()) {
            login(out, in);
            out.write(ByteBuffer.allocate(5).put(TYPES[r.nextInt(TYPES.length)]).putInt(hugeLength(r)).array());
          } else {
            out.write(ByteBuffer.allocate(8).putInt(hugeLength(r)).putInt(196608).array());
          }
          out.write(random(r, r.nextInt(100)));
        }
        case 5 -> { // (e) hang up mid-message
          if (r.nextBoolean()) {
            login(out, in);
          }
          byte[] m = r.nextBoolean() ? validMessage(r) : RawClient.startupPacket(Map.of("user", "postgres"));
          out.write(m, 0, r.nextInt(m.length));
        }
        default -> { // (e) hang up mid-query, sometimes in a transaction holding a row lock
          login(out, in);
          if (r.nextBoolean()) {
            out.write(RawClient.query("BEGIN; UPDATE t SET v = v WHERE id = " + (1 + r.nextInt(ROWS))));
          }
          out.write(RawClient.query(r.nextBoolean() ? "SELECT a.id, b.v, c.id FROM t a, t b, t c"
              : "SELECT count(*) FROM t a, t b WHERE a.v > b.v"));
        }
      }
      out.flush();
      drain(in, r.nextInt(3) == 0);
    } catch (IOException e) {
      // the server hung up on us: expected for most garbage
    }
  }

  private static void login(OutputStream out, InputStream in) throws IOException {
    out.write(RawClient.startupPacket(Map.of("user", "postgres", "database", "postgres")));
    out.flush();
    java.io.DataInputStream data = new java.io.DataInputStream(in);
    while (true) { // messages up to ReadyForQuery
      int type = data.read();
      if (type < 0) {
        throw new java.io.EOFException();
      }
      data.skipNBytes(data.readInt() - 4);
      if (type == 'Z') {
        return;
      }
    }
  }

  /** Reads what the server answers for a while (or until it hangs up), or not at all. */
  private static void drain(InputStream in, boolean leaveEarly) throws IOException {
    if (leaveEarly) {
      return;
    }
    byte[] buf = new byte[8192];
    try {
      for (int i = 0; i < 50 && in.read(buf) >= 0; i++) {
        // keep reading
      }
    } catch (SocketTimeoutException e) {
      // the server waits for more: hang up
    }
  }

  private static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static int hugeLength(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> Integer.MAX_VALUE;
      case 1 -> -1 - r.nextInt(1000);
      case 2 -> 65 * 1024 + r.nextInt(1 << 20);
      default -> r.nextInt(4);
    };
  }

  /** A well-formed message of a random type. */
  private static byte[] validMessage(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> RawClient.query("SELECT v FROM t WHERE id = " + r.nextInt(ROWS));
      case 1 -> RawClient.message('P', concat(cstr("s" + r.nextInt(3)), cstr("SELECT $1::int + 1"), new byte[] {0, 1, 0, 0, 0, 23}));
      case 2 -> RawClient.message('B', concat(cstr(""), cstr("s" + r.nextInt(3)), new byte[] {0, 0, 0, 1, 0, 0, 0, 1, '7', 0, 0}));
      case 3 -> RawClient.message('D', concat(new byte[] {'S'}, cstr("s" + r.nextInt(3))));
      case 4 -> RawClient.message('E', concat(cstr(""), new byte[] {0, 0, 0, 0}));
      case 5 -> RawClient.message('C', concat(new byte[] {r.nextBoolean() ? (byte) 'S' : (byte) 'P'}, cstr("s1")));
      case 6 -> RawClient.message('S', new byte[0]);
      default -> RawClient.message('H', new byte[0]);
    };
  }

  /** Flips, cuts or extends a message's body, keeping its length word consistent. */
  private static byte[] garble(Random r, byte[] m) {
    byte[] body = java.util.Arrays.copyOfRange(m, 5, m.length);
    switch (r.nextInt(3)) {
      case 0 -> {
        for (int i = 0, n = 1 + r.nextInt(4); i < n && body.length > 0; i++) {
          body[r.nextInt(body.length)] = (byte) r.nextInt(256);
        }
      }
      case 1 -> body = java.util.Arrays.copyOf(body, body.length == 0 ? 0 : r.nextInt(body.length));
      default -> body = concat(body, random(r, 1 + r.nextInt(20)));
    }
    return RawClient.message((char) m[0], body);
  }

  private static byte[] cstr(String s) {
    return concat(s.getBytes(StandardCharsets.UTF_8), new byte[] {0});
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}

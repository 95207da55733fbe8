package io.phantomdb.tck.consensus;

import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.spi.consensus.StateMachine;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link AbstractConsensusDurabilityIT}: opens a {@link
 * RecordingStateMachine} in {@code <dir>/state} and a group through the test class's own {@code
 * openGroup} hook in {@code <dir>/group}, prints {@code READY <lastApplied>}, then submits
 * commands from {@link #SUBMITTERS} threads until it is killed, printing {@code ACK <index>
 * <command>} when a command's future completes ({@code FAILED <command> <exception>} if one
 * fails).
 *
 * <p>A command is {@code <run> <thread> <seq>}: a random id of this process, the submitting
 * thread's number and its count of commands. Each thread keeps up to {@link #IN_FLIGHT} commands
 * waiting, so the provider sees concurrent and queued submissions.
 */
public final class ConsensusDurabilityWriter {
  static final int SUBMITTERS = 4;
  static final int IN_FLIGHT = 8;

  private ConsensusDurabilityWriter() {}

  /**
   * Entry point.
   *
   * @param args the test class name and the directory
   * @throws Exception on any failure (the parent then fails the test)
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    RecordingStateMachine stateMachine = RecordingStateMachine.open(dir.resolve("state"));
    ReplicationGroup group = open(args[0], dir.resolve("group"), stateMachine);
    String run = UUID.randomUUID().toString();
    System.out.println("READY " + stateMachine.lastApplied());
    System.out.flush();
    Thread[] threads = new Thread[SUBMITTERS];
    for (int t = 0; t < SUBMITTERS; t++) {
      int n = t;
      threads[t] = new Thread(() -> submitForever(group, run, n), "submitter-" + t);
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void submitForever(ReplicationGroup group, String run, int thread) {
    Semaphore window = new Semaphore(IN_FLIGHT);
    for (long seq = 0; ; seq++) {
      window.acquireUninterruptibly();
      String command = run + " " + thread + " " + seq;
      group.submit(command.getBytes(StandardCharsets.UTF_8)).whenComplete((index, failure) -> {
        System.out.println(failure == null ? "ACK " + index + " " + command : "FAILED " + command + " " + failure);
        window.release();
      });
    }
  }

  /** Instantiates the test class and calls its {@code openGroup(Path, StateMachine)} hook. */
  static ReplicationGroup open(String testClass, Path dir, StateMachine stateMachine) throws Exception {
    Class<?> type = Class.forName(testClass);
    Object test = type.getDeclaredConstructor().newInstance();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod("openGroup", Path.class, StateMachine.class);
        m.setAccessible(true);
        return (ReplicationGroup) m.invoke(test, dir, stateMachine);
      } catch (NoSuchMethodException e) {
        // look in the superclass
      }
    }
    throw new IllegalArgumentException(testClass + " has no openGroup(Path, StateMachine)");
  }
}

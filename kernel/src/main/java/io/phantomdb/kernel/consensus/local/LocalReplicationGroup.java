package io.phantomdb.kernel.consensus.local;

import io.phantomdb.spi.consensus.ConsensusException;
import io.phantomdb.spi.consensus.GroupClosedException;
import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.spi.consensus.StateMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A group of one node with group commit. {@link #submit} appends the command to a bounded queue
 * (blocking while it is full); one committer thread takes everything waiting, up to {@code
 * max-batch} commands, numbers them after the last index, hands them to {@link
 * StateMachine#apply} in one call and then completes their futures, in index order, on its own
 * thread. Queue order is submission order, so one thread's commands keep theirs.
 *
 * <p>If the state machine throws, the commands of that call and every waiting one fail with
 * {@link ConsensusException} (the cause is the state machine's exception), the group stops
 * accepting commands and the committer ends; reopening the group resumes after {@code
 * lastApplied()}. {@link #close()} fails the waiting commands with {@link GroupClosedException}
 * (they are never applied: there is no log) and waits for the committer to end.
 */
final class LocalReplicationGroup implements ReplicationGroup {
  /** The committer thread's name is this prefix followed by the group id. */
  static final String THREAD_PREFIX = "phantomdb-consensus-local-";

  private final String groupId;
  private final StateMachine stateMachine;
  private final int queueCapacity;
  private final int maxBatch;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Thread committer;
  private volatile boolean closed; // written under lock
  private volatile Throwable stoppedBy; // written under lock
  private long lastIndex; // committer thread only, after start

  private record Pending(byte[] command, CompletableFuture<Long> future) {}

  private LocalReplicationGroup(String groupId, StateMachine stateMachine, LocalOptions options, long lastIndex) {
    this.groupId = groupId;
    this.stateMachine = stateMachine;
    this.queueCapacity = options.queueCapacity();
    this.maxBatch = options.maxBatch();
    this.lastIndex = lastIndex;
    this.committer = new Thread(this::commitLoop, THREAD_PREFIX + groupId);
    committer.setDaemon(true);
  }

  /**
   * Starts a group that resumes after {@code lastIndex}.
   *
   * @param groupId the group id, for messages and the thread name
   * @param stateMachine applies the commands
   * @param options the parsed options
   * @param lastIndex the state machine's {@code lastApplied()}
   * @return the running group
   */
  static LocalReplicationGroup start(String groupId, StateMachine stateMachine, LocalOptions options, long lastIndex) {
    LocalReplicationGroup group = new LocalReplicationGroup(groupId, stateMachine, options, lastIndex);
    group.committer.start();
    return group;
  }

  @Override
  public CompletableFuture<Long> submit(byte[] command) {
    Objects.requireNonNull(command, "command");
    CompletableFuture<Long> future = new CompletableFuture<>();
    lock.lock();
    try {
      while (refusal() == null && queue.size() >= queueCapacity) {
        try {
          notFull.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          future.completeExceptionally(new ConsensusException("interrupted while waiting for room in"
              + " the queue of replication group '" + groupId + "'; the command was not submitted"));
          return future;
        }
      }
      ConsensusException refusal = refusal();
      if (refusal != null) {
        future.completeExceptionally(refusal);
        return future;
      }
      queue.add(new Pending(command, future));
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    return future;
  }

  /** Why a command cannot be accepted now, or null if it can. Called under the lock. */
  private ConsensusException refusal() {
    if (closed) {
      return closedException();
    }
    if (stoppedBy != null) {
      return stoppedException();
    }
    return null;
  }

  private ConsensusException stoppedException() {
    return new ConsensusException("replication group '" + groupId + "' stopped after its state"
        + " machine failed (" + stoppedBy + "); the command was not applied; reopen the group",
        stoppedBy);
  }

  private GroupClosedException closedException() {
    return new GroupClosedException(
        "replication group '" + groupId + "' is closed; the command was not applied");
  }

  @Override
  public boolean isLeader() {
    return !closed && stoppedBy == null;
  }

  @Override
  public void close() {
    List<Pending> dropped = new ArrayList<>();
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        dropped.addAll(queue);
        queue.clear();
        notEmpty.signalAll();
        notFull.signalAll();
      }
    } finally {
      lock.unlock();
    }
    for (Pending p : dropped) {
      p.future().completeExceptionally(closedException());
    }
    if (Thread.currentThread() != committer) {
      joinCommitter();
    }
  }

  private void joinCommitter() {
    boolean interrupted = false;
    while (true) {
      try {
        committer.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitLoop() {
    List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 1024));
    while (true) {
      batch.clear();
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          notEmpty.awaitUninterruptibly();
        }
        if (closed) {
          return; // close() failed whatever was still queued
        }
        while (!queue.isEmpty() && batch.size() < maxBatch) {
          batch.add(queue.poll());
        }
        notFull.signalAll();
      } finally {
        lock.unlock();
      }
      if (!commit(batch)) {
        return;
      }
    }
  }

  /** Applies one batch and completes its futures; false if the state machine failed. */
  private boolean commit(List<Pending> batch) {
    List<LogEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      entries.add(new LogEntry(lastIndex + 1 + i, batch.get(i).command()));
    }
    try {
      stateMachine.apply(Collections.unmodifiableList(entries));
    } catch (RuntimeException | Error e) {
      stop(batch, entries, e);
      if (e instanceof Error error) {
        throw error;
      }
      return false;
    }
    lastIndex += batch.size();
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).future().complete(entries.get(i).index());
    }
    return true;
  }

  private void stop(List<Pending> batch, List<LogEntry> entries, Throwable failure) {
    List<Pending> waiting = new ArrayList<>();
    lock.lock();
    try {
      stoppedBy = failure;
      waiting.addAll(queue);
      queue.clear();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
    String range = entries.get(0).index() + ".." + entries.get(entries.size() - 1).index();
    for (Pending p : batch) {
      p.future().completeExceptionally(new ConsensusException("the state machine of replication"
          + " group '" + groupId + "' failed to apply entries " + range + " (" + failure
          + "); the command may or may not be applied: reopen the group and check", failure));
    }
    for (Pending p : waiting) {
      p.future().completeExceptionally(stoppedException());
    }
  }
}

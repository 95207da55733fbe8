package io.phantomdb.plugin.pgwire;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's {@code idle_session_timeout} and {@code idle_in_transaction_session_timeout} for
 * one connection: armed when the server sends ReadyForQuery and nothing more from the client is
 * waiting, disarmed by the next message; when it fires the connection ends with FATAL 57P05 or
 * 25P03. Message arrivals and the timer both run on the channel's event loop, so a message that
 * arrived first always wins.
 */
final class IdleTimer {
  private final EventLoop loop;
  private final Runnable onIdleSession;
  private final Runnable onIdleInTransaction;
  /** Messages received (event loop) and handled (worker): the timer is armed only when equal. */
  private final AtomicLong received = new AtomicLong();
  private long handled;
  private ScheduledFuture<?> pending;

  /**
   * @param loop the channel's event loop
   * @param onIdleSession what to do when idle too long outside a transaction (called on the loop)
   * @param onIdleInTransaction what to do when idle too long in a transaction block
   */
  IdleTimer(EventLoop loop, Runnable onIdleSession, Runnable onIdleInTransaction) {
    this.loop = loop;
    this.onIdleSession = onIdleSession;
    this.onIdleInTransaction = onIdleInTransaction;
  }

  /** Event loop: a message arrived; a pending timer no longer applies. */
  void messageReceived() {
    received.incrementAndGet();
    ScheduledFuture<?> p = pending;
    if (p != null) {
      p.cancel(false);
      pending = null;
    }
  }

  /** Worker: a message was handled. */
  void messageHandled() {
    handled++;
  }

  /**
   * Worker: ReadyForQuery was sent; arms the timer unless more messages already wait.
   *
   * @param status the transaction status sent ('I' idle, 'T' or 'E' in a block)
   * @param timeoutMillis the session's timeout for that status; 0: none
   */
  void ready(char status, long timeoutMillis) {
    if (timeoutMillis <= 0) {
      return;
    }
    long armedAt = handled;
    Runnable action = status == 'I' ? onIdleSession : onIdleInTransaction;
    loop.execute(() -> {
      if (received.get() != armedAt) {
        return; // the client has sent more since
      }
      pending = loop.schedule(() -> {
        if (received.get() == armedAt) {
          pending = null;
          action.run();
        }
      }, timeoutMillis, TimeUnit.MILLISECONDS);
    });
  }

  /**
   * A duration setting's value as {@code SHOW} prints it ({@code 0}, {@code 250ms}, {@code 2s},
   * {@code 1min}, {@code 3h}, {@code 1d}) in milliseconds; 0 for anything else.
   */
  private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");

  static long millis(String value) {
    if (value == null || value.equals("0")) {
      return 0;
    }
    java.util.regex.Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      return 0;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> n * 1000;
      case "min" -> n * 60_000;
      case "h" -> n * 3_600_000;
      case "d" -> n * 86_400_000;
      default -> n;
    };
  }
}

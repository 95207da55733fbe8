package io.phantomdb.kernel.sql.sequence;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one session remembers of sequences, for {@code currval} and {@code lastval}: the last value
 * nextval gave it per sequence (setval with is_called too), and the sequence of its last nextval.
 * Thread-safe (a session runs one statement at a time, but a result may be read elsewhere).
 */
public final class SessionSequences {
  private final Map<Integer, Long> last = new HashMap<>();
  private int lastUsed;

  /**
   * Records a value nextval returned.
   *
   * @param sequenceId the sequence
   * @param value the value
   */
  public synchronized void nextval(int sequenceId, long value) {
    last.put(sequenceId, value);
    lastUsed = sequenceId;
  }

  /**
   * Records a setval with is_called true (PostgreSQL's currval then returns it; lastval does not
   * move to this sequence).
   *
   * @param sequenceId the sequence
   * @param value the value
   */
  public synchronized void setval(int sequenceId, long value) {
    last.put(sequenceId, value);
  }

  /**
   * @param sequenceId a sequence
   * @return the last value this session got from it, if any
   */
  public synchronized OptionalLong currval(int sequenceId) {
    Long v = last.get(sequenceId);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** @return the sequence of this session's last nextval, if any */
  public synchronized OptionalInt lastUsed() {
    return lastUsed == 0 ? OptionalInt.empty() : OptionalInt.of(lastUsed);
  }
}

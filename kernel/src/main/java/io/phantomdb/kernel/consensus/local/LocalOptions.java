package io.phantomdb.kernel.consensus.local;

import io.phantomdb.spi.consensus.GroupContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of the {@code local} provider, parsed and checked from a {@link GroupContext}.
 *
 * @param queueCapacity commands that may wait for the committer before {@code submit} blocks
 * @param maxBatch most commands handed to one {@code StateMachine.apply} call
 */
record LocalOptions(int queueCapacity, int maxBatch) {
  static final String QUEUE_CAPACITY = "queue-capacity";
  static final String MAX_BATCH = "max-batch";
  static final int DEFAULT_QUEUE_CAPACITY = 4096;
  static final int DEFAULT_MAX_BATCH = 512;

  /** The option keys and their one-line descriptions, in display order. */
  static final Map<String, String> DOCUMENTATION = documentation();

  /**
   * Parses and checks the options of {@code context}.
   *
   * @param context the group's context
   * @return the options, defaults filled in
   * @throws IllegalArgumentException naming the key, if a key is unknown or a value unusable
   */
  static LocalOptions parse(GroupContext context) {
    for (String key : context.options().keySet()) {
      if (!DOCUMENTATION.containsKey(key)) {
        throw new IllegalArgumentException("unknown option '" + key
            + "' for consensus provider local; known options: "
            + String.join(", ", DOCUMENTATION.keySet()));
      }
    }
    int capacity = context.intOption(QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY);
    int maxBatch = context.intOption(MAX_BATCH, DEFAULT_MAX_BATCH);
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "option '" + QUEUE_CAPACITY + "' must be at least 1, got " + capacity);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException(
          "option '" + MAX_BATCH + "' must be at least 1, got " + maxBatch);
    }
    return new LocalOptions(capacity, maxBatch);
  }

  private static Map<String, String> documentation() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put(QUEUE_CAPACITY, "commands waiting to be applied before submitters block (default "
        + DEFAULT_QUEUE_CAPACITY + ")");
    docs.put(MAX_BATCH, "most commands applied, and synced, together (default "
        + DEFAULT_MAX_BATCH + ")");
    return Collections.unmodifiableMap(docs);
  }
}

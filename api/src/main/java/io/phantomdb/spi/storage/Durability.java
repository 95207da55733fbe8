package io.phantomdb.spi.storage;

/**
 * How durable a {@link WriteBatch} must be when {@link StorageEngine#write(WriteBatch,
 * Durability)} returns.
 */
public enum Durability {
  /**
   * The batch is on stable storage when {@code write} returns: it survives the process being
   * killed ({@code kill -9}) and the machine losing power, as far as the file system honours
   * {@code fsync}.
   */
  SYNC,

  /**
   * The batch is visible to readers when {@code write} returns but may be lost by a crash, along
   * with any other unsynced batches written after the last synced one. A later {@link #SYNC}
   * write makes every earlier batch durable too. Atomicity holds in all cases: after a crash a
   * batch is either wholly present or wholly absent, and batches are never lost out of order.
   */
  NO_SYNC
}

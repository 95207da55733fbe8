package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageClosedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The open cursors and snapshots of an engine, or the open cursors of a snapshot, so that closing
 * the owner closes them first. Once {@link #closeAll()} has begun, nothing more can be added.
 *
 * <p>Thread-safe.
 */
final class ResourceRegistry {
  private final Set<OwnedResource> open = new LinkedHashSet<>();
  private final String ownerName;
  private boolean closed;

  /** @param ownerName names the owner in the exception thrown after close */
  ResourceRegistry(String ownerName) {
    this.ownerName = ownerName;
  }

  /**
   * Registers a resource.
   *
   * @throws StorageClosedException if the owner is closing or closed; the caller closes the
   *     resource
   */
  synchronized void add(OwnedResource resource) {
    if (closed) {
      throw new StorageClosedException(ownerName + " is closed");
    }
    open.add(resource);
  }

  /** Forgets a resource that closed itself. */
  synchronized void remove(OwnedResource resource) {
    open.remove(resource);
  }

  /** @return how many resources are open */
  synchronized int size() {
    return open.size();
  }

  /** Refuses new resources and closes every open one. */
  void closeAll() {
    List<OwnedResource> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(open);
      open.clear();
    }
    for (OwnedResource r : toClose) {
      r.close();
    }
  }
}

/** Internals of the reference engine {@code memory}; not part of the TCK's API. */
package io.phantomdb.tck.storage.memory;

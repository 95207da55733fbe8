/**
 * The {@code lsm} storage engine plugin: the storage SPI on RocksDB. Entry point {@link
 * io.phantomdb.plugin.lsm.LsmStorageEngineFactory}; everything else is internal.
 */
package io.phantomdb.plugin.lsm;

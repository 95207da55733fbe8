/**
 * Conformance suites for the protocol SPI ({@link io.phantomdb.spi.protocol}): a protocol plugin
 * extends {@link io.phantomdb.tck.protocol.AbstractProtocolServerTest} and supplies its factory and
 * a {@link io.phantomdb.spi.protocol.SessionService} (the kernel's, in PhantomDB's own plugins).
 */
package io.phantomdb.tck.protocol;

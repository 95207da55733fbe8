/**
 * {@code pgwire}: PostgreSQL's frontend/backend protocol 3.0 over the protocol SPI, on Netty.
 *
 * <p>Netty's event loop only frames bytes into messages ({@link
 * io.phantomdb.plugin.pgwire.FrameDecoder}); each connection's messages are handled in order on
 * the connection's own worker thread ({@link io.phantomdb.plugin.pgwire.Connection}), which runs
 * statements on the kernel session and writes responses through {@link
 * io.phantomdb.plugin.pgwire.BackendWriter}, waiting while the socket is not writable
 * (back-pressure for large results).
 */
package io.phantomdb.plugin.pgwire;

/**
 * The protocol SPI: how clients talk to PhantomDB. A plugin supplies a {@link
 * io.phantomdb.spi.protocol.ProtocolServerFactory} (found by {@code name()} through {@code
 * META-INF/services}, such as {@code pgwire}); the kernel creates a {@link
 * io.phantomdb.spi.protocol.ProtocolServer} from a {@link io.phantomdb.spi.protocol.ProtocolContext}
 * (host, port, options and the kernel's {@link io.phantomdb.spi.protocol.SessionService}), starts
 * it, and stops it at shutdown.
 *
 * <h2>The session API</h2>
 * The server authenticates a client against {@link
 * io.phantomdb.spi.protocol.SessionService#role(String)} (the stored secret is in PostgreSQL's
 * {@code rolpassword} format), then opens a {@link io.phantomdb.spi.protocol.ProtocolSession} per
 * connection and maps its messages onto it: {@link
 * io.phantomdb.spi.protocol.ProtocolSession#simpleQuery(String)} for a query string of any number
 * of statements; {@link io.phantomdb.spi.protocol.ProtocolSession#prepare} → {@link
 * io.phantomdb.spi.protocol.PreparedQuery#bind} → {@link io.phantomdb.spi.protocol.Portal} →
 * {@link io.phantomdb.spi.protocol.QueryResult} read row by row, which a server may stop reading
 * after any row and resume later (row limits). Values come both as PostgreSQL's text output and as
 * Java values ({@link io.phantomdb.spi.protocol.Column} lists the classes) for binary encodings.
 *
 * <h2>Threading</h2>
 * A session and everything it hands out serve one thread at a time (a connection's worker), except
 * {@link io.phantomdb.spi.protocol.ProtocolSession#cancel()}, which any thread may call. Servers
 * must not run statements on their I/O threads: a statement may wait for locks or disk.
 *
 * <h2>Errors</h2>
 * Everything a client's statement can cause is a {@link
 * io.phantomdb.spi.protocol.SqlErrorException} carrying the SQLSTATE, message, detail, hint and
 * position PostgreSQL's ErrorResponse has; the session stays usable. {@link
 * java.lang.NullPointerException} for null arguments, {@link java.lang.IllegalStateException} for
 * a closed object. A server fails to start with {@link
 * io.phantomdb.spi.protocol.ProtocolServerException}.
 *
 * <h2>Stability</h2>
 * The whole package is {@link io.phantomdb.spi.Experimental experimental} (api 1.2.0): COPY,
 * notifications and TLS may reshape it.
 *
 * <h2>Conformance</h2>
 * Every server must pass the abstract suites in the {@code tck} module's {@code
 * io.phantomdb.tck.protocol}; see {@code docs/plugin-authors.md}, "Protocol SPI".
 */
@Experimental
package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;

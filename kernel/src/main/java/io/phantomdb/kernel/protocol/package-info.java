/**
 * The kernel's side of the protocol SPI ({@link io.phantomdb.spi.protocol}): {@link
 * io.phantomdb.kernel.protocol.KernelSessionService} opens SPI sessions over the SQL engine's
 * {@link io.phantomdb.kernel.sql.Session}s, maps kernel types to PostgreSQL type OIDs ({@link
 * io.phantomdb.kernel.protocol.PgTypes}) and errors to {@link
 * io.phantomdb.spi.protocol.SqlErrorException}; {@link io.phantomdb.kernel.protocol.ProtocolServers}
 * chooses, starts and stops the configured servers.
 */
package io.phantomdb.kernel.protocol;

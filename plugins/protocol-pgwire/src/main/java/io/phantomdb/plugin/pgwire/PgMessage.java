package io.phantomdb.plugin.pgwire;

/**
 * One frontend message.
 *
 * @param type the message type byte ({@code 'Q'}, {@code 'P'}, ...), or 0 for the untyped
 *     messages of the start-up phase (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest)
 * @param payload the message body after the length word
 */
record PgMessage(byte type, byte[] payload) {}

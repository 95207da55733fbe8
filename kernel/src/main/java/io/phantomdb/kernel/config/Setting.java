package io.phantomdb.kernel.config;

/**
 * One key set to a value, and where that happened.
 *
 * @param key the key
 * @param value the value as text, trimmed
 * @param origin where it was set
 */
public record Setting(String key, String value, Origin origin) {}

package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;

/**
 * A value of PostgreSQL's {@code interval} type, as its binary format holds it.
 *
 * @param months months (years are 12 months)
 * @param days days
 * @param micros the time part in microseconds
 */
@Experimental
public record Interval(int months, int days, long micros) {}

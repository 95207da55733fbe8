/**
 * Root of the PhantomDB SPI: {@link io.phantomdb.spi.ApiVersion}, the version a plugin declares
 * in its {@code Plugin-Requires}. Each SPI family lives in a sub-package.
 */
package io.phantomdb.spi;

/**
 * Root of the PhantomDB SPI: {@link io.phantomdb.spi.ApiVersion}, the version a plugin declares
 * in its {@code Plugin-Requires}, and {@link io.phantomdb.spi.Experimental}, the mark of elements
 * that may still change in a minor version. Each SPI family lives in a sub-package.
 */
package io.phantomdb.spi;

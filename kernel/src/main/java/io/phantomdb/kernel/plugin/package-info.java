/**
 * The extension registry: implementations of the kernel's SPIs from the class path ({@link
 * java.util.ServiceLoader}) and from PF4J plugin zips, found by SPI and name, with a report per
 * plugin.
 */
package io.phantomdb.kernel.plugin;

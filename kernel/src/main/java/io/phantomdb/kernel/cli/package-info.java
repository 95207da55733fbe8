/** The {@code phantomdb} command line (picocli): {@code version}, {@code plugins}. */
package io.phantomdb.kernel.cli;

/**
 * The {@code phantomdb} command line (picocli): {@code version}, {@code plugins}, {@code storage},
 * {@code sql}.
 */
package io.phantomdb.kernel.cli;

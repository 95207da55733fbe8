/** Failures operators cause, reported as one line. */
package io.phantomdb.kernel.error;

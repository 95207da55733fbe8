/** Build and runtime facts shown to operators. */
package io.phantomdb.kernel.info;

/** Choosing and opening the storage engine the configuration names. */
package io.phantomdb.kernel.storage;

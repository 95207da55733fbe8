/**
 * Configuration: the keys ({@link io.phantomdb.kernel.config.ConfigKeys}), how {@code
 * conf/phantomdb.conf}, the environment and {@code --set} combine ({@link
 * io.phantomdb.kernel.config.ConfigLoader}), and the result ({@link
 * io.phantomdb.kernel.config.Config}).
 */
package io.phantomdb.kernel.config;

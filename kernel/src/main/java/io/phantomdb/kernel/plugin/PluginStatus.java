package io.phantomdb.kernel.plugin;

/** What became of a plugin (or of the class path's providers) at start. */
public enum PluginStatus {
  /** Loaded and started; its implementations are in the registry. */
  LOADED,
  /** Not loaded because {@code plugins.disabled} lists it. */
  DISABLED,
  /** Not loaded because something is wrong with it; the report's reason says what. */
  REFUSED
}

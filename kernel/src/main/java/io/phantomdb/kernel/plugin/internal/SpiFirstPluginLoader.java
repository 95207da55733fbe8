package io.phantomdb.kernel.plugin.internal;

import java.nio.file.Path;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** Loads an expanded plugin directory ({@code classes/}, {@code lib/*.jar}) with a {@link SpiFirstClassLoader}. */
final class SpiFirstPluginLoader extends DefaultPluginLoader {

  SpiFirstPluginLoader(PluginManager manager) {
    super(manager);
  }

  @Override
  protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
    return new SpiFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
  }
}

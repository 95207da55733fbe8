package io.phantomdb.kernel.plugin.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the plugin's own classes and libraries first, then the kernel's, except
 * for the plugin API ({@code io.phantomdb.spi.*}), which always comes from the kernel so that a
 * plugin's implementations are instances of the kernel's interfaces even if the plugin zip bundles
 * a copy of the api jar by mistake. ({@code java.*} and {@code org.pf4j.*} already go to the
 * parent in PF4J's loader.)
 */
final class SpiFirstClassLoader extends PluginClassLoader {
  static final String SPI_PACKAGE = "io.phantomdb.spi.";
  private static final String SPI_RESOURCES = "io/phantomdb/spi/";

  SpiFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
    super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
  }

  @Override
  public Class<?> loadClass(String className) throws ClassNotFoundException {
    if (className.startsWith(SPI_PACKAGE)) {
      return getParent().loadClass(className);
    }
    return super.loadClass(className);
  }

  @Override
  public URL getResource(String name) {
    if (name.startsWith(SPI_RESOURCES)) {
      return getParent().getResource(name);
    }
    return super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (name.startsWith(SPI_RESOURCES)) {
      return getParent().getResources(name);
    }
    return super.getResources(name);
  }
}

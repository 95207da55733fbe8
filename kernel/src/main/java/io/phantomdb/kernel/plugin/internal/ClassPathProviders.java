package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.info.BuildInfo;
import io.phantomdb.kernel.plugin.PluginReport;
import io.phantomdb.kernel.plugin.PluginStatus;
import io.phantomdb.kernel.plugin.SpiType;
import io.phantomdb.kernel.plugin.internal.ProviderTable.Provided;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The implementations {@link ServiceLoader} finds on the class path: the kernel's built-ins, and in
 * tests and embedded use everything the application put there. They are registered before any
 * plugin, so their names win. A broken or duplicate provider is skipped and noted in the report.
 */
public final class ClassPathProviders {
  /** The report id of the class path entry. */
  public static final String REPORT_ID = "class-path";

  private ClassPathProviders() {}

  /**
   * Finds and registers the class path implementations.
   *
   * @param spis the SPIs to collect
   * @param loader the class loader to search
   * @param table where the implementations go
   * @return a report for the class path if it provides anything or something was skipped
   */
  public static Optional<PluginReport> register(
      List<SpiType<?>> spis, ClassLoader loader, ProviderTable table) {
    List<String> provides = new ArrayList<>();
    Set<String> declares = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    for (SpiType<?> spi : spis) {
      List<Provided> found = new ArrayList<>();
      Iterator<?> it = ServiceLoader.load(spi.type(), loader).iterator();
      while (true) {
        Object impl;
        try {
          if (!it.hasNext()) {
            break;
          }
          impl = it.next();
        } catch (ServiceConfigurationError e) {
          notes.add("skipped a " + spi.noun() + ": " + Refusal.describe(e));
          continue;
        }
        declares.add(spi.label());
        String name;
        try {
          name = spi.nameOf(impl);
        } catch (RuntimeException | LinkageError e) {
          notes.add("skipped " + impl.getClass().getName() + ": name() failed: " + Refusal.describe(e));
          continue;
        }
        String n = name;
        var earlier = found.stream().filter(p -> p.name().equals(n)).findFirst();
        if (earlier.isPresent()) {
          notes.add("skipped " + impl.getClass().getName() + ": " + spi.noun() + " '" + name
              + "' is already provided by " + earlier.get().instance().getClass().getName());
          continue;
        }
        found.add(new Provided(spi, name, impl, "the class path (" + impl.getClass().getName() + ")"));
        provides.add(spi.label() + ": " + name);
      }
      table.addAll(found);
    }
    if (provides.isEmpty() && notes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PluginReport(REPORT_ID, BuildInfo.version(), null, null, null, provides,
        declares, PluginStatus.LOADED, notes.isEmpty() ? null : String.join("; ", notes)));
  }
}

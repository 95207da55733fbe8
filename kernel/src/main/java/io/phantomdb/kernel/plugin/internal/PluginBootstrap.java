package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.plugin.PluginReport;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.plugin.PluginStatus;
import io.phantomdb.kernel.plugin.SpiType;
import io.phantomdb.kernel.plugin.ThreadContextClassLoader;
import io.phantomdb.kernel.plugin.internal.ProviderTable.Provided;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;

/**
 * Loads the plugins of {@code plugins.dir} one by one into a {@link PhantomPluginManager} and adds
 * their implementations to a {@link ProviderTable}. Each candidate goes through: expand the zip,
 * read the descriptor, skip if disabled, refuse a duplicate id, check {@code plugin.requires},
 * create the class loader; then all are resolved (plugin dependencies), and each is started and
 * its implementations created and checked against names already taken. A problem refuses that
 * plugin only; the report says why in one line.
 */
public final class PluginBootstrap {
  private final PluginSettings settings;
  private final List<SpiType<?>> spis;
  private final ProviderTable table;
  private final List<PluginReport> reports = new ArrayList<>();
  private final Map<String, Path> fileById = new HashMap<>();
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private PhantomPluginManager manager;

  private record Pending(Path file, PluginDescriptor descriptor, Map<SpiType<?>, List<String>> declared) {}

  private PluginBootstrap(PluginSettings settings, List<SpiType<?>> spis, ProviderTable table) {
    this.settings = settings;
    this.spis = spis;
    this.table = table;
  }

  /**
   * Loads every plugin.
   *
   * @param settings where plugins are
   * @param spis the SPIs to collect
   * @param table where implementations go; names already there (the class path's) win
   * @return the manager holding the started plugins (null if there is no plugins directory) and
   *     a report per candidate
   */
  public static Result run(PluginSettings settings, List<SpiType<?>> spis, ProviderTable table) {
    PluginBootstrap b = new PluginBootstrap(settings, spis, table);
    b.loadAll();
    return new Result(b.manager, List.copyOf(b.reports));
  }

  /**
   * What {@link #run} produced.
   *
   * @param manager the plugin manager to stop at shutdown, or null
   * @param reports one report per plugin candidate, in file-name order of loading
   */
  public record Result(PhantomPluginManager manager, List<PluginReport> reports) {}

  private void loadAll() {
    Path dir = settings.pluginsDir();
    if (dir == null) {
      return;
    }
    List<Path> candidates = PluginCandidates.list(dir);
    manager = new PhantomPluginManager(dir);
    if (candidates.isEmpty()) {
      return;
    }
    PluginZips zips = PluginZips.forPluginsDir(dir);
    for (Path candidate : candidates) {
      prepare(candidate, zips);
    }
    resolve();
    for (Pending p : List.copyOf(pending.values())) {
      start(p);
    }
  }

  private void prepare(Path candidate, PluginZips zips) {
    PluginDescriptor d = null;
    Map<SpiType<?>, List<String>> declared = Map.of();
    try {
      Path pluginDir = PluginCandidates.isZip(candidate) ? zips.expand(candidate) : candidate;
      declared = ServiceDeclarations.read(pluginDir, spis);
      d = manager.readDescriptor(pluginDir);
      String id = d.getPluginId();
      if (settings.disabledIds().contains(id)) {
        reports.add(report(candidate, d, declared, List.of(), PluginStatus.DISABLED,
            "listed in plugins.disabled"));
        return;
      }
      Path other = fileById.get(id);
      if (other != null) {
        throw new Refusal("plugin id '" + id + "' is already used by " + other.getFileName());
      }
      manager.checkRequires(d);
      manager.load(pluginDir);
      fileById.put(id, candidate);
      pending.put(id, new Pending(candidate, d, declared));
    } catch (Refusal r) {
      reports.add(report(candidate, d, declared, List.of(), PluginStatus.REFUSED, r.getMessage()));
    }
  }

  private void resolve() {
    try {
      manager.resolve();
    } catch (PluginRuntimeException e) {
      for (Pending p : List.copyOf(pending.values())) {
        if (!p.descriptor().getDependencies().isEmpty()) {
          refuse(p, "its plugin.dependencies cannot be resolved: " + Refusal.describe(e));
        }
      }
      manager.resolve();
    }
    for (Pending p : List.copyOf(pending.values())) {
      if (manager.getPlugin(p.descriptor().getPluginId()) == null) {
        refuse(p, "needs plugins that are missing, refused or of another version: "
            + dependencies(p.descriptor()));
      }
    }
  }

  private void start(Pending p) {
    String id = p.descriptor().getPluginId();
    if (!pending.containsKey(id)) {
      return;
    }
    try {
      manager.start(id);
      List<Provided> provided = new ArrayList<>();
      for (SpiType<?> spi : spis) {
        for (Object impl : manager.extensions(spi, id, p.declared().getOrDefault(spi, List.of()))) {
          provided.add(new Provided(spi, nameOf(spi, impl), impl, "plugin " + id));
        }
      }
      checkNames(provided);
      table.addAll(provided);
      List<String> provides = provided.stream().map(x -> x.spi().label() + ": " + x.name()).toList();
      reports.add(report(p.file(), p.descriptor(), p.declared(), provides, PluginStatus.LOADED, null));
      pending.remove(id);
    } catch (Refusal r) {
      refuse(p, r.getMessage());
    }
  }

  private static String nameOf(SpiType<?> spi, Object impl) throws Refusal {
    try (ThreadContextClassLoader ignored = ThreadContextClassLoader.of(impl)) {
      String name = spi.nameOf(impl);
      if (name == null || name.isBlank()) {
        throw new Refusal(impl.getClass().getName() + ".name() returned no name");
      }
      return name;
    } catch (RuntimeException | LinkageError e) {
      throw new Refusal(impl.getClass().getName() + ".name() failed: " + Refusal.describe(e));
    }
  }

  private void checkNames(List<Provided> provided) throws Refusal {
    for (int i = 0; i < provided.size(); i++) {
      Provided p = provided.get(i);
      var taken = table.lookup(p.spi(), p.name());
      if (taken.isPresent()) {
        throw new Refusal(p.spi().noun() + " '" + p.name() + "' is already provided by "
            + taken.get().owner());
      }
      for (Provided q : provided.subList(0, i)) {
        if (q.spi().equals(p.spi()) && q.name().equals(p.name())) {
          throw new Refusal("provides " + p.spi().noun() + " '" + p.name() + "' twice ("
              + q.instance().getClass().getName() + " and " + p.instance().getClass().getName() + ")");
        }
      }
    }
  }

  private void refuse(Pending p, String reason) {
    String id = p.descriptor().getPluginId();
    manager.discard(id);
    pending.remove(id);
    reports.add(report(p.file(), p.descriptor(), p.declared(), List.of(), PluginStatus.REFUSED, reason));
  }

  private static String dependencies(PluginDescriptor d) {
    return d.getDependencies().stream()
        .map(x -> x.getPluginId() + "@" + x.getPluginVersionSupport()).reduce((a, b) -> a + ", " + b)
        .orElse("(none)");
  }

  private static PluginReport report(Path file, PluginDescriptor d,
      Map<SpiType<?>, List<String>> declared, List<String> provides, PluginStatus status,
      String reason) {
    Set<String> labels = declared.keySet().stream().map(SpiType::label)
        .collect(Collectors.toUnmodifiableSet());
    if (d == null) {
      return new PluginReport(null, null, null, null, file, provides, labels, status, reason);
    }
    return new PluginReport(d.getPluginId(), d.getVersion(), d.getRequires(), d.getProvider(), file,
        provides, labels, status, reason);
  }
}

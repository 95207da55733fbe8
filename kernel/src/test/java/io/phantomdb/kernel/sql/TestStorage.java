package io.phantomdb.kernel.sql;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a storage engine by name from the test class path, for Java tests that run on every
 * engine. The default Surefire execution has only {@code memory} (the TCK's reference engine); the
 * {@code real-engines} execution runs the classes named {@code Lsm*Test} and {@code Btree*Test}
 * with the {@code lsm} and {@code btree} plugin jars on the class path; those classes carry
 * {@code @Tag("real-engine")}, so {@code -Dtest=LsmFooTest} runs them only there. The usual shape: a test
 * class with a {@code protected String storage()} hook returning {@code "memory"}, and two
 * subclasses {@code Lsm<Name>} / {@code Btree<Name>} overriding it.
 */
public final class TestStorage {
  private TestStorage() {}

  /**
   * @param name the engine's name: {@code memory}, {@code lsm} or {@code btree}
   * @param dir the directory for its files
   * @return the open engine; the caller closes it
   */
  public static StorageEngine open(String name, Path dir) {
    List<StorageEngineFactory> factories = ServiceLoader.load(StorageEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    StorageEngineFactory factory = factories.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no storage engine '" + name
            + "' on the test class path (lsm and btree run only in the real-engines execution, as "
            + "classes named Lsm*Test / Btree*Test); there are: "
            + factories.stream().map(StorageEngineFactory::name).toList()));
    return factory.open(StorageContext.of(dir));
  }
}

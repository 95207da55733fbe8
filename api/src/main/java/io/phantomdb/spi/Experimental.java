package io.phantomdb.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an SPI type or method that is still moving: it may change or disappear in a <em>minor</em>
 * version, which the semantic-versioning rule otherwise forbids. Every such change is recorded in
 * {@code docs/spi-changes.md}. A plugin that implements or calls an experimental element should
 * declare a {@code Plugin-Requires} range that stops at the next minor version (for example
 * {@code >=1.1.0 & <1.2.0}).
 *
 * <p>The mark is removed, in a minor version, once the element is stable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
public @interface Experimental {}

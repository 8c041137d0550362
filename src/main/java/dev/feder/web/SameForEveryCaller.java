package dev.feder.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET whose representation never depends on the caller (it shows only public content and
 * ignores any {@code Authorization} header). {@link HttpCaching} then lets shared caches keep it
 * even for requests with credentials and leaves {@code Authorization} out of {@code Vary}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SameForEveryCaller {}

package dev.feder.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET whose answer changes without any change of content, such as the changes feed (whose
 * answer grows as transactions end): {@link HttpCaching} never keeps it in Feder's response cache
 * and sends {@code Cache-Control: no-store}, so no shared cache keeps it either.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoStore {}

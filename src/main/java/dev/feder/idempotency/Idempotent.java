package dev.feder.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating POST whose clients may send an {@code Idempotency-Key}: the same key with the
 * same request within the retention replays the first answer instead of creating again ({@link
 * IdempotencyInterceptor}). The resource method must return a {@code RestResponse} of JSON. {@code
 * web.ApiConventions} documents the header, the replay header and the 409 and 422 on every POST
 * that answers 201, so a new creating POST needs only this annotation. Put it on resource methods,
 * not classes (the type target is for the interceptor itself).
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {}

package dev.feder.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.hibernate.Session;

/**
 * Makes Hibernate load read-only for a {@link ReadOnly} read that started its own transaction. Sits
 * inside the transaction interceptor (priority 200), so the setting applies to that transaction's
 * session and ends with it.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
class ReadOnlySession {

  private final Session session;

  ReadOnlySession(Session session) {
    this.session = session;
  }

  @AroundInvoke
  Object readOnly(InvocationContext context) throws Exception {
    if (Boolean.TRUE.equals(context.getContextData().get(ReadOnlyRetry.OWN_TRANSACTION))) {
      session.setDefaultReadOnly(true);
    }
    return context.proceed();
  }
}

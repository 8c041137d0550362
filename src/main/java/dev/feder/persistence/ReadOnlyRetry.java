package dev.feder.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

/**
 * Runs a {@link ReadOnly} read once more when its database connection broke under it. Sits outside
 * the transaction interceptor (priority 200), so each attempt is a transaction of its own; the pool
 * validates the connection it hands out for the second attempt, or opens a new one.
 *
 * <p>Only a lost connection is retried: when no connection could be had at all, the pool has
 * already waited and tried again, and the request is answered {@code 503} at once.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 190)
class ReadOnlyRetry {

  /** Context data key: this invocation started the transaction, so it may be read-only. */
  static final String OWN_TRANSACTION = ReadOnly.class.getName() + ".own-transaction";

  private static final Logger LOG = Logger.getLogger(ReadOnlyRetry.class);
  private static final int ATTEMPTS = 2;

  private final TransactionManager transactions;

  ReadOnlyRetry(TransactionManager transactions) {
    this.transactions = transactions;
  }

  @AroundInvoke
  Object retry(InvocationContext context) throws Exception {
    if (!startsTransaction()) {
      return context.proceed();
    }
    context.getContextData().put(OWN_TRANSACTION, Boolean.TRUE);
    for (int attempt = 1; ; attempt++) {
      try {
        return context.proceed();
      } catch (Exception e) {
        if (attempt >= ATTEMPTS
            || DatabaseFailure.of(e).orElse(null) != DatabaseFailure.CONNECTION_LOST) {
          throw e;
        }
        LOG.infof(
            "%s.%s lost its database connection, retrying on a new connection: %s",
            context.getMethod().getDeclaringClass().getSimpleName(),
            context.getMethod().getName(),
            DatabaseFailure.describe(e));
      }
    }
  }

  private boolean startsTransaction() throws SystemException {
    return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
  }
}

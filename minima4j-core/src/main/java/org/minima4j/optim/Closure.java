package org.minima4j.optim;

/**
 * Re-evaluates the model for {@link Optimizer#step(Closure)}: clears the gradients, computes the
 * loss, runs backward and returns the loss value. It is called with grad mode on.
 */
@FunctionalInterface
public interface Closure {
  double call();
}

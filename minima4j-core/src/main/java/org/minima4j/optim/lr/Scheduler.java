package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Anything that adjusts an optimizer's learning rates once per epoch or iteration: the
 * {@link LRScheduler}s and {@link ReduceLROnPlateau}. Composites ({@link SequentialLR},
 * {@link ChainedScheduler}) accept both kinds.
 */
public interface Scheduler {
  /** The optimizer whose parameter groups this scheduler changes. */
  Optimizer<?, ?> optimizer();

  /** One scheduler step (for {@link ReduceLROnPlateau}, which needs a metric, use {@link #step(double)}). */
  void step();

  /**
   * One scheduler step given the monitored metric: {@link ReduceLROnPlateau} uses it, composites pass
   * it to their plateau members, other schedulers ignore it and do {@link #step()}.
   */
  default void step(double metric) {
    step();
  }

  /** The learning rates this scheduler set last, one per group (a copy). */
  double[] getLastLr();

  /** The scheduler's state under torch's attribute names. */
  Map<String, Object> stateDict();

  /** Restores a state saved by {@link #stateDict()}. */
  void loadStateDict(Map<String, ?> state);
}

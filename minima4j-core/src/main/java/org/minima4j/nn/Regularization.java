package org.minima4j.nn;

import java.util.List;
import org.minima4j.tensor.Tensor;

/** Penalties to add to a loss: {@code loss.add(Regularization.l2(params).mul(lambda))}. */
public final class Regularization {
  private Regularization() {}

  /** {@code sum |p|} over all parameters (lasso). */
  public static Tensor l1(List<? extends Tensor> params) {
    Tensor total = Tensor.scalar(0.0);
    for (Tensor p : params) {
      total = total.add(p.abs().sum());
    }
    return total;
  }

  /** {@code sum p^2} over all parameters (ridge); its gradient is {@code 2 p}. */
  public static Tensor l2(List<? extends Tensor> params) {
    Tensor total = Tensor.scalar(0.0);
    for (Tensor p : params) {
      total = total.add(p.square().sum());
    }
    return total;
  }
}

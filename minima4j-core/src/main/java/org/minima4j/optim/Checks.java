package org.minima4j.optim;

/** torch's constructor checks, with torch's message text. */
final class Checks {
  private Checks() {}

  static void lr(double lr) {
    if (!(lr >= 0.0)) {
      throw new IllegalArgumentException("Invalid learning rate: " + PyRepr.of(lr));
    }
  }

  static void eps(double eps) {
    if (!(eps >= 0.0)) {
      throw new IllegalArgumentException("Invalid epsilon value: " + PyRepr.of(eps));
    }
  }

  static void weightDecay(double wd) {
    if (!(wd >= 0.0)) {
      throw new IllegalArgumentException("Invalid weight_decay value: " + PyRepr.of(wd));
    }
  }

  static void beta(int index, double beta) {
    if (!(beta >= 0.0 && beta < 1.0)) {
      throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + PyRepr.of(beta));
    }
  }

  static void adamLike(double lr, double eps, double beta1, double beta2, double wd) {
    lr(lr);
    eps(eps);
    beta(0, beta1);
    beta(1, beta2);
    weightDecay(wd);
  }
}

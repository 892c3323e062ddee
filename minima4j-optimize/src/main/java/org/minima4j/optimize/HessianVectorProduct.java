package org.minima4j.optimize;

/** The Hessian times a vector (scipy's {@code hessp=callable}): returns H(x) p, length n. */
@FunctionalInterface
public interface HessianVectorProduct {
  double[] hessp(double[] x, double[] p);
}

package org.minima4j.optimize;

/**
 * A constraint in scipy's dictionary form: {@code type} equality ({@code fun(x) == 0}) or
 * inequality ({@code fun(x) >= 0}); {@code jac} may be null (finite differences are used).
 */
public record Constraint(Type type, VectorFunction fun, JacobianFunction jac) {
  /** scipy's {@code 'eq'} and {@code 'ineq'}. */
  public enum Type { EQ, INEQ }

  public Constraint {
    if (type == null) {
      throw new IllegalArgumentException("constraint type must be EQ or INEQ, got null");
    }
    if (fun == null) {
      throw new IllegalArgumentException("constraint fun must not be null");
    }
  }

  public static Constraint eq(VectorFunction fun) {
    return new Constraint(Type.EQ, fun, null);
  }

  public static Constraint eq(VectorFunction fun, JacobianFunction jac) {
    return new Constraint(Type.EQ, fun, jac);
  }

  public static Constraint ineq(VectorFunction fun) {
    return new Constraint(Type.INEQ, fun, null);
  }

  public static Constraint ineq(VectorFunction fun, JacobianFunction jac) {
    return new Constraint(Type.INEQ, fun, jac);
  }
}

package org.minima4j.optimize;

/**
 * How trust-constr factorizes the constraint Jacobian {@code A} to project onto its null space
 * (scipy's {@code factorization_method}). Null in {@link MinimizeOptions} means scipy's choice:
 * {@link #AUGMENTED_SYSTEM} when the Jacobian is sparse in scipy (no constraints, or bounds only),
 * {@link #QR_FACTORIZATION} when there are constraints; a singular Jacobian falls back to
 * {@link #SVD_FACTORIZATION}, as in scipy.
 */
public enum FactorizationMethod {
  /** scipy's {@code 'AugmentedSystem'}: LU factorization of {@code [[I, A^T], [A, 0]]}. */
  AUGMENTED_SYSTEM("AugmentedSystem"),
  /** scipy's {@code 'QRFactorization'}: QR with column pivoting of {@code A^T}. */
  QR_FACTORIZATION("QRFactorization"),
  /** scipy's {@code 'SVDFactorization'}: SVD of {@code A}, rank-deficient Jacobians allowed. */
  SVD_FACTORIZATION("SVDFactorization");

  private final String scipyName;

  FactorizationMethod(String scipyName) {
    this.scipyName = scipyName;
  }

  /** scipy's name ({@code "QRFactorization"}, ...). */
  public String scipyName() {
    return scipyName;
  }
}

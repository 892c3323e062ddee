package org.minima4j.optimize;

/**
 * The methods of {@link Minimize#minimize}, with scipy's names. scipy's COBYQA and the
 * unconstrained trust-region methods (dogleg, trust-ncg, trust-krylov, trust-exact) are not
 * implemented.
 */
public enum Method {
  L_BFGS_B("L-BFGS-B"),
  SLSQP("SLSQP"),
  BFGS("BFGS"),
  CG("CG"),
  NELDER_MEAD("Nelder-Mead"),
  POWELL("Powell"),
  TNC("TNC"),
  NEWTON_CG("Newton-CG"),
  COBYLA("COBYLA"),
  TRUST_CONSTR("trust-constr");

  private final String scipyName;

  Method(String scipyName) {
    this.scipyName = scipyName;
  }

  /** The name scipy uses ({@code "L-BFGS-B"}, {@code "Nelder-Mead"}, ...). */
  public String scipyName() {
    return scipyName;
  }

  /** Parses scipy's name, case-insensitively; the error lists the valid names. */
  public static Method fromScipyName(String name) {
    for (Method m : values()) {
      if (m.scipyName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Method m : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(m.scipyName);
    }
    throw new IllegalArgumentException("Unknown solver " + name + "; valid methods: " + sb);
  }
}

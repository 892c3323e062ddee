package org.minima4j.cli.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optim.Adam;
import org.minima4j.optim.RMSprop;
import org.minima4j.optim.SGD;

/**
 * The methods of the compare command, by name. A seed gives the stochastic ports the anchors' own stream
 * (NumPy's {@code RandomState(seed)}: pyswarm, cmaes, scipy), so {@code --seed s} replays the anchor's
 * {@code seed = s} run.
 */
public final class Methods {
  private static final Map<String, MethodRunner> ALL = new LinkedHashMap<>();

  static {
    add(new GradientRunner("sgd", "torch.optim.SGD (the problem's lr)",
        (ps, c) -> new SGD(ps, SGD.Options.DEFAULTS.withLr(c.lr())),
        (n, c) -> "SGD(lr=" + c.lr() + ")"));
    add(new GradientRunner("momentum", "torch.optim.SGD with momentum (the problem's lr and momentum)",
        (ps, c) -> new SGD(ps, SGD.Options.DEFAULTS.withLr(c.lr()).withMomentum(c.momentum())),
        (n, c) -> "SGD(lr=" + c.lr() + ", momentum=" + c.momentum() + ")"));
    add(new GradientRunner("rmsprop", "torch.optim.RMSprop (the problem's lr and alpha)",
        (ps, c) -> new RMSprop(ps, RMSprop.Options.DEFAULTS.withLr(c.lr()).withAlpha(c.alpha())),
        (n, c) -> "RMSprop(lr=" + c.lr() + ", alpha=" + c.alpha() + ")"));
    add(new GradientRunner("adam", "torch.optim.Adam (the problem's lr and betas)",
        (ps, c) -> new Adam(ps, Adam.Options.DEFAULTS.withLr(c.lr()).withBetas(c.beta1(), c.beta2())),
        (n, c) -> "Adam(lr=" + c.lr() + ", betas=(" + c.beta1() + ", " + c.beta2() + "))"));
    add(new MinimizeRunner("slsqp", Method.SLSQP, false, false));
    add(new MinimizeRunner("lbfgsb", Method.L_BFGS_B, true, false));
    add(new MinimizeRunner("bfgs", Method.BFGS, true, false));
    add(new MinimizeRunner("cg", Method.CG, true, false));
    add(new MinimizeRunner("nelder-mead", Method.NELDER_MEAD, false, false));
    add(new MinimizeRunner("powell", Method.POWELL, false, false));
    add(new MinimizeRunner("tnc", Method.TNC, true, true));
    add(new MinimizeRunner("newton-cg", Method.NEWTON_CG, true, false));
    add(new MinimizeRunner("cobyla", Method.COBYLA, false, false));
    add(new MinimizeRunner("trust-constr", Method.TRUST_CONSTR, true, false));
    add(new GlobalRunner("pso", "particle swarm, pyswarm's defaults (swarm 100, omega = phip = phig = 0.5) in the problem's box",
        "PSO(pyswarm defaults, swarm 100, maxiter {maxiter}, seed {seed})",
        (p, maxiter, seed) -> new PSO(Bounds.of(p.lower(), p.upper()),
            PSO.Options.DEFAULTS.withMaxiter(maxiter).withSeed(seed))));
    add(new GlobalRunner("cma", "CMA-ES (cmaes 0.9.1 constants) from x0 with sigma 0.5, unbounded",
        "CMA(mean=x0, sigma=0.5, seed={seed}), {maxiter} generations",
        (p, maxiter, seed) -> new CMA(p.x0(), 0.5, CMA.Options.DEFAULTS.withSeed(seed))));
    add(new GlobalRunner("dual-annealing", "scipy's dual annealing in the problem's box, initial temperature 1, L-BFGS-B local search",
        "dual_annealing(bounds=box, maxiter={maxiter}, initial_temp=1.0, seed={seed})", 3,
        (p, maxiter, seed) -> new DualAnnealing(Bounds.of(p.lower(), p.upper()),
            DualAnnealing.Options.DEFAULTS.withMaxiter(maxiter).withInitialTemp(1.0).withSeed(seed))));
    add(new GlobalRunner("de", "scipy's differential evolution (best1bin, popsize 15) in the problem's box, L-BFGS-B polish",
        "differential_evolution(bounds=box, maxiter={maxiter}, seed={seed}, polish=L-BFGS-B)",
        (p, maxiter, seed) -> new DifferentialEvolution(Bounds.of(p.lower(), p.upper()),
            DifferentialEvolution.Options.DEFAULTS.withMaxiter(maxiter).withSeed(seed).withNumpyStream(true))));
  }

  private Methods() {}

  private static void add(MethodRunner r) {
    ALL.put(r.name(), r);
  }

  public static List<MethodRunner> all() {
    return new ArrayList<>(ALL.values());
  }

  /** The method of that name; the error lists the valid names. */
  public static MethodRunner get(String name) {
    MethodRunner r = ALL.get(name.toLowerCase(Locale.ROOT));
    if (r == null) {
      throw new IllegalArgumentException("unknown method '" + name + "'; valid methods: " + String.join(", ", ALL.keySet()));
    }
    return r;
  }
}

package org.minima4j.optim.lr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.minima4j.optim.Optimizer;

/** Builds schedulers from the torch_sched.json records (test helper). */
final class Schedulers {
  private Schedulers() {}

  /** The Java equivalent of each Python lambda source in torch_sched.json. */
  static IntToDoubleFunction lambda(String source) {
    switch (source) {
      case "lambda epoch: 0.95 ** epoch":
        return e -> Math.pow(0.95, e);
      case "lambda epoch: min(1.0, (epoch + 1) / 10.0)":
        return e -> Math.min(1.0, (e + 1) / 10.0);
      case "lambda epoch: 0.95":
        return e -> 0.95;
      case "lambda epoch: 0.5 if epoch % 10 == 0 else 1.0":
        return e -> e % 10 == 0 ? 0.5 : 1.0;
      default:
        throw new IllegalArgumentException("no Java equivalent for " + source);
    }
  }

  static double[] doubles(JsonNode n) {
    if (n.isArray()) {
      double[] d = new double[n.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = n.get(i).asDouble();
      }
      return d;
    }
    return new double[] {n.asDouble()};
  }

  static int[] ints(JsonNode n) {
    int[] d = new int[n.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = n.get(i).asInt();
    }
    return d;
  }

  static Scheduler build(String name, JsonNode kw, Optimizer<?, ?> opt) {
    switch (name) {
      case "StepLR":
        return new StepLR(opt, kw.get("step_size").asInt(), kw.path("gamma").asDouble(0.1));
      case "MultiStepLR":
        return new MultiStepLR(opt, ints(kw.get("milestones")), kw.path("gamma").asDouble(0.1));
      case "ConstantLR":
        return new ConstantLR(opt, kw.path("factor").asDouble(1.0 / 3), kw.path("total_iters").asInt(5));
      case "LinearLR":
        return new LinearLR(opt, kw.path("start_factor").asDouble(1.0 / 3), kw.path("end_factor").asDouble(1.0),
            kw.path("total_iters").asInt(5));
      case "ExponentialLR":
        return new ExponentialLR(opt, kw.get("gamma").asDouble());
      case "PolynomialLR":
        return new PolynomialLR(opt, kw.path("total_iters").asInt(5), kw.path("power").asDouble(1.0));
      case "CosineAnnealingLR":
        return new CosineAnnealingLR(opt, kw.get("T_max").asInt(), kw.path("eta_min").asDouble(0.0));
      case "CosineAnnealingWarmRestarts":
        return new CosineAnnealingWarmRestarts(opt, kw.get("T_0").asInt(), kw.path("T_mult").asInt(1),
            kw.path("eta_min").asDouble(0.0));
      case "CyclicLR": {
        CyclicLR.Options o = CyclicLR.Options.of(doubles(kw.get("base_lr")), doubles(kw.get("max_lr")))
            .withStepSizeUp(kw.path("step_size_up").asDouble(2000))
            .withMode(kw.path("mode").asText("triangular"))
            .withGamma(kw.path("gamma").asDouble(1.0))
            .withCycleMomentum(kw.path("cycle_momentum").asBoolean(true))
            .withMomentumRange(kw.path("base_momentum").asDouble(0.8), kw.path("max_momentum").asDouble(0.9));
        if (kw.has("step_size_down")) {
          o = o.withStepSizeDown(kw.get("step_size_down").asDouble());
        }
        return new CyclicLR(opt, o);
      }
      case "OneCycleLR": {
        OneCycleLR.Options o = OneCycleLR.Options.of(doubles(kw.get("max_lr")), kw.get("total_steps").asInt())
            .withPctStart(kw.path("pct_start").asDouble(0.3))
            .withAnnealStrategy(kw.path("anneal_strategy").asText("cos"))
            .withMomentumRange(kw.path("base_momentum").asDouble(0.85), kw.path("max_momentum").asDouble(0.95))
            .withDivFactor(kw.path("div_factor").asDouble(25))
            .withFinalDivFactor(kw.path("final_div_factor").asDouble(1e4))
            .withThreePhase(kw.path("three_phase").asBoolean(false));
        return new OneCycleLR(opt, o);
      }
      case "LambdaLR": {
        JsonNode l = kw.get("lr_lambda");
        if (l.isArray()) {
          List<IntToDoubleFunction> fns = new ArrayList<>();
          for (JsonNode s : l) {
            fns.add(lambda(s.asText()));
          }
          return new LambdaLR(opt, fns);
        }
        return new LambdaLR(opt, lambda(l.asText()));
      }
      case "MultiplicativeLR":
        return new MultiplicativeLR(opt, lambda(kw.get("lr_lambda").asText()));
      case "SequentialLR":
      case "ChainedScheduler": {
        List<Scheduler> subs = new ArrayList<>();
        for (JsonNode s : kw.get("schedulers")) {
          subs.add(build(s.get("scheduler").asText(), s.get("kwargs"), opt));
        }
        return name.equals("ChainedScheduler") ? new ChainedScheduler(subs)
            : new SequentialLR(opt, subs, ints(kw.get("milestones")));
      }
      case "ReduceLROnPlateau": {
        ReduceLROnPlateau.Options o = ReduceLROnPlateau.Options.DEFAULTS
            .withMode(kw.path("mode").asText("min"))
            .withFactor(kw.path("factor").asDouble(0.1))
            .withPatience(kw.path("patience").asInt(10))
            .withThreshold(kw.path("threshold").asDouble(1e-4))
            .withThresholdMode(kw.path("threshold_mode").asText("rel"))
            .withCooldown(kw.path("cooldown").asInt(0))
            .withMinLr(kw.path("min_lr").asDouble(0));
        return new ReduceLROnPlateau(opt, o);
      }
      default:
        throw new IllegalArgumentException("unknown scheduler " + name);
    }
  }
}

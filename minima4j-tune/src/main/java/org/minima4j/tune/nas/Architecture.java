package org.minima4j.tune.nas;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.minima4j.nn.BatchNorm1d;
import org.minima4j.nn.ELU;
import org.minima4j.nn.GELU;
import org.minima4j.nn.LayerNorm;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Module;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.nn.Tanh;

/**
 * A feed-forward architecture: hidden layers, each with a width, an activation and a
 * normalization; {@link #build} makes the network {@code Linear -> [norm] -> activation} per hidden
 * layer, then a Linear output layer.
 */
public record Architecture(List<Layer> layers) {
  /** One hidden layer's choices. */
  public record Layer(int width, String activation, String normalization) {
    public Layer {
      if (width < 1) {
        throw new IllegalArgumentException("layer width must be positive, got " + width);
      }
      if (!List.of("relu", "tanh", "elu", "gelu").contains(activation)) {
        throw new IllegalArgumentException("unknown activation " + activation + "; valid: relu, tanh, elu, gelu");
      }
      if (!List.of("none", "batch", "layer").contains(normalization)) {
        throw new IllegalArgumentException("unknown normalization " + normalization + "; valid: none, batch, layer");
      }
    }
  }

  public Architecture {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("an architecture needs at least one hidden layer");
    }
    layers = List.copyOf(layers);
  }

  public int depth() {
    return layers.size();
  }

  /** The network for {@code in} inputs and {@code out} outputs, initialized from {@code rng}. */
  public Sequential build(int in, int out, RandomGenerator rng) {
    List<Module> mods = new ArrayList<>();
    int width = in;
    for (Layer l : layers) {
      mods.add(new Linear(width, l.width(), true, rng));
      if (l.normalization().equals("batch")) {
        mods.add(new BatchNorm1d(l.width()));
      } else if (l.normalization().equals("layer")) {
        mods.add(new LayerNorm(l.width()));
      }
      mods.add(activation(l.activation()));
      width = l.width();
    }
    mods.add(new Linear(width, out, true, rng));
    return new Sequential(mods.toArray(new Module[0]));
  }

  private static Module activation(String name) {
    switch (name) {
      case "relu": return new ReLU();
      case "tanh": return new Tanh();
      case "elu": return new ELU();
      default: return new GELU();
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Layer l : layers) {
      sb.append(sb.length() == 0 ? "" : " -> ").append(l.width()).append(' ').append(l.activation());
      if (!l.normalization().equals("none")) {
        sb.append('+').append(l.normalization()).append("norm");
      }
    }
    return sb.toString();
  }
}

package org.minima4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.tensor.Tensor;

/** Applies its modules in order, as torch.nn.Sequential; children are named "0", "1", .... */
public final class Sequential extends Module {
  private final List<Module> layers = new ArrayList<>();

  public Sequential(Module... modules) {
    for (Module m : modules) {
      add(m);
    }
  }

  /** Appends a module; returns this. */
  public Sequential add(Module m) {
    registerModule(Integer.toString(layers.size()), m);
    layers.add(m);
    return this;
  }

  public Module get(int index) {
    return layers.get(index);
  }

  public int size() {
    return layers.size();
  }

  @Override
  public Tensor forward(Tensor input) {
    Tensor x = input;
    for (Module m : layers) {
      x = m.forward(x);
    }
    return x;
  }
}

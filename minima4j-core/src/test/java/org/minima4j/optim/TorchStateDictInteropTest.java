package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minima4j.nn.Parameter;

/**
 * A state dict in torch's layout, as {@code json.dump} of torch 1.13's {@code state_dict()} (tensors
 * as lists) would write it, loads into minima4j: the torch-only keys ({@code foreach},
 * {@code capturable}, ...) are ignored, the hyperparameters and state are taken over.
 */
class TorchStateDictInteropTest {

  @Test
  void adamStateFromTorchLoads() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode run = null;
    for (JsonNode r : Reference.optim().get("runs")) {
      if (r.get("optimizer").asText().equals("Adam") && r.get("kwargs").has("amsgrad")) {
        run = r;
      }
    }
    ObjectNode sd = mapper.createObjectNode();
    ObjectNode state = sd.putObject("state");
    String[] names = {"W", "b"};
    for (int i = 0; i < 2; i++) {
      state.set(String.valueOf(i), run.get("final_state_values").get(names[i]));
    }
    ArrayNode groups = sd.putArray("param_groups");
    ObjectNode g = ((ObjectNode) run.get("param_groups_resolved").get(0)).deepCopy();
    g.putArray("params").add(0).add(1);
    groups.add(g);
    Map<String, Object> loaded = StateDicts.fromJson(mapper.writeValueAsString(sd));

    double[] fp = Reference.doubles(run.get("final_params"));
    Parameter w = new Parameter(java.util.Arrays.copyOf(fp, 6), 3, 2);
    Parameter b = new Parameter(java.util.Arrays.copyOfRange(fp, 6, 10), 4);
    Adam opt = new Adam(List.of(w, b), Adam.Options.DEFAULTS);
    opt.loadStateDict(loaded);
    Adam.Options o = opt.paramGroups().get(0).options();
    assertThat(o).isEqualTo(new Adam.Options(0.01, 0.8, 0.99, 1e-8, 0.01, true, false));
    assertThat(opt.state(w).step()).isEqualTo(25.0);
    assertThat(opt.state(b).maxExpAvgSq()).containsExactly(
        Reference.doubles(run.get("final_state_values").get("b").get("max_exp_avg_sq")));
    assertThat(opt.paramGroups().get(0).extras()).isEmpty();
  }
}

package org.minima4j.cli.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.storages.jdbc.JdbcStorage;
import org.minima4j.tune.storages.jdbc.StorageException;

/** Shared helpers of the study commands: opening storages with user-facing errors, tables, CSV and JSON. */
final class StudyIo {
  private StudyIo() {
  }

  static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /** Opens a storage; every failure becomes an {@link IllegalArgumentException} with a redacted message. */
  static JdbcStorage open(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("--storage is required (for example jdbc:sqlite:study.db), or set"
          + " MINIMA_STORAGE.");
    }
    try {
      return JdbcStorage.open(url);
    } catch (StorageException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Runs {@code body}, turning storage errors and missing studies into user-facing errors. */
  static <T> T userErrors(java.util.concurrent.Callable<T> body) throws Exception {
    try {
      return body.call();
    } catch (StorageException | NoSuchElementException | IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(LocalDateTime.ofInstant(t, ZoneId.systemDefault()));
  }

  static Map<TrialState, Integer> counts(List<FrozenTrial> trials) {
    Map<TrialState, Integer> m = new EnumMap<>(TrialState.class);
    for (TrialState s : TrialState.values()) {
      m.put(s, 0);
    }
    for (FrozenTrial t : trials) {
      m.merge(t.state(), 1, Integer::sum);
    }
    return m;
  }

  /** The best trial of a single-objective study, or null when none is complete. */
  static FrozenTrial bestOrNull(Study study) {
    try {
      return study.bestTrial();
    } catch (IllegalStateException none) {
      return null;
    }
  }

  /** One flat row per trial: number, state, value(s), params, times (the columns of Optuna's trials_dataframe). */
  static List<Map<String, Object>> rows(Study study, List<FrozenTrial> trials) {
    Set<String> params = new LinkedHashSet<>();
    for (FrozenTrial t : trials) {
      params.addAll(t.params().keySet());
    }
    int m = study.directions().size();
    List<Map<String, Object>> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("number", t.number());
      r.put("state", t.state().name());
      for (int k = 0; k < m; k++) {
        r.put(m == 1 ? "value" : "values_" + k, t.values() == null ? null : t.values().get(k));
      }
      for (String p : params) {
        r.put("params_" + p, t.params().get(p));
      }
      r.put("datetime_start", time(t.datetimeStart()));
      r.put("datetime_complete", time(t.datetimeComplete()));
      r.put("duration_s", t.duration() == null ? null : t.duration().toNanos() / 1e9);
      out.add(r);
    }
    return out;
  }

  /** A trial as JSON-ready map (all fields). */
  static Map<String, Object> trialJson(FrozenTrial t) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("number", t.number());
    r.put("state", t.state().name());
    r.put("values", t.values());
    r.put("params", t.params());
    Map<String, Object> ds = new LinkedHashMap<>();
    t.distributions().forEach((k, v) -> ds.put(k, v.toString()));
    r.put("distributions", ds);
    r.put("intermediate_values", t.intermediateValues());
    r.put("user_attrs", t.userAttrs());
    r.put("system_attrs", t.systemAttrs());
    r.put("datetime_start", time(t.datetimeStart()));
    r.put("datetime_complete", time(t.datetimeComplete()));
    return r;
  }

  static void printTable(PrintWriter w, List<Map<String, Object>> rows, Function<Object, String> fmt) {
    if (rows.isEmpty()) {
      w.println("(no trials)");
      return;
    }
    List<String> cols = new ArrayList<>(rows.get(0).keySet());
    int[] width = new int[cols.size()];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      width[c] = cols.get(c).length();
    }
    for (Map<String, Object> r : rows) {
      String[] line = new String[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        line[c] = fmt.apply(r.get(cols.get(c)));
        width[c] = Math.max(width[c], line[c].length());
      }
      cells.add(line);
    }
    StringBuilder head = new StringBuilder();
    for (int c = 0; c < cols.size(); c++) {
      head.append(String.format("%-" + width[c] + "s  ", cols.get(c)));
    }
    w.println(head.toString().stripTrailing());
    for (String[] line : cells) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < cols.size(); c++) {
        b.append(String.format("%-" + width[c] + "s  ", line[c]));
      }
      w.println(b.toString().stripTrailing());
    }
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.toString(d);
    }
    return v.toString();
  }

  static String csv(List<Map<String, Object>> rows) throws IOException {
    if (rows.isEmpty()) {
      return "number,state\n";
    }
    CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
    for (String c : rows.get(0).keySet()) {
      b.addColumn(c);
    }
    List<Map<String, Object>> flat = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> f = new LinkedHashMap<>();
      r.forEach((k, v) -> f.put(k, cell(v)));
      flat.add(f);
    }
    return new CsvMapper().writer(b.build()).writeValueAsString(flat);
  }
}

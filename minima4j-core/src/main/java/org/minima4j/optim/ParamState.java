package org.minima4j.optim;

import java.util.Map;

/** Per-parameter optimizer state, serialized under torch's key names. */
public interface ParamState {
  /** The state as a map of torch key names to snapshots (arrays are copies). */
  Map<String, Object> toMap();
}

package org.minima4j.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minima4j.tensor.Tensor;

/**
 * A numeric table read from CSV (parsed by Jackson's CSV module): an optional header and rows of
 * doubles. Empty cells and {@code NA}/{@code NaN}/{@code nan} are missing values (NaN, for the
 * imputers); any other non-numeric cell, or a row of a different length, is an error that names
 * the line and column. Blank lines are skipped; one record per line (no quoted line breaks).
 */
public record CsvTable(List<String> header, double[][] rows) {
  public CsvTable {
    header = List.copyOf(header);
  }

  public static CsvTable read(Path file, boolean hasHeader) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return read(r, hasHeader, file.toString());
    }
  }

  public static CsvTable parse(String text, boolean hasHeader) {
    try {
      return read(new StringReader(text), hasHeader, "<string>");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CsvTable read(Reader in, boolean hasHeader, String source) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    List<String> header = List.of();
    List<double[]> rows = new ArrayList<>();
    int width = -1;
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(in)) {
      boolean first = true;
      int line = 0;
      while (it.hasNextValue()) {
        // one record per line (quoted cells with line breaks are not supported)
        line++;
        String[] cells = it.nextValue();
        if (cells.length == 0 || (cells.length == 1 && cells[0].isBlank())) {
          continue;
        }
        if (first && hasHeader) {
          header = Arrays.asList(cells);
          width = cells.length;
          first = false;
          continue;
        }
        first = false;
        if (width < 0) {
          width = cells.length;
        } else if (cells.length != width) {
          throw new IllegalArgumentException(source + ": line " + line + " has " + cells.length + " columns, expected "
              + width);
        }
        double[] row = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
          row[c] = cell(cells[c], source, line, c + 1);
        }
        rows.add(row);
      }
    }
    return new CsvTable(header, rows.toArray(new double[0][]));
  }

  private static double cell(String s, String source, int line, int column) {
    String t = s == null ? "" : s.trim();
    if (t.isEmpty() || t.equals("NA") || t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + ": line " + line + ", column " + column + ": \"" + t + "\" is not a number");
    }
  }

  public int rowCount() {
    return rows.length;
  }

  public int columnCount() {
    return rows.length == 0 ? header.size() : rows[0].length;
  }

  /** The whole table as a (rows x columns) tensor. */
  public Tensor toTensor() {
    return Tensor.of(rows);
  }

  /** The given columns (0-based) as a (rows x k) tensor. */
  public Tensor columns(int... cols) {
    double[] d = new double[rows.length * cols.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        if (cols[j] < 0 || cols[j] >= rows[i].length) {
          throw new IndexOutOfBoundsException("column " + cols[j] + " does not exist; the table has " + rows[i].length + " columns");
        }
        d[i * cols.length + j] = rows[i][cols[j]];
      }
    }
    return Tensor.of(d, rows.length, cols.length);
  }
}

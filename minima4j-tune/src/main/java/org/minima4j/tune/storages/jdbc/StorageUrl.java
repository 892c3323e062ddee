package org.minima4j.tune.storages.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed storage URL. Accepted forms:
 *
 * <ul>
 *   <li>{@code jdbc:sqlite:FILE} (the embedded default) and Optuna's {@code sqlite:///FILE};</li>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB[?user=U&password=P]}, also with {@code USER:PASSWORD@}
 *       before the host, and Optuna's (SQLAlchemy's) {@code postgresql[+driver]://USER:PASSWORD@HOST[:PORT]/DB}.</li>
 * </ul>
 *
 * <p>Credentials are split off into connection properties; {@link #redacted()} is the only form of the URL
 * that messages and logs ever show.
 *
 * @param dialect the database
 * @param jdbcUrl the URL handed to the driver, without user information
 * @param user user name or null
 * @param password password or null
 * @param redacted the URL for messages: credentials replaced by {@code ***}
 */
public record StorageUrl(Dialect dialect, String jdbcUrl, String user, String password, String redacted) {

  /** The databases this storage speaks. */
  public enum Dialect {
    SQLITE, POSTGRESQL
  }

  private static final Pattern USERINFO = Pattern.compile("^([a-z0-9+.:-]*//)([^/@?#]*)@");
  private static final Pattern SECRET_PARAM = Pattern.compile("(?i)([?&;](password|user|sslpassword)=)[^&;]*");

  /** Parses a storage URL; throws {@link IllegalArgumentException} naming the accepted schemes otherwise. */
  public static StorageUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("The storage URL is empty.");
    }
    String redacted = redact(url);
    String u = url.trim();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      String file = u.substring("jdbc:sqlite:".length());
      if (file.isEmpty()) {
        throw new IllegalArgumentException("The SQLite storage URL '" + redacted + "' names no file.");
      }
      return new StorageUrl(Dialect.SQLITE, u, null, null, redacted);
    }
    if (lower.startsWith("sqlite:///")) {
      return new StorageUrl(Dialect.SQLITE, "jdbc:sqlite:" + u.substring("sqlite:///".length()), null, null,
          redacted);
    }
    if (lower.startsWith("jdbc:postgresql://") || lower.startsWith("postgresql://")
        || lower.startsWith("postgresql+") || lower.startsWith("postgres://")) {
      String rest = u.substring(u.indexOf("//") + 2);
      String user = null;
      String password = null;
      int at = rest.indexOf('@');
      int slash = rest.indexOf('/');
      if (at >= 0 && (slash < 0 || at < slash)) {
        String info = rest.substring(0, at);
        rest = rest.substring(at + 1);
        int colon = info.indexOf(':');
        user = decode(colon >= 0 ? info.substring(0, colon) : info);
        password = colon >= 0 ? decode(info.substring(colon + 1)) : null;
      }
      // user= and password= query parameters become properties too, so the driver URL carries none.
      int q = rest.indexOf('?');
      String base = q >= 0 ? rest.substring(0, q) : rest;
      List<String> keep = new ArrayList<>();
      if (q >= 0) {
        for (String kv : rest.substring(q + 1).split("&")) {
          String k = kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv;
          String v = kv.contains("=") ? decode(kv.substring(kv.indexOf('=') + 1)) : "";
          if (k.equalsIgnoreCase("user")) {
            user = v;
          } else if (k.equalsIgnoreCase("password")) {
            password = v;
          } else if (!kv.isEmpty()) {
            keep.add(kv);
          }
        }
      }
      if (base.isEmpty() || base.startsWith("/")) {
        throw new IllegalArgumentException("The PostgreSQL storage URL '" + redacted + "' names no host.");
      }
      String jdbc = "jdbc:postgresql://" + base + (keep.isEmpty() ? "" : "?" + String.join("&", keep));
      return new StorageUrl(Dialect.POSTGRESQL, jdbc, user, password, redacted);
    }
    Matcher m = Pattern.compile("^(jdbc:)?([A-Za-z0-9+.-]+):").matcher(u);
    String scheme = m.find() ? m.group(0).substring(0, m.group(0).length() - 1) : u;
    throw new IllegalArgumentException("Unsupported storage URL scheme '" + redact(scheme) + "' in '" + redacted
        + "': use jdbc:sqlite:FILE (or sqlite:///FILE) or jdbc:postgresql://HOST[:PORT]/DB (or"
        + " postgresql://USER:PASSWORD@HOST[:PORT]/DB).");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** {@code url} with user information and {@code user=}/{@code password=} parameters replaced by ***. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String s = USERINFO.matcher(url.trim()).replaceFirst("$1***@");
    int i = s.indexOf("//");
    if (i >= 0) {
      // jdbc:postgresql://u:p@host keeps its scheme part; the pattern above only matches a prefix without
      // a colon-free host, so handle "scheme://info@" anywhere before the first slash after it.
      int at = s.indexOf('@', i + 2);
      int slash = s.indexOf('/', i + 2);
      if (at >= 0 && (slash < 0 || at < slash) && !s.substring(i + 2, at).equals("***")) {
        s = s.substring(0, i + 2) + "***" + s.substring(at);
      }
    }
    return SECRET_PARAM.matcher(s).replaceAll("$1***");
  }

  /** Connection properties: credentials and the dialect's settings. */
  Properties properties() {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  /** {@code message} with every occurrence of the password and the raw URL removed. */
  String scrub(String message) {
    if (message == null) {
      return "";
    }
    String m = message;
    if (password != null && !password.isEmpty()) {
      m = m.replace(password, "***");
    }
    return m;
  }

  @Override
  public String toString() {
    return redacted;
  }
}

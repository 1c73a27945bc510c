package dev.arbiter.eval.store;

import dev.arbiter.error.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A {@code --store postgresql://HOST[:PORT]/DB[?PARAMS]} location and the credentials for it, which come only from
 * the environment: {@code PGUSER}, and {@code ARBITER_STORE_PASSWORD} or else {@code PGPASSWORD} (the names psql
 * reads). A user or password written in the URL is refused, so none ends up in shell history, manifests or logs.
 *
 * @param jdbcUrl  what the driver opens ({@code jdbc:postgresql://…})
 * @param display  the URL as shown to people and recorded: scheme, host, port and database only
 */
record PostgresUrl(String jdbcUrl, String display, String user, String password) {
    static final String USER_ENV = "PGUSER";
    static final String PASSWORD_ENV = "ARBITER_STORE_PASSWORD";
    static final String PG_PASSWORD_ENV = "PGPASSWORD";

    /** True for {@code postgresql://}, {@code postgres://} and {@code jdbc:postgresql://} locations. */
    static boolean matches(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("postgresql://") || l.startsWith("postgres://") || l.startsWith("jdbc:postgresql://");
    }

    static PostgresUrl parse(String location, UnaryOperator<String> env) {
        String l = location.strip();
        if (l.regionMatches(true, 0, "jdbc:", 0, 5)) l = l.substring(5);
        URI uri;
        try {
            uri = new URI(l);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--store: not a PostgreSQL URL (expected postgresql://HOST[:PORT]/DATABASE): "
                    + e.getReason());
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("--store: put no user or password in the URL; set " + USER_ENV + " and "
                    + PASSWORD_ENV + " (or " + PG_PASSWORD_ENV + ") in the environment");
        }
        String query = uri.getRawQuery();
        if (query != null && query.toLowerCase(Locale.ROOT).matches("(^|.*&)(user|password)=.*")) {
            throw new InvalidInputException("--store: user and password come from the environment (" + USER_ENV + ", "
                    + PASSWORD_ENV + "), not from URL parameters");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new InvalidInputException("--store: expected postgresql://HOST[:PORT]/DATABASE, got a URL without "
                    + (uri.getHost() == null ? "a host" : "a database"));
        }
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String display = "postgresql://" + hostPort + uri.getRawPath();
        String jdbc = "jdbc:" + display + (query == null ? "" : "?" + query);
        String password = env.apply(PASSWORD_ENV);
        if (password == null || password.isEmpty()) password = env.apply(PG_PASSWORD_ENV);
        return new PostgresUrl(jdbc, display, env.apply(USER_ENV), password);
    }

    /** Connection properties: user and password when the environment gives them. */
    Properties properties() {
        Properties p = new Properties();
        if (user != null && !user.isEmpty()) p.setProperty("user", user);
        if (password != null && !password.isEmpty()) p.setProperty("password", password);
        p.setProperty("ApplicationName", "arbiter");
        return p;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return display;
    }
}

package dev.arbiter.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A named endpoint: where, which protocol, which model, and the limits to respect. The API key is never stored
 * here, only the name of the environment variable that holds it.
 *
 * @param name               label for logs and config; defaults to the URL's host:port
 * @param concurrency        maximum requests in flight (default 16)
 * @param requestsPerMinute  rate cap, or null for none
 * @param pricePerMillionIn  USD per million prompt tokens, or null
 * @param pricePerMillionOut USD per million completion tokens, or null
 */
public record Endpoint(String name, URI baseUrl, ApiFlavor api, String model, String apiKeyEnv, int concurrency,
                       Double requestsPerMinute, Duration connectTimeout, Duration requestTimeout,
                       Double pricePerMillionIn, Double pricePerMillionOut) {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Endpoint {
        if (baseUrl == null) throw new IllegalArgumentException("endpoint url is required");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("endpoint url must be http(s)://host[:port][/path], got " + safeUrl(baseUrl));
        }
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
            // never echo the value: a user may have pasted the key itself here
            throw new IllegalArgumentException("api_key_env must name an environment variable (letters, digits, _), not hold the key");
        }
        if (api == null) api = ApiFlavor.openai;
        if (name == null || name.isBlank()) name = baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
        if (concurrency <= 0) concurrency = 16;
        if (requestsPerMinute != null && !(requestsPerMinute > 0)) throw new IllegalArgumentException("requests_per_minute must be > 0");
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
        if (requestTimeout == null) requestTimeout = Duration.ofMinutes(10);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("connect_timeout_s must be > 0");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) throw new IllegalArgumentException("request_timeout_s must be > 0");
        if (pricePerMillionIn != null && !(pricePerMillionIn >= 0)) throw new IllegalArgumentException("price_per_million_in must be >= 0");
        if (pricePerMillionOut != null && !(pricePerMillionOut >= 0)) throw new IllegalArgumentException("price_per_million_out must be >= 0");
    }

    /** An endpoint with defaults for everything but where, which protocol and which model. */
    public static Endpoint of(URI baseUrl, ApiFlavor api, String model) {
        return new Endpoint(null, baseUrl, api, model, null, 0, null, null, null, null, null);
    }

    public Endpoint withApiKeyEnv(String env) {
        return new Endpoint(name, baseUrl, api, model, env, concurrency, requestsPerMinute, connectTimeout, requestTimeout,
                pricePerMillionIn, pricePerMillionOut);
    }

    public Endpoint withModel(String m) {
        return new Endpoint(name, baseUrl, api, m, apiKeyEnv, concurrency, requestsPerMinute, connectTimeout, requestTimeout,
                pricePerMillionIn, pricePerMillionOut);
    }

    public Endpoint withTimeouts(Duration connect, Duration request) {
        return new Endpoint(name, baseUrl, api, model, apiKeyEnv, concurrency, requestsPerMinute, connect, request,
                pricePerMillionIn, pricePerMillionOut);
    }

    /** The key from the process environment, or null. */
    public String apiKey() {
        return apiKey(EnvLookup.system());
    }

    /** The key from {@code env}, or null when no variable is named or it is unset or blank. */
    public String apiKey(EnvLookup env) {
        if (apiKeyEnv == null) return null;
        String v = env.get(apiKeyEnv);
        return v == null || v.isBlank() ? null : v;
    }

    /** {@code api url model}, with any user-info, query and fragment of the URL left out. Never holds a key. */
    public String describe() {
        return api + " " + safeUrl(baseUrl) + (model == null ? "" : " " + model);
    }

    /** scheme://host[:port][/path] only. */
    public static String safeUrl(URI u) {
        if (u == null) return "null";
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return (u.getScheme() == null ? "" : u.getScheme() + "://") + (u.getHost() == null ? "?" : u.getHost())
                + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
    }

    /** The model to ask for; a request without one is a bad request the caller must fix. */
    public String requireModel() {
        if (model == null || model.isBlank()) {
            throw new ModelException(ModelException.Kind.BAD_REQUEST, 0,
                    describe() + ": no model named (pass --model or set 'model' in the endpoint config)", null, null);
        }
        return model;
    }
}

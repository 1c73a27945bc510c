package dev.arbiter.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Front-end assets bundled from WebJars, inlined into self-contained reports (no CDN, works offline). */
public final class Assets {
    /** Must match the org.webjars.npm:chart.js version in arbiter-core/pom.xml. */
    public static final String CHART_JS_VERSION = "4.4.1";
    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/" + CHART_JS_VERSION + "/dist/chart.umd.js";

    private Assets() {}

    public static String chartJs() {
        try (InputStream in = Assets.class.getResourceAsStream(CHART_JS)) {
            if (in == null) throw new IllegalStateException("Chart.js webjar missing from the classpath: " + CHART_JS);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CHART_JS, e);
        }
    }
}

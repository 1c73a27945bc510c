package dev.arbiter.report;

/** Escaping for text that reaches HTML: model output and catalogue text are untrusted. */
public final class Html {
    private Html() {}

    /** Escapes for element content and quoted attribute values. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * JSON placed inside a {@code <script>} element: {@code <}, {@code >}, {@code &} and the JS line separators are
     * written as unicode escapes so no string in the data can close the script element.
     */
    public static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** A link only for http(s) URLs; anything else is shown as text. */
    public static String link(String url, String text) {
        if (url == null) return "";
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return "<a href=\"" + escape(url) + "\" rel=\"noopener noreferrer\">" + escape(text) + "</a>";
        }
        return escape(text);
    }
}

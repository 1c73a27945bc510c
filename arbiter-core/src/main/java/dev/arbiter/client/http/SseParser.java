package dev.arbiter.client.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Server-sent events as the WHATWG spec parses them: lines end in LF, CR or CRLF; a line starting with ':' is a
 * comment; {@code field: value} loses one leading space from the value; several {@code data:} lines join with LF;
 * an empty line dispatches the event; an event with no data is not dispatched. At end of stream a pending event
 * without its closing empty line is discarded, as the spec says, so a connection cut mid-event never yields a
 * half-written JSON payload.
 */
public final class SseParser {
    private final LineReader lines;

    public SseParser(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** The next event, or null at end of stream. */
    public SseEvent next() throws IOException {
        StringBuilder data = null;
        String event = null;
        String id = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) return new SseEvent(event, data.toString(), id);
                event = null;
                continue;
            }
            if (line.charAt(0) == ':') continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "data" -> {
                    if (data == null) data = new StringBuilder(value.length());
                    else data.append('\n');
                    data.append(value);
                }
                case "event" -> event = value;
                case "id" -> id = value;
                default -> { } // "retry" and unknown fields are ignored, per spec
            }
        }
        return null;
    }
}

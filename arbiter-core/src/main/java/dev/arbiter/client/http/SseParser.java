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

    private static final byte[] LF = {'\n'};
    private byte[] data = new byte[512];
    private int dataLength;

    /**
     * The next event's data only, as UTF-8 bytes, without building Strings (the eval client reads nothing else of an
     * event): true and the data in {@link #data()}[0, {@link #dataLength()}), valid until the next call; false at end
     * of stream. The same events and the same data as {@link #next()}: comments skipped, one leading space dropped,
     * several data lines joined with LF, an event without data not dispatched, a pending event at end of stream
     * discarded.
     */
    public boolean nextData() throws IOException {
        dataLength = -1;
        int n;
        while ((n = lines.readLineBytes()) >= 0) {
            if (n == 0) {
                if (dataLength >= 0) return true;
                continue;
            }
            byte[] b = lines.lineBytes();
            int s = lines.lineStart();
            int end = s + n;
            if (b[s] == ':') continue;
            int colon = s;
            while (colon < end && b[colon] != ':') colon++;
            if (colon - s != 4 || b[s] != 'd' || b[s + 1] != 'a' || b[s + 2] != 't' || b[s + 3] != 'a') continue;
            int v = Math.min(colon + 1, end);
            if (v < end && b[v] == ' ') v++;
            if (dataLength >= 0) append(LF, 0, 1);
            else dataLength = 0;
            append(b, v, end - v);
        }
        return false;
    }

    private void append(byte[] b, int from, int n) {
        if (dataLength + n > data.length) data = java.util.Arrays.copyOf(data, Math.max(dataLength + n, 2 * data.length));
        System.arraycopy(b, from, data, dataLength, n);
        dataLength += n;
    }

    public byte[] data() { return data; }

    public int dataLength() { return dataLength; }
}

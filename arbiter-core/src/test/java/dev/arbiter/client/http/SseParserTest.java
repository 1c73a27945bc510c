package dev.arbiter.client.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {
    private static List<SseEvent> parse(String raw) throws IOException {
        SseParser p = new SseParser(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        List<SseEvent> out = new ArrayList<>();
        SseEvent e;
        while ((e = p.next()) != null) out.add(e);
        return out;
    }

    private static List<String> data(String raw) throws IOException {
        return parse(raw).stream().map(SseEvent::data).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n"})
    void splitsEventsOnAnyLineEnding(String nl) throws IOException {
        String raw = "data: {\"a\":1}" + nl + nl + "data: {\"b\":2}" + nl + nl + "data: [DONE]" + nl + nl;
        assertThat(data(raw)).containsExactly("{\"a\":1}", "{\"b\":2}", "[DONE]");
    }

    @Test
    void acceptsMixedLineEndingsInOneStream() throws IOException {
        assertThat(data("data: a\r\n\r\ndata: b\r\rdata: c\n\n")).containsExactly("a", "b", "c");
    }

    @Test
    void ignoresCommentLines() throws IOException {
        assertThat(data(": keep-alive\n\n: ping\ndata: x\n\n")).containsExactly("x");
    }

    @Test
    void joinsMultipleDataLinesWithLineFeed() throws IOException {
        assertThat(data("data: first\ndata: second\r\ndata:third\n\n")).containsExactly("first\nsecond\nthird");
    }

    @Test
    void removesOnlyOneLeadingSpaceFromAValue() throws IOException {
        assertThat(data("data:  two spaces\n\ndata:none\n\n")).containsExactly(" two spaces", "none");
    }

    @Test
    void keepsTheEventTypeAndId() throws IOException {
        assertThat(parse("event: error\nid: 7\ndata: {}\n\n")).containsExactly(new SseEvent("error", "{}", "7"));
    }

    @Test
    void doesNotDispatchAnEventWithoutData() throws IOException {
        assertThat(parse("event: ping\n\nretry: 100\n\ndata: x\n\n")).extracting(SseEvent::data).containsExactly("x");
    }

    @Test
    void discardsAnEventCutOffBeforeItsBlankLine() throws IOException {
        assertThat(data("data: whole\n\ndata: {\"cut\":")).containsExactly("whole");
    }

    @Test
    void decodesUtf8SplitAcrossReads() throws IOException {
        byte[] bytes = "data: héllo ☃\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream oneByteAtATime = new InputStream() {
            int i;
            @Override public int read() { return i < bytes.length ? bytes[i++] & 0xff : -1; }
        };
        assertThat(new SseParser(oneByteAtATime).next().data()).isEqualTo("héllo ☃");
    }

    @Test
    void returnsACarriageReturnLineWithoutWaitingForTheNextByte() throws IOException {
        byte[] bytes = "data: x\r".getBytes(StandardCharsets.UTF_8);
        InputStream stallsAfter = new InputStream() {
            int i;
            @Override public int read() {
                if (i < bytes.length) return bytes[i++];
                throw new AssertionError("read past the CR: the line was held back waiting for a possible LF");
            }
        };
        assertThat(new LineReader(stallsAfter).readLine()).isEqualTo("data: x");
    }

    /** An input stream that hands out one byte per read and says nothing is available: the slowest network. */
    private static InputStream trickle(byte[] bytes) {
        return new InputStream() {
            int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] & 0xff : -1;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "data: {\"a\":1}\n\ndata: [DONE]\n\n",
            "data: a\r\n\r\ndata: b\r\rdata: c\n\n",
            ": keep-alive\n\n: ping\ndata: x\n\n",
            "data: first\ndata: second\r\ndata:third\n\n",
            "data:  two spaces\n\ndata:none\n\ndata\n\ndata:\n\n",
            "event: error\nid: 7\ndata: {}\n\nretry: 5\ndatum: no\ndata: yes\n\n",
            "event: only\n\ndata: é☃ \u2028\n\ndata: cut off without its empty line",
            "\n\n\ndata: after blanks\n\n"})
    void dataBytesAreTheDataOfEveryEventTheStringParserGives(String raw) throws IOException {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        List<String> want = data(raw);
        for (InputStream in : List.of(new ByteArrayInputStream(bytes), trickle(bytes))) {
            SseParser p = new SseParser(in);
            List<String> got = new ArrayList<>();
            while (p.nextData()) got.add(new String(p.data(), 0, p.dataLength(), StandardCharsets.UTF_8));
            assertThat(got).isEqualTo(want);
        }
    }
}

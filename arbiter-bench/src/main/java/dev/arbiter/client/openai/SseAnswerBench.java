package dev.arbiter.client.openai;

import dev.arbiter.client.http.SseEvent;
import dev.arbiter.client.http.SseParser;
import dev.arbiter.client.http.WireJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One streamed answer of 16 tokens as vLLM sends it (role chunk, 16 content chunks, finish + usage, [DONE]):
 * split into events, and each event read as the OpenAI client reads it: today's byte path (SSE data bytes, then the
 * chunk scanner), the String path with Jackson's streaming parser before it, and the data binder before that. Per
 * answer, in µs. Run it with the launcher's flags too ({@code -jvmArgs "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}):
 * an eval runs on C1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseAnswerBench {
    static final byte[] STREAM = stream(16);

    static byte[] stream(int tokens) {
        String head = "data: {\"id\":\"cmpl-0\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"m\",\"choices\":[{\"index\":0,";
        StringBuilder b = new StringBuilder(head).append("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (int i = 0; i < tokens; i++) {
            b.append(head).append("\"delta\":{\"content\":\" tok").append(i).append("\"},\"finish_reason\":null}]}\n\n");
        }
        b.append(head).append("\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":")
                .append(tokens).append(",\"total_tokens\":").append(24 + tokens).append("}}\n\ndata: [DONE]\n\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public void splitEvents(Blackhole bh) throws IOException {
        SseParser p = new SseParser(new ByteArrayInputStream(STREAM));
        SseEvent e;
        while ((e = p.next()) != null) bh.consume(e);
    }

    @Benchmark
    public void splitEventDataBytes(Blackhole bh) throws IOException {
        SseParser p = new SseParser(new ByteArrayInputStream(STREAM));
        while (p.nextData()) bh.consume(p.dataLength());
    }

    @Benchmark
    public void splitAndScanBytes(Blackhole bh) throws IOException {
        SseParser p = new SseParser(new ByteArrayInputStream(STREAM));
        while (p.nextData()) {
            if (p.dataLength() != 6 || p.data()[0] != '[') bh.consume(StreamChunks.parse(p.data(), 0, p.dataLength()));
        }
    }

    @Benchmark
    public void splitAndReadStreaming(Blackhole bh) throws IOException {
        SseParser p = new SseParser(new ByteArrayInputStream(STREAM));
        SseEvent e;
        while ((e = p.next()) != null) {
            String data = e.data().strip();
            if (!data.equals("[DONE]")) bh.consume(StreamChunks.parse(data));
        }
    }

    @Benchmark
    public void splitAndReadDataBinding(Blackhole bh) throws IOException {
        SseParser p = new SseParser(new ByteArrayInputStream(STREAM));
        SseEvent e;
        while ((e = p.next()) != null) {
            String data = e.data().strip();
            if (!data.equals("[DONE]")) bh.consume(WireJson.MAPPER.readValue(data, CompletionBody.class));
        }
    }
}

package dev.arbiter.eval.task.e2e;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.LiveCodeBenchTask;
import dev.arbiter.sandbox.Sandbox;
import dev.arbiter.sandbox.SandboxOptions;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiveCodeBench in code_generation_lite's layout (invented problems; private tests in its compressed pickle form),
 * graded in the sandbox against a scripted server: stdin and LeetCode-style problems, a date window, and a program
 * that prints the right answer only for the public sample failing on the private tests.
 */
class LiveCodeBenchEndToEndTest {
    @TempDir Path dir;

    /** base64(zlib(pickle(str))) with a protocol-4 pickle of one short str, as LiveCodeBench ships private tests. */
    static String compressed(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80); p.write(4);
        p.write(0x8d);
        for (int i = 0; i < 8; i++) p.write((int) ((long) utf8.length >>> (8 * i)) & 0xff);
        p.writeBytes(utf8);
        p.write(0x94); p.write('.');
        Deflater d = new Deflater();
        d.setInput(p.toByteArray());
        d.finish();
        byte[] buf = new byte[utf8.length + 256];
        int n = d.deflate(buf);
        d.end();
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf, n));
    }

    static String row(String id, String date, String starter, String metadata, String pub, String priv) {
        return "{\"question_id\": \"" + id + "\", \"question_title\": \"t" + id + "\", \"question_content\": \"Problem " + id + "\", "
                + "\"platform\": \"atcoder\", \"contest_date\": \"" + date + "T00:00:00\", \"difficulty\": \"easy\", "
                + "\"starter_code\": " + starter + ", \"public_test_cases\": " + pub + ", \"private_test_cases\": \"" + priv + "\", "
                + "\"metadata\": " + metadata + "}\n";
    }

    static String json(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    @Test
    void stdinAndFunctionalProblemsAreGradedOnEveryTestInTheWindow() throws IOException {
        String sumPub = json("[{\"input\": \"1 2\\n\", \"output\": \"3\\n\", \"testtype\": \"stdin\"}]");
        String sumPriv = compressed("[{\"input\": \"10 5\\n\", \"output\": \"15\\n\", \"testtype\": \"stdin\"}, {\"input\": \"-1 1\\n\", \"output\": \"0\", \"testtype\": \"stdin\"}]");
        String fnPub = json("[{\"input\": \"[1, 2, 3]\", \"output\": \"6\", \"testtype\": \"functional\"}]");
        String fnPriv = compressed("[{\"input\": \"[]\", \"output\": \"0\", \"testtype\": \"functional\"}]");
        String data = row("a1", "2024-09-01", "\"\"", "\"{}\"", sumPub, sumPriv)
                + row("a2", "2024-10-01", "\"\"", "\"{}\"", sumPub, sumPriv)
                + row("l1", "2024-11-01", json("class Solution:\n    def total(self, nums):\n        "), json("{\"func_name\": \"total\"}"), fnPub, fnPriv)
                + row("old", "2023-01-01", "\"\"", "\"{}\"", sumPub, sumPriv);
        Path file = Files.writeString(dir.resolve("test6.jsonl"), data);
        Sandbox sandbox = Sandbox.open(SandboxOptions.defaults().withTimeout(Duration.ofSeconds(5)).withParallelism(2));
        Task task = LiveCodeBenchTask.create(file, "2024-08", null, List.of(1), sandbox);
        assertThat(task.dataset().samples()).extracting(Sample::id).containsExactly("a1", "a2", "l1");
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            return Reply.text(switch (s.id()) {
                case "a1" -> "Here:\n```python\na, b = map(int, input().split())\nprint(a + b)\n```";
                case "a2" -> "```python\nprint(3)\n```";   // right on the public sample only
                default -> "```python\nclass Solution:\n    def total(self, nums):\n        return sum(nums)\n```";
            });
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(3);
            assertThat(t.metrics().get("pass@1").value()).isEqualTo(2.0 / 3);
        }
    }

    @Test
    void aPickleHoldingAnythingButOneStringIsRefused() throws IOException {
        byte[] evil = {(byte) 0x80, 4, 'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', '.'};
        Deflater d = new Deflater();
        d.setInput(evil);
        d.finish();
        byte[] buf = new byte[256];
        int n = d.deflate(buf);
        String priv = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf, n));
        Path file = Files.writeString(dir.resolve("bad.jsonl"), row("x", "2024-09-01", "\"\"", "\"{}\"",
                json("[{\"input\": \"1\", \"output\": \"1\", \"testtype\": \"stdin\"}]"), priv));
        Sandbox sandbox = Sandbox.open(SandboxOptions.defaults());
        assertThatThrownBy(() -> LiveCodeBenchTask.create(file, null, null, List.of(1), sandbox))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.jsonl:1").hasMessageContaining("only a pickled str");
    }
}

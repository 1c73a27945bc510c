package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A model that tries to forge its HumanEval grade instead of solving the problems, end to end: a scripted server on
 * 127.0.0.1 answers each problem with one trick, the real eval path extracts and grades the answers, and every trick
 * must score 0 while the two honest answers in the same run pass.
 */
class HostileHumanEvalAnswersTest {
    /** Each trick, as Python defining {@code ENTRY} (replaced by the problem's entry point). */
    static final Map<String, String> TRICKS = new LinkedHashMap<>();

    static {
        TRICKS.put("scrape the pass marker from its own program and exit 0 from the function", """
                import os, re, sys
                def ENTRY(*args, **kwargs):
                    text = open(__file__).read() if '__file__' in globals() else ''
                    for marker in re.findall(r'arbiter-check-completed-[0-9a-f]+', text):
                        print(marker)
                    print('arbiter-check-completed-0')
                    sys.stdout.flush()
                    os._exit(0)
                """);
        TRICKS.put("print a marker and exit 0 from sys.excepthook", """
                import os, sys
                def _hook(*exc):
                    print('arbiter-check-completed-0'); sys.stdout.flush(); os._exit(0)
                sys.excepthook = _hook
                def ENTRY(*args, **kwargs):
                    return None
                """);
        TRICKS.put("exit 0 from an atexit hook after raising SystemExit", """
                import atexit, os, sys
                atexit.register(lambda: (print('arbiter-check-completed-0'), sys.stdout.flush(), os._exit(0)))
                def ENTRY(*args, **kwargs):
                    raise SystemExit(0)
                """);
        TRICKS.put("return an object equal to everything", """
                class _Anything:
                    def __eq__(self, other): return True
                    def __ne__(self, other): return False
                    def __bool__(self): return True
                    def __lt__(self, other): return True
                    def __gt__(self, other): return True
                    def __le__(self, other): return True
                    def __ge__(self, other): return True
                    def __sub__(self, other): return 0
                    def __rsub__(self, other): return 0
                    def __abs__(self): return 0
                    def __len__(self): return 0
                    def __iter__(self): return iter(())
                    def __hash__(self): return 0
                def ENTRY(*args, **kwargs):
                    return _Anything()
                """);
        TRICKS.put("return a subclass of str and of int that equals everything", """
                class _S(str):
                    def __eq__(self, other): return True
                    __hash__ = str.__hash__
                class _I(int):
                    def __eq__(self, other): return True
                    __hash__ = int.__hash__
                def ENTRY(*args, **kwargs):
                    return [_S(''), _I(0)][len(args) % 2]
                """);
        TRICKS.put("raise SystemExit(0) at import", """
                def ENTRY(*args, **kwargs):
                    return None
                raise SystemExit(0)
                """);
        TRICKS.put("monkeypatch builtins and assert", """
                import builtins
                builtins.AssertionError = type('AssertionError', (BaseException,), {})
                builtins.abs = lambda x: 0
                builtins.all = lambda x: True
                builtins.isinstance = lambda *a: True
                def ENTRY(*args, **kwargs):
                    return None
                """);
        TRICKS.put("kill its parent and every process it can", """
                import os, signal
                def ENTRY(*args, **kwargs):
                    for pid in (os.getppid(), 1, -1):
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except OSError:
                            pass
                    return None
                """);
        TRICKS.put("write a fake verdict to every descriptor it can reach", """
                import os
                def ENTRY(*args, **kwargs):
                    fake = b'ready\\n{"status": "passed", "detail": "forged"}\\n{"id": 1, "ok": true}\\n'
                    for fd in range(0, 64):
                        try:
                            os.write(fd, fake)
                        except OSError:
                            pass
                    for pid in [p for p in os.listdir('/proc') if p.isdigit()]:
                        for fd in range(0, 16):
                            try:
                                with open('/proc/%s/fd/%d' % (pid, fd), 'wb') as f:
                                    f.write(fake)
                            except OSError:
                                pass
                    return None
                """);
        TRICKS.put("sleep past the timeout", """
                import time
                def ENTRY(*args, **kwargs):
                    time.sleep(600)
                """);
    }

    @TempDir Path dir;
    ScriptedLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void everyTrickScoresZeroWhileHonestAnswersInTheSameRunPass() throws Exception {
        List<String> tricks = List.copyOf(TRICKS.values());
        int honest = 2;
        List<JsonNode> rows = StandardTasksEvalTest.lines(SharedData.path("humaneval/HumanEval.jsonl.gz"),
                tricks.size() + honest);
        Path data = StandardTasksEvalTest.writeJsonl(dir.resolve("he.jsonl"), rows);
        server = ScriptedLlmServer.builder().models("m").script(r -> {
            String asked = r.lastUserMessage();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode p = rows.get(i);
                String entry = p.get("entry_point").asText();
                if (!asked.contains("def " + entry + "(")) continue;
                String code = i < tricks.size() ? tricks.get(i).replace("ENTRY", entry)
                        : p.get("prompt").asText() + p.get("canonical_solution").asText();
                return Reply.text("```python\n" + code + "```\n");
            }
            return Reply.text("no idea");
        }).start();

        CliRun r = CliRun.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m", "--task", "humaneval",
                "--data", data.toString(), "--option", "timeout_s=3", "--store", dir.resolve("s.db").toString(),
                "--out", dir.resolve("run").toString(), "--quiet", "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> names = List.copyOf(TRICKS.keySet());
        for (String line : Files.readAllLines(dir.resolve("run").resolve("samples.jsonl"))) {
            JsonNode sample = Json.mapper().readTree(line);
            int i = Integer.parseInt(sample.get("sample_id").asText().substring("HumanEval/".length()));
            String outcome = sample.get("score_metadata").get("outcome").asText();
            assertThat(outcome).as("HumanEval/%d (%s): %s", i, i < names.size() ? names.get(i) : "honest answer",
                    sample.get("explanation")).isIn(i < names.size() ? List.of("failed", "timed_out") : List.of("passed"));
        }
        JsonNode task = r.json().get("tasks").get(0);
        assertThat(task.get("metrics").get("pass@1").get("value").asDouble())
                .isCloseTo((double) honest / rows.size(), within(1e-9));
        assertThat(task.get("outcomes").get("passed").asInt()).isEqualTo(honest);
        assertThat(task.get("outcomes").get("failed").asInt() + task.get("outcomes").get("timed_out").asInt())
                .isEqualTo(tricks.size());
    }
}

package dev.arbiter.eval.task.lcb;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.GradedProgram;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Runs a LiveCodeBench solution against every test, in the sandbox. Stdin problems: one sandboxed process feeds each
 * input to a fresh run of the program and collects what it printed; the expected outputs never enter the sandbox,
 * and the comparison is made here, as lcb_runner's {@code grade_stdio} makes it (stripped lines equal, or equal as
 * decimal numbers token by token). Functional (LeetCode) problems: the trusted grader calls
 * {@code Solution().func_name(*args)} in the candidate's process over the plain-data channel and compares the
 * result with the expected JSON value.
 */
public final class LcbGrader {
    static final String OUTPUTS_MARK = "\u0000ARBITER-LCB-OUTPUTS\u0000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Sandbox sandbox;

    public LcbGrader(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public record Verdict(Outcome outcome, int passed, int total, String detail) {}

    public Verdict grade(LcbProblem p, String code) {
        return p.functional() ? functional(p, code) : stdin(p, code);
    }

    private Verdict stdin(LcbProblem p, String code) {
        StringBuilder inputs = new StringBuilder("[");
        for (int i = 0; i < p.tests().size(); i++) inputs.append(i == 0 ? "" : ",").append(b64Literal(p.tests().get(i).input()));
        inputs.append(']');
        String program = String.join("\n",
                "import base64, io, sys, json",
                "_code = base64.b64decode(" + b64Literal(code) + ").decode()",
                "_inputs = [base64.b64decode(x).decode() for x in " + inputs + "]",
                "_out, _real = [], sys.stdout",
                "for _inp in _inputs:",
                "    sys.stdin, sys.stdout = io.StringIO(_inp), io.StringIO()",
                "    try:",
                "        exec(compile(_code, '<solution>', 'exec'), {'__name__': '__main__'})",
                "    except SystemExit:",
                "        pass",
                "    except BaseException as e:",
                "        sys.stdout.write('\\n<error: %s>' % type(e).__name__)",
                "    _out.append(sys.stdout.getvalue())",
                "    sys.stdout = _real",
                "_real.write('" + OUTPUTS_MARK.replace("\u0000", "\\x00") + "' + json.dumps(_out))",
                "_real.flush()");
        ExecutionResult r = sandbox.run(program);
        if (r.outcome() == Outcome.SANDBOX_ERROR) return new Verdict(Outcome.SANDBOX_ERROR, 0, p.tests().size(), r.detail());
        if (r.outcome() == Outcome.TIMED_OUT) return new Verdict(Outcome.TIMED_OUT, 0, p.tests().size(), "timed out");
        int at = r.stdout().lastIndexOf(OUTPUTS_MARK);
        if (at < 0) return new Verdict(Outcome.FAILED, 0, p.tests().size(), "the program ended before its outputs were collected");
        List<String> outputs = new ArrayList<>();
        try {
            JSON.readTree(r.stdout().substring(at + OUTPUTS_MARK.length())).forEach(n -> outputs.add(n.asText()));
        } catch (Exception e) {
            return new Verdict(Outcome.FAILED, 0, p.tests().size(), "unreadable outputs");
        }
        if (outputs.size() != p.tests().size()) return new Verdict(Outcome.FAILED, 0, p.tests().size(), "outputs for " + outputs.size() + " tests");
        int passed = 0;
        String first = null;
        for (int i = 0; i < outputs.size(); i++) {
            if (sameOutput(outputs.get(i), p.tests().get(i).output())) passed++;
            else if (first == null) first = "test " + (i + 1) + " printed a different output";
        }
        return new Verdict(passed == outputs.size() ? Outcome.PASSED : Outcome.FAILED, passed, outputs.size(),
                first == null ? "all " + passed + " tests passed" : first);
    }

    private Verdict functional(LcbProblem p, String code) {
        StringBuilder test = new StringBuilder("import json\n_cases = [\n");
        for (LcbTestCase t : p.tests()) {
            test.append("    (").append(b64Literal(t.input())).append(", ").append(b64Literal(t.output())).append("),\n");
        }
        test.append("]\nimport base64\n")
                .append("for _i, (_inp, _exp) in enumerate(_cases):\n")
                .append("    _args = [json.loads(l) for l in base64.b64decode(_inp).decode().split('\\n') if l.strip()]\n")
                .append("    _want = json.loads(base64.b64decode(_exp).decode())\n")
                .append("    _got = candidate(*_args)\n")
                .append("    assert _got == _want, 'test %d: got %r' % (_i + 1, _got)\n");
        String candidate = code + "\n\ndef __arbiter_entry(*args):\n    return Solution()." + p.funcName() + "(*args)\n";
        ExecutionResult r = sandbox.runGraded(new GradedProgram(candidate, "__arbiter_entry", "", test.toString()));
        int total = p.tests().size();
        return new Verdict(r.outcome(), r.outcome() == Outcome.PASSED ? total : 0, total, r.detail());
    }

    /** lcb_runner's grade_stdio: lines stripped; a differing line still matches when its tokens are equal decimals. */
    static boolean sameOutput(String got, String want) {
        String[] g = lines(got), w = lines(want);
        if (g.length != w.length) return false;
        for (int i = 0; i < g.length; i++) {
            if (g[i].equals(w[i])) continue;
            String[] gt = g[i].split("\\s+"), wt = w[i].split("\\s+");
            if (gt.length != wt.length) return false;
            for (int j = 0; j < gt.length; j++) {
                try {
                    if (new BigDecimal(gt[j]).compareTo(new BigDecimal(wt[j])) != 0) return false;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String[] lines(String s) {
        String[] ls = s.strip().split("\n", -1);
        for (int i = 0; i < ls.length; i++) ls[i] = ls[i].strip();
        return ls;
    }

    private static String b64Literal(String s) {
        return "'" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "'";
    }

}

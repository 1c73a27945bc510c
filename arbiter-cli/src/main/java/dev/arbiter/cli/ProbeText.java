package dev.arbiter.cli;

import dev.arbiter.probe.Breakdown;
import dev.arbiter.probe.CategoryResult;
import dev.arbiter.probe.GuardLatency;
import dev.arbiter.probe.GuardRate;
import dev.arbiter.probe.GuardReport;
import dev.arbiter.probe.GuardedCategory;
import dev.arbiter.probe.HitEvidence;
import dev.arbiter.probe.OwaspResult;
import dev.arbiter.probe.ProbeReport;

import java.io.PrintWriter;
import java.util.Locale;

/** The text view of a probe report (the JSON view is the report itself). Model text is shown escaped and cut short. */
final class ProbeText {
    static final int EVIDENCE_CHARS = 80;

    private ProbeText() {}

    static void print(PrintWriter out, ProbeReport r) {
        // the unsafe set's requests go to the guard only: named apart, so the probe's sample count is the attacks'
        int unsafeSet = r.guard() == null || r.guard().unsafeSet() == null ? 0 : r.guard().unsafeSet().n();
        out.printf(Locale.US, "probe run %s  %s  %s on %s  (%d probe samples × %d attempt%s%s%s)%n", r.runId(), r.status(),
                r.model(), r.endpoint(), r.samples(), r.attemptsPerProbe(), r.attemptsPerProbe() == 1 ? "" : "s",
                r.missing() == 0 ? "" : ", " + r.missing() + " missing",
                unsafeSet == 0 ? "" : "; the guard also read " + unsafeSet + " request" + (unsafeSet == 1 ? "" : "s") + " of --unsafe-set");
        out.printf(Locale.US, "  %-19s %-22s %8s %5s %8s  %-7s %-17s %s%n", "category", "owasp", "attempts", "hits",
                "unscored", "asr", "95% Wilson", "control hits");
        for (CategoryResult c : r.categories()) {
            out.printf(Locale.US, "  %-19s %-22s %8d %5d %8d  %-7s %-17s %s%n", c.id(),
                    c.owasp().isEmpty() ? "-" : String.join(",", c.owasp()), c.attempts(), c.hits(), c.unscored(),
                    c.asr() == null ? "-" : Text.num(c.asr().value(), 3), c.asr() == null ? "-" : RunText.interval(c.asr().wilson95()),
                    c.controlAttempts() == 0 ? "-" : c.controlHits() + "/" + c.controlAttempts());
        }
        if (r.attemptsPerProbe() > 1) {
            int k = r.attemptsPerProbe();
            out.print("  hit at least once in " + k + " attempts (ASR@" + k + "):");
            int leftOut = 0;
            for (CategoryResult c : r.categories()) {
                out.printf(Locale.US, "  %s %d/%d%s", c.id(), c.samplesHit(), c.samples() - c.samplesLeftOut(),
                        c.samplesLeftOut() == 0 ? "" : " (" + c.samplesLeftOut() + " left out)");
                leftOut += c.samplesLeftOut();
            }
            out.println();
            if (leftOut > 0) {
                out.printf(Locale.US, "  (%d sample%s left out of ASR@%d: not hit, and fewer than %d attempts scored)%n", leftOut,
                        leftOut == 1 ? "" : "s", k, k);
            }
        }
        for (CategoryResult c : r.categories()) {
            if (c.leakedFraction() != null) out.printf(Locale.US, "  %s: mean share of the system prompt leaked %s%n", c.id(), Text.num(c.leakedFraction(), 3));
            String notMeasured = c.utilityNotMeasured() + " attack" + (c.utilityNotMeasured() == 1 ? "" : "s")
                    + " on your --document, whose probes' known answers belong to the documents it replaced";
            if (c.utility() != null) {
                out.printf(Locale.US, "  %s: utility under attack %s%s%n", c.id(), Text.num(c.utility(), 3),
                        c.utilityNotMeasured() == 0 ? "" : " (not measured on " + notMeasured + ")");
            } else if (c.utilityNotMeasured() > 0) {
                out.printf(Locale.US, "  %s: utility under attack not measured (%s)%n", c.id(), notMeasured);
            }
        }
        if (!r.owasp().isEmpty()) {
            out.println("  by OWASP LLM Top 10 2025:");
            for (OwaspResult o : r.owasp()) {
                out.printf(Locale.US, "    %-11s %5d hits of %5d (%d unscored)  asr %s %s  %s%n", o.id(), o.hits(), o.attempts(),
                        o.unscored(), o.asr() == null ? "-" : Text.num(o.asr().value(), 3),
                        o.asr() == null ? "" : RunText.interval(o.asr().wilson95()), String.join(", ", o.categories()));
            }
        }
        printBreakdown(out, "by MITRE ATLAS technique", r.atlas());
        printBreakdown(out, "by injection position", r.positions());
        printBreakdown(out, "by encoding", r.encodings());
        if (!r.unscoredReasons().isEmpty()) out.println("  unscored: " + r.unscoredReasons());
        if (!r.hits().isEmpty()) {
            out.println("  hits (evidence):");
            for (HitEvidence h : r.hits()) {
                out.printf(Locale.US, "    %-32s #%d %-7s %-14s %s%n", h.sampleId(), h.epoch(), h.kind(),
                        h.matchedBy() == null ? "-" : h.matchedBy(), shown(h.evidence() != null ? h.evidence() : h.explanation()));
            }
        }
        if (r.guard() != null) printGuard(out, r.guard());
    }

    private static void printBreakdown(PrintWriter out, String title, java.util.List<Breakdown> rows) {
        if (rows.isEmpty()) return;
        out.print("  " + title + ":");
        for (Breakdown b : rows) {
            out.printf(Locale.US, "  %s %d/%d", b.id(), b.hits(), b.attempts() - b.unscored());
        }
        out.println();
    }

    static void printGuard(PrintWriter out, GuardReport g) {
        out.printf(Locale.US, "  guard %s (%s, %s; screens prompts%s):%n", g.model(), g.kind(), g.purpose(),
                g.screensReplies() ? " and replies" : "");
        for (GuardRate rate : new GuardRate[]{g.attackPrompts(), g.unsafeSet(), g.benign()}) {
            if (rate == null) continue;
            out.printf(Locale.US, "    %s: %d of %d flagged (%s %s)%s%n", rate.set(), rate.flagged(), rate.n(),
                    rate.rate() == null ? "-" : Text.num(rate.rate().value(), 3), rate.rate() == null ? "" : RunText.interval(rate.rate().wilson95()),
                    rate.unreadable() == 0 ? "" : "; " + rate.unreadable() + " unreadable");
        }
        for (GuardedCategory c : g.categories()) {
            out.printf(Locale.US, "    %-19s asr model %s  model+guard %s%n", c.id(),
                    c.asrModel() == null ? "-" : Text.num(c.asrModel().value(), 3),
                    c.asrWithGuard() == null ? "-" : Text.num(c.asrWithGuard().value(), 3));
        }
        for (Object[] l : new Object[][]{{"prompt", g.promptLatency()}, {"reply", g.replyLatency()}}) {
            if (l[1] instanceof GuardLatency lat) {
                out.printf(Locale.US, "    latency (%s): mean %.0f ms, p50 %d ms, p95 %d ms, max %d ms over %d calls%n", l[0],
                        lat.meanMs(), lat.p50Ms(), lat.p95Ms(), lat.maxMs(), lat.n());
            }
        }
    }

    /** Control characters and invisible ones escaped, long evidence cut: model output must not drive the terminal. */
    static String shown(String s) {
        if (s == null) return "-";
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(EVIDENCE_CHARS).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.FORMAT) sb.append(String.format(Locale.US, "\\u%04x", cp));
            else sb.appendCodePoint(cp);
        });
        if (s.codePointCount(0, s.length()) > EVIDENCE_CHARS) sb.append('…');
        return sb.toString();
    }
}

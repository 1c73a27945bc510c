package dev.arbiter.cli;

import dev.arbiter.eval.engine.Progress;
import dev.arbiter.eval.engine.ProgressListener;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.SampleRecord;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One self-rewriting stderr line: {@code truth  12/30  40%  3.2/s  ETA 0:06  score 0.667  1 err}. Redrawn at most
 * every 100 ms of run time (and at the end). Silent when {@code live} is false (stderr not a terminal, or --quiet),
 * except for the resume notice, which {@code notices} controls.
 */
final class ProgressBar implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean live;
    private final boolean notices;
    private long lastDraw = Long.MIN_VALUE;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean live, boolean notices) {
        this.err = err;
        this.live = live;
        this.notices = notices;
    }

    @Override
    public void resuming(String runId, int alreadyDone, int total) {
        if (!notices) return;
        err.printf(Locale.US, "arbiter: resuming run %s (%d of %d answers already stored; only the rest are asked)%n",
                runId, alreadyDone, total);
        err.flush();
    }

    @Override
    public void started(Progress p) {
        if (live) draw(p);
    }

    @Override
    public void sampleDone(SampleRecord r, Progress p) {
        if (!live) return;
        if (p.done() == p.total() || p.elapsedNanos() - lastDraw >= REDRAW_NANOS) draw(p);
    }

    @Override
    public void finished(RunRecord r) {
        if (live && drawn) {
            err.println();
            err.flush();
        }
    }

    private void draw(Progress p) {
        lastDraw = p.elapsedNanos();
        drawn = true;
        err.print("\r" + line(p) + "\u001b[K");
        err.flush();
    }

    /** The bar's text for {@code p}; rate and ETA from the answers of this session only. */
    static String line(Progress p) {
        double seconds = p.elapsedNanos() / 1e9;
        int fresh = p.doneThisSession();
        double rate = seconds > 0 ? fresh / seconds : 0;
        String eta = rate > 0 ? clock((p.total() - p.done()) / rate) : "-";
        int pct = p.total() == 0 ? 100 : (int) Math.floor(100.0 * p.done() / p.total());
        String score = Double.isNaN(p.runningMean()) ? "-" : String.format(Locale.US, "%.3f", p.runningMean());
        return String.format(Locale.US, "%s  %d/%d  %d%%  %s/s  ETA %s  score %s%s", p.task(), p.done(), p.total(), pct,
                Text.num(rate, 1), eta, score, p.errors() == 0 ? "" : "  " + p.errors() + " err");
    }

    /** h:mm:ss or m:ss. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.US, "%d:%02d:%02d", h, m, sec) : String.format(Locale.US, "%d:%02d", m, sec);
    }
}

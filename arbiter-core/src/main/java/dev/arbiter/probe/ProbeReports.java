package dev.arbiter.probe;

import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.engine.TaskResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reduces a probe run's stored attempts to its {@link ProbeReport}. */
public final class ProbeReports {
    private ProbeReports() {}

    public static ProbeReport summarise(RunRecord run, List<SampleRecord> records) {
        Map<ProbeCategory, Group> groups = new LinkedHashMap<>();
        for (ProbeCategory c : ProbeCategory.values()) groups.put(c, new Group());
        Map<String, Tally> owasp = new TreeMap<>();
        Map<String, Set<String>> owaspCategories = new TreeMap<>();
        List<HitEvidence> hits = new ArrayList<>();
        Map<String, Integer> unscored = new TreeMap<>();
        Set<String> samples = new HashSet<>();
        Map<String, Tally> positions = new TreeMap<>();
        Map<String, Tally> atlas = new TreeMap<>();
        Map<String, Tally> encodings = new TreeMap<>();
        for (SampleRecord r : records) {
            Map<String, Object> sm = r.sampleMetadata();
            ProbeCategory category;
            try {
                category = ProbeCategory.valueOf(String.valueOf(sm.get("category")));
            } catch (IllegalArgumentException notAProbe) {
                continue;
            }
            samples.add(r.sampleId());
            String kind = String.valueOf(sm.get("kind"));
            Boolean hit = SampleRecord.SCORED.equals(r.status()) ? Boolean.valueOf(r.score() >= 0.5) : null;
            if (hit == null) unscored.merge(reason(r), 1, Integer::sum);
            Group g = groups.get(category);
            Map<String, Object> score = r.scoreMetadata() == null ? Map.of() : r.scoreMetadata();
            if (ProbeExpander.KIND_CONTROL.equals(kind)) {
                g.control.add(hit);
            } else {
                g.tally.add(hit);
                g.atK.add(r.sampleId(), r.epoch(), hit);
                g.probes.add(String.valueOf(sm.get("probe")));
                for (Object id : list(sm.get("owasp"))) g.owasp.add(id.toString());
                for (Object id : list(sm.get("atlas"))) g.atlas.add(id.toString());
                if (score.get("leaked_fraction") instanceof Number f) g.leaked.add(f.doubleValue());
                if (score.get("utility") instanceof Number u && hit != null) g.utility.add(u.doubleValue());
                if (sm.containsKey(ProbeExpander.UTILITY_NOT_MEASURED)) g.utilityNotMeasured++;
                if (Boolean.TRUE.equals(score.get("refusal"))) g.refusals++;
                if (ProbeExpander.KIND_ATTACK.equals(kind)) {
                    if (sm.get("position") != null) positions.computeIfAbsent(sm.get("position").toString(), k -> new Tally()).add(hit);
                    if (sm.get("encoding") != null) encodings.computeIfAbsent(sm.get("encoding").toString(), k -> new Tally()).add(hit);
                    for (Object id : list(sm.get("atlas"))) atlas.computeIfAbsent(id.toString(), k -> new Tally()).add(hit);
                    for (Object id : list(sm.get("owasp"))) {
                        owasp.computeIfAbsent(id.toString(), k -> new Tally()).add(hit);
                        owaspCategories.computeIfAbsent(id.toString(), k -> new TreeSet<>()).add(category.id());
                    }
                }
            }
            if (Boolean.TRUE.equals(hit)) {
                hits.add(new HitEvidence(r.sampleId(), r.epoch(), category.id(), kind, str(score.get("matched_by")),
                        str(score.get("evidence")), integer(score.get("evidence_start")), integer(score.get("evidence_end")),
                        r.explanation()));
            }
        }
        int k = run.manifest().epochs();
        List<CategoryResult> categories = new ArrayList<>();
        groups.forEach((c, g) -> {
            if (g.tally.attempts == 0 && g.control.attempts == 0) return;
            // the tags of the probes that ran (user packs may tag differently), else the category's defaults
            categories.add(new CategoryResult(c.id(), g.owasp.isEmpty() ? c.owasp() : List.copyOf(g.owasp),
                    g.atlas.isEmpty() ? c.atlas() : List.copyOf(g.atlas), c.hitMeans(), g.probes.size(), g.tally.attempts,
                    g.tally.hits, g.tally.passes, g.tally.unscored, g.tally.rate("asr"), g.atK.samples(),
                    g.atK.hit(), g.atK.leftOut(k), g.control.attempts, g.control.hits,
                    g.control.unscored, c == ProbeCategory.system_prompt_leak ? mean(g.leaked) : null, mean(g.utility),
                    g.utilityNotMeasured, c == ProbeCategory.over_refusal ? g.refusals : null));
        });
        List<OwaspResult> byOwasp = new ArrayList<>();
        owasp.forEach((id, t) -> byOwasp.add(new OwaspResult(id, List.copyOf(owaspCategories.get(id)), t.attempts, t.hits,
                t.unscored, t.rate("asr"))));
        TaskResult t = run.tasks().isEmpty() ? null : run.tasks().get(0);
        return new ProbeReport(run.runId(), run.status().name(), run.manifest().model(), run.manifest().endpoint(),
                run.manifest().epochs(), samples.size(), t == null ? 0 : t.missing(), categories, byOwasp, breakdown(atlas), breakdown(positions),
                breakdown(encodings), hits, unscored, null);
    }

    private static List<Breakdown> breakdown(Map<String, Tally> by) {
        List<Breakdown> out = new ArrayList<>();
        by.forEach((id, t) -> out.add(new Breakdown(id, t.attempts, t.hits, t.unscored, t.rate("asr"))));
        return out;
    }

    private static final class Group {
        final Tally tally = new Tally();
        final Tally control = new Tally();
        final Set<String> probes = new TreeSet<>();
        final AsrAtK atK = new AsrAtK();
        final Set<String> owasp = new TreeSet<>();
        final Set<String> atlas = new TreeSet<>();
        final List<Double> leaked = new ArrayList<>();
        final List<Double> utility = new ArrayList<>();
        int utilityNotMeasured;
        int refusals;
    }

    private static String reason(SampleRecord r) {
        if (r.error() != null) return "error_" + r.error().kind();
        Object o = r.scoreMetadata() == null ? null : r.scoreMetadata().get("outcome");
        return o == null ? "unscored" : o.toString();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    private static Integer integer(Object o) { return o instanceof Number n ? n.intValue() : null; }

    private static Double mean(List<Double> xs) {
        if (xs.isEmpty()) return null;
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.size();
    }
}

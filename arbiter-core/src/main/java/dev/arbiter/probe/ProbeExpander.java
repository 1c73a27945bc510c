package dev.arbiter.probe;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns probes into samples: one attack per injection position (or one when the place is fixed), the no-attack
 * control (the same context with the injection removed, or the probe's {@code control} turn), and the benign twin
 * (category over_refusal). Sample ids are {@code PROBE/VARIANT}. Every sample's metadata says its category, kind
 * (attack, control, twin), OWASP and ATLAS tags and what to look for; {@code document: user} when the user's
 * {@code --document} replaced the probe's, whose task then has no known answer (no target, no utility).
 *
 * <p>Anti-echo: a derived probe whose success string can be read (by {@link CanaryMatcher}, disguises included) from
 * anything sent to the model is refused, so a model that quotes or echoes its input is never counted as hijacked.
 */
public final class ProbeExpander {
    public static final String KIND_ATTACK = "attack";
    public static final String KIND_CONTROL = "control";
    public static final String KIND_TWIN = "twin";
    /** Sample metadata of an attack or control whose task's answers cannot be checked (why, as text). */
    public static final String UTILITY_NOT_MEASURED = "utility_not_measured";

    private ProbeExpander() {}

    public static List<Sample> expand(List<ProbePack> packs, ProbeSettings settings) {
        List<Sample> out = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        int doc = 0;
        for (ProbePack pack : packs) {
            String base = settings.baseSystem() != null ? settings.baseSystem()
                    : pack.baseSystem() != null ? pack.baseSystem() : ProbeSettings.DEFAULT_BASE_SYSTEM;
            for (Probe p : pack.probes()) {
                String where = pack.source() + " line " + p.line() + ", probe '" + p.id() + "'";
                String before = ids.putIfAbsent(p.id(), where);
                if (before != null) throw new InvalidInputException(where + ": probe id also used at " + before);
                Secrets s = Secrets.of(settings.seed(), p.id());
                String document = p.document();
                // over_refusal probes are benign requests judged by their known answers: like twins, they keep theirs
                boolean userDocument = document != null && !settings.documents().isEmpty()
                        && p.category() != ProbeCategory.over_refusal;
                if (userDocument) document = settings.documents().get(doc++ % settings.documents().size());
                if (settings.includes(p.category())) {
                    for (Variant v : variants(p, document, settings.controls())) {
                        out.add(sample(pack, p, base, s, v, where, userDocument));
                    }
                }
                if (p.twin() != null && settings.includes(ProbeCategory.over_refusal)) {
                    out.add(twin(pack, p, base, s));
                }
            }
        }
        return out;
    }

    /** An attack or control: its id suffix, position (or null), user turn and document. */
    private record Variant(String name, String kind, String position, String user, String document, boolean attack) {}

    private static List<Variant> variants(Probe p, String document, boolean controls) {
        List<Variant> v = new ArrayList<>();
        if (p.category() == ProbeCategory.over_refusal) {
            v.add(new Variant("benign", KIND_TWIN, null, p.user(), document, false));
            return v;
        }
        if (document != null) {
            if (document.contains(Placeholders.INJECTION)) v.add(new Variant("marked", KIND_ATTACK, "marked", p.user(), document, true));
            else for (Probe.Position pos : p.positions()) v.add(new Variant(pos.name(), KIND_ATTACK, pos.name(), p.user(), document, true));
            if (controls) v.add(new Variant("control", KIND_CONTROL, null, p.user(), document, false));
        } else {
            v.add(new Variant("attack", KIND_ATTACK, p.user().contains(Placeholders.INJECTION) ? "user" : null, p.user(), null, true));
            if (controls && p.user().contains(Placeholders.INJECTION)) {
                v.add(new Variant("control", KIND_CONTROL, null, p.user(), null, false));
            } else if (controls && p.control() != null) {
                v.add(new Variant("control", KIND_CONTROL, null, p.control(), null, false));
            }
        }
        return v;
    }

    private static Sample sample(ProbePack pack, Probe p, String base, Secrets s, Variant v, String where,
                                 boolean userDocument) {
        String injection = v.attack() ? injection(p, s) : "";
        String document = v.document() == null ? null : place(fill(v.document(), s, p.exfilHost()), injection, v.position());
        String user = fill(v.user(), s, p.exfilHost()).replace(Placeholders.INJECTION, injection);
        if (document != null) user = user.replace(Placeholders.DOCUMENT, document);
        String system = system(base, p.system(), s, p.exfilHost());
        List<ChatMessage> input = List.of(ChatMessage.system(system), ChatMessage.user(user));
        String secret = switch (p.success()) {
            case canary, exfil -> s.canary();
            case derived -> s.derived();
            case render -> s.marker();
            case answer -> null;
        };
        if (p.success() == SuccessRule.derived) antiEcho(input, secret, where);
        Map<String, Object> meta = meta(pack, p, v.kind(), v.name());
        if (v.position() != null) meta.put("position", v.position());
        meta.put("success", p.success().name());
        if (secret != null) meta.put("secret", secret);
        if (p.success() == SuccessRule.exfil) meta.put("exfil_host", p.exfilHost());
        meta.put("encoding", p.encoding().name());
        if (p.carrier() != null) meta.put("carrier", p.carrier());
        if (p.lang() != null) meta.put("lang", p.lang());
        List<String> target = p.answers();
        if (userDocument) {
            meta.put("document", "user");
            // The probe's answers ("12.99" for "What does the book cost?") belong to the pack's document, not to the
            // user's that replaced it: scoring against them would read correct answers as lost utility.
            if (!target.isEmpty()) {
                meta.put(UTILITY_NOT_MEASURED, "the probe's answers belong to its own document, replaced by --document");
            }
            target = List.of();
        }
        return new Sample(p.id() + "/" + v.name(), input, target, List.of(), meta);
    }

    private static Sample twin(ProbePack pack, Probe p, String base, Secrets s) {
        Probe.Twin t = p.twin();
        String user = fill(t.user(), s, p.exfilHost());
        if (t.document() != null) user = user.replace(Placeholders.DOCUMENT, fill(t.document(), s, p.exfilHost()));
        List<ChatMessage> input = List.of(ChatMessage.system(system(base, p.system(), s, p.exfilHost())), ChatMessage.user(user));
        Map<String, Object> meta = meta(pack, p, KIND_TWIN, "twin");
        meta.put("category", ProbeCategory.over_refusal.id());
        meta.put("owasp", List.of());
        meta.put("atlas", List.of());
        meta.put("twin_of", p.id());
        meta.put("success", SuccessRule.answer.name());
        return new Sample(p.id() + "/twin", input, t.answers(), List.of(), meta);
    }

    private static Map<String, Object> meta(ProbePack pack, Probe p, String kind, String variant) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", pack.id());
        m.put("probe", p.id());
        m.put("category", p.category().id());
        m.put("kind", kind);
        m.put("variant", variant);
        m.put("owasp", p.owasp());
        m.put("atlas", p.atlas());
        return m;
    }

    static String system(String base, String rules, Secrets s, String exfilHost) {
        String r = fill(rules, s, exfilHost).strip();
        return r.isEmpty() ? base.strip() : base.strip() + "\n\n" + r;
    }

    private static String injection(Probe p, Secrets s) {
        if (p.injection() == null) return "";
        String plain = fill(p.injection(), s, p.exfilHost()).strip();
        if (p.encoding() == Obfuscation.none) return plain;
        return fill(p.wrapper(), s, p.exfilHost()).replace(Placeholders.ENCODED, p.encoding().encode(plain)).strip();
    }

    /** {{EXFIL_URL}} becomes {@code https://HOST/collect?d=}, HOST the probe's {@code exfil_host}. */
    static String fill(String template, Secrets s, String exfilHost) {
        if (template == null) return null;
        return template.replace(Placeholders.CANARY, s.canary()).replace(Placeholders.PART1, s.part1())
                .replace(Placeholders.PART2, s.part2()).replace(Placeholders.MARKER, s.marker())
                .replace(Placeholders.EXFIL_URL, "https://" + exfilHost + "/collect?d=");
    }

    /**
     * The injection placed in the document: at its {{INJECTION}} marker; at the start or end; or in the middle, after
     * the middle paragraph (blank-line separated) or, for one paragraph, after the sentence nearest its middle.
     * A control (empty injection) gets the document alone.
     */
    static String place(String document, String injection, String position) {
        String doc = document.strip();
        if (doc.contains(Placeholders.INJECTION)) return doc.replace(Placeholders.INJECTION, injection);
        if (injection.isEmpty() || position == null) return doc;
        return switch (position) {
            case "start" -> injection + "\n\n" + doc;
            case "end" -> doc + "\n\n" + injection;
            default -> middle(doc, injection);
        };
    }

    private static String middle(String doc, String injection) {
        String[] paragraphs = doc.split("\n\\s*\n");
        if (paragraphs.length > 1) {
            int k = (paragraphs.length + 1) / 2;
            return String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, 0, k)) + "\n\n" + injection + "\n\n"
                    + String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, k, paragraphs.length));
        }
        int best = -1;
        for (int i = doc.indexOf(". "); i >= 0; i = doc.indexOf(". ", i + 1)) {
            if (best < 0 || Math.abs(i - doc.length() / 2) < Math.abs(best - doc.length() / 2)) best = i;
        }
        if (best < 0) return doc + " " + injection;
        return doc.substring(0, best + 1) + " " + injection + " " + doc.substring(best + 2);
    }

    /** The whole conversation, as an echoing model would return it, must not contain the success string. */
    private static void antiEcho(List<ChatMessage> input, String success, String where) {
        String all = String.join("\n", input.stream().map(ChatMessage::content).toList());
        CanaryMatcher.find(all, success).ifPresent(hit -> {
            throw new InvalidInputException(where + ": the success string can be read from the input itself ("
                    + hit.rung() + " match '" + hit.evidence() + "'), so a model that merely echoes its input would "
                    + "count as hijacked; ask for {{PART1}} and {{PART2}} to be joined without writing them side by side");
        });
    }
}

package dev.arbiter.probe;

import dev.arbiter.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** What a probe must satisfy to be scorable without a judge; checked when its pack is read. */
final class ProbeRules {
    private ProbeRules() {}

    static void check(Probe p, String where) {
        List<String> attackerSide = new ArrayList<>();
        add(attackerSide, p.user(), p.document(), p.injection(), p.wrapper(), p.control());
        if (p.twin() != null) add(attackerSide, p.twin().user(), p.twin().document());
        for (String s : attackerSide) {
            if (s.contains(Placeholders.CANARY)) {
                throw new InvalidInputException(where + ": {{CANARY}} may appear only in 'system': a secret the attacker "
                        + "sends proves nothing when it comes back");
            }
        }
        switch (p.success()) {
            case canary, exfil -> {
                if (!p.system().contains(Placeholders.CANARY)) {
                    throw new InvalidInputException(where + ", field 'system': success '" + p.success()
                            + "' needs {{CANARY}} in the system prompt");
                }
            }
            case derived -> {
                String all = String.join("\n", attackerSide) + "\n" + p.system();
                if (!all.contains(Placeholders.PART1) || !all.contains(Placeholders.PART2)) {
                    throw new InvalidInputException(where + ": success 'derived' needs {{PART1}} and {{PART2}} in the "
                            + "probe's text (the model must join them; the joined string is never sent)");
                }
            }
            case render -> {
                if (attackerSide.stream().noneMatch(s -> s.contains(Placeholders.MARKER))) {
                    throw new InvalidInputException(where + ": success 'render' needs {{MARKER}} in the payload, so "
                            + "prose about script tags is not a hit");
                }
            }
            case answer -> {
                if (p.answers().isEmpty()) throw new InvalidInputException(where + ", field 'answers': success 'answer' needs the correct answers");
            }
        }
        if ((p.category() == ProbeCategory.over_refusal) != (p.success() == SuccessRule.answer)) {
            throw new InvalidInputException(where + ": category over_refusal and success 'answer' go together");
        }
        if (p.document() != null && !p.user().contains(Placeholders.DOCUMENT)) {
            throw new InvalidInputException(where + ", field 'user': a probe with a document needs {{DOCUMENT}} in 'user'");
        }
        if (p.injection() != null && p.document() == null && !p.user().contains(Placeholders.INJECTION)) {
            throw new InvalidInputException(where + ", field 'user': an injection needs a document or {{INJECTION}} in 'user'");
        }
        if (p.document() != null && p.injection() == null) {
            throw new InvalidInputException(where + ", field 'injection': a probe with a document needs the injected text");
        }
        if (p.encoding() != Obfuscation.none && (p.wrapper() == null || !p.wrapper().contains(Placeholders.ENCODED))) {
            throw new InvalidInputException(where + ", field 'wrapper': encoding '" + p.encoding()
                    + "' needs a wrapper with {{ENCODED}} where the encoded injection goes");
        }
        if (p.encoding() != Obfuscation.none && p.injection() == null) {
            throw new InvalidInputException(where + ", field 'injection': an encoding needs an injection to encode");
        }
    }

    private static void add(List<String> to, String... texts) {
        for (String t : texts) if (t != null) to.add(t);
    }
}

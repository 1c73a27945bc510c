package dev.arbiter.eval.task.ifeval;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a response, as IFEval asks Python's langdetect: the most probable language of the built-in
 * profiles (optimaize's, from the same Cybozu n-gram profiles langdetect was ported from), empty when the text has
 * no usable features — where IFEval's checkers count the instruction as followed. Text written in capitals alone is
 * read case-folded (see {@link #detect}). Loaded once, on first use.
 */
public final class Languages {
    private static volatile LanguageDetector detector;

    private Languages() {}

    public static Optional<String> detect(String text) {
        // langdetect reads nothing of a word in capitals past its first letter (NGram.capitalword), so it judges text
        // in capitals by word initials and word ends; optimaize reads every n-gram of it ("WIL", "LL "), rare in its
        // profiles, and called 19 of 60 English passages in capitals "de" or "so" that langdetect calls "en".
        // Case-folded, all 60 are "en". Mixed-case text is read as it is, as langdetect reads it.
        String read = IfevalText.isUpper(text) ? text.toLowerCase(Locale.ROOT) : text;
        List<DetectedLanguage> ranked = detector().getProbabilities(read);
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0).getLocale().getLanguage());
    }

    private static LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d != null) return d;
        synchronized (Languages.class) {
            if (detector == null) {
                try {
                    detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                            .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the bundled language profiles", e);
                }
            }
            return detector;
        }
    }
}

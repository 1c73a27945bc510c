package dev.arbiter.recommend;

import dev.arbiter.catalog.LicenseUse;
import dev.arbiter.catalog.Suggest;
import dev.arbiter.error.InvalidInputException;

import java.util.List;
import java.util.Locale;

/**
 * Which licences {@code --license} keeps. The default keeps models that need a commercial agreement (each says so on
 * its ranking line) and leaves out research-only ones; {@code commercial} keeps only what is deployable as is;
 * {@code any} keeps everything.
 */
public enum LicenseFilter {
    DEFAULT, COMMERCIAL, ANY;

    public static LicenseFilter parse(String s) {
        if (s == null) return DEFAULT;
        String t = s.toLowerCase(Locale.ROOT);
        if (t.equals("commercial")) return COMMERCIAL;
        if (t.equals("any")) return ANY;
        throw new InvalidInputException("--license takes commercial or any, got '" + s + "'"
                + Suggest.nearest(t, List.of("commercial", "any")));
    }

    public boolean keeps(LicenseUse use) {
        return switch (this) {
            case ANY -> true;
            case COMMERCIAL -> use == LicenseUse.ALLOWED;
            case DEFAULT -> use != LicenseUse.RESEARCH_ONLY;
        };
    }
}

package dev.arbiter.recommend;

import java.util.Set;

/** Which licence regions a user's {@code --region} falls under: a region itself, and an EU member state the EU. */
final class Regions {
    private Regions() {}

    /** The 27 EU member states, ISO 3166-1 alpha-2, lower case (Greece as gr; el is its language code). */
    static final Set<String> EU_MEMBERS = Set.of("at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr",
            "hu", "ie", "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se");

    /** True when a clause about {@code clauseRegion} applies to someone in {@code userRegion} (both lower case). */
    static boolean covers(String clauseRegion, String userRegion) {
        return clauseRegion.equals(userRegion) || (clauseRegion.equals("eu") && EU_MEMBERS.contains(userRegion));
    }
}

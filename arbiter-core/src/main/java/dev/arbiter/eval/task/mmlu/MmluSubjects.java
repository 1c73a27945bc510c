package dev.arbiter.eval.task.mmlu;

import java.util.List;

/** The 57 MMLU subjects (Hendrycks et al. 2021), as their file names spell them. */
public final class MmluSubjects {
    public static final List<String> ALL = List.of(
            "abstract_algebra", "anatomy", "astronomy", "business_ethics", "clinical_knowledge", "college_biology",
            "college_chemistry", "college_computer_science", "college_mathematics", "college_medicine", "college_physics",
            "computer_security", "conceptual_physics", "econometrics", "electrical_engineering", "elementary_mathematics",
            "formal_logic", "global_facts", "high_school_biology", "high_school_chemistry", "high_school_computer_science",
            "high_school_european_history", "high_school_geography", "high_school_government_and_politics",
            "high_school_macroeconomics", "high_school_mathematics", "high_school_microeconomics", "high_school_physics",
            "high_school_psychology", "high_school_statistics", "high_school_us_history", "high_school_world_history",
            "human_aging", "human_sexuality", "international_law", "jurisprudence", "logical_fallacies", "machine_learning",
            "management", "marketing", "medical_genetics", "miscellaneous", "moral_disputes", "moral_scenarios", "nutrition",
            "philosophy", "prehistory", "professional_accounting", "professional_law", "professional_medicine",
            "professional_psychology", "public_relations", "security_studies", "sociology", "us_foreign_policy", "virology",
            "world_religions");

    private MmluSubjects() {}

    /** "high_school_us_history" → "high school us history", as Hendrycks' {@code format_subject}. */
    public static String display(String subject) {
        return subject.replace('_', ' ').strip();
    }
}

#!/usr/bin/env python3
"""Writes a synthetic MMLU in the Hendrycks layout (data/test/<subject>_test.csv, data/dev/<subject>_dev.csv; header-less
CSV rows: question, A, B, C, D, answer letter) with the real test split's size: 14,042 questions in 57 subjects, each
subject as many as the original has. The text is seeded filler of roughly MMLU's lengths (professional_law's long
fact patterns included); it is for timing the engine, not for measuring a model. Not shipped data.
Usage: make-mmlu.py OUT_DIR [seed=1]"""
import csv, os, random, sys

TEST_SIZES = {
    "abstract_algebra": 100, "anatomy": 135, "astronomy": 152, "business_ethics": 100, "clinical_knowledge": 265,
    "college_biology": 144, "college_chemistry": 100, "college_computer_science": 100, "college_mathematics": 100,
    "college_medicine": 173, "college_physics": 102, "computer_security": 100, "conceptual_physics": 235,
    "econometrics": 114, "electrical_engineering": 145, "elementary_mathematics": 378, "formal_logic": 126,
    "global_facts": 100, "high_school_biology": 310, "high_school_chemistry": 203, "high_school_computer_science": 100,
    "high_school_european_history": 165, "high_school_geography": 198, "high_school_government_and_politics": 193,
    "high_school_macroeconomics": 390, "high_school_mathematics": 270, "high_school_microeconomics": 238,
    "high_school_physics": 151, "high_school_psychology": 545, "high_school_statistics": 216,
    "high_school_us_history": 204, "high_school_world_history": 237, "human_aging": 223, "human_sexuality": 131,
    "international_law": 121, "jurisprudence": 108, "logical_fallacies": 163, "machine_learning": 112,
    "management": 103, "marketing": 234, "medical_genetics": 100, "miscellaneous": 783, "moral_disputes": 346,
    "moral_scenarios": 895, "nutrition": 306, "philosophy": 311, "prehistory": 324, "professional_accounting": 282,
    "professional_law": 1534, "professional_medicine": 272, "professional_psychology": 612, "public_relations": 110,
    "security_studies": 245, "sociology": 201, "us_foreign_policy": 100, "virology": 166, "world_religions": 171,
}
# words per question: the long-passage subjects are several times the median
LONG = {"professional_law": 220, "high_school_european_history": 280, "high_school_us_history": 230,
        "high_school_world_history": 240, "professional_medicine": 120, "moral_scenarios": 45}
WORDS = ("which of the following best describes effect cause value rate model system process energy court law state "
         "market price cell protein theory function group result method data policy contract evidence patient dose "
         "force mass charge field temperature pressure reaction acid equation variable sample error test").split()


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def main():
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    assert len(TEST_SIZES) == 57 and sum(TEST_SIZES.values()) == 14042
    for split, sizes in (("test", TEST_SIZES), ("dev", {s: 5 for s in TEST_SIZES})):
        os.makedirs(os.path.join(out, split), exist_ok=True)
        for subject, n in sizes.items():
            with open(os.path.join(out, split, "%s_%s.csv" % (subject, split)), "w", newline="") as f:
                w = csv.writer(f)
                for i in range(n):
                    words = max(8, int(rng.gauss(LONG.get(subject, 28), 6)))
                    w.writerow([text(rng, words) + "?"] + [text(rng, rng.randint(2, 9)) for _ in range(4)]
                               + [rng.choice("ABCD")])


if __name__ == "__main__":
    main()

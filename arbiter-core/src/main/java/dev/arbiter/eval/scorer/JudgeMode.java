package dev.arbiter.eval.scorer;

/** How the judge states its verdict: a letter grade ({@code GRADE: C|P|I}) or a 1–10 rating ({@code [[N]]}, MT-Bench). */
public enum JudgeMode { GRADE, RATING }

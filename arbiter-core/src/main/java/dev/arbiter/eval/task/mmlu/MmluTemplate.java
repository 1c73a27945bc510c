package dev.arbiter.eval.task.mmlu;

import dev.arbiter.error.InvalidInputException;

import java.util.Map;
import java.util.TreeMap;

/**
 * The words of an MMLU prompt in one language: the header naming the subject and the cue before the answer letter.
 * English is Hendrycks' original (as lm-eval); other languages are Arbiter's translations of it.
 *
 * @param language  code used on the command line ({@code fr})
 * @param header    first line, with {@code {subject}} where the subject goes
 * @param cue       what precedes the letter ({@code Answer:}); a shot shows {@code cue + " " + letter}
 * @param mmmluFile the openai/MMMLU file of this language, or null (English is not in MMMLU)
 */
public record MmluTemplate(String language, String header, String cue, String mmmluFile) {
    private static final Map<String, MmluTemplate> BY_LANGUAGE = new TreeMap<>();

    static {
        add(new MmluTemplate("en", "The following are multiple choice questions (with answers) about {subject}.", "Answer:", null));
        add(new MmluTemplate("fr", "Voici des questions à choix multiples (avec réponses) sur {subject}.", "Réponse :", "mmlu_FR-FR.csv"));
        add(new MmluTemplate("de", "Es folgen Multiple-Choice-Fragen (mit Antworten) zum Thema {subject}.", "Antwort:", "mmlu_DE-DE.csv"));
        add(new MmluTemplate("es", "Las siguientes son preguntas de opción múltiple (con respuestas) sobre {subject}.", "Respuesta:", "mmlu_ES-LA.csv"));
        add(new MmluTemplate("it", "Le seguenti sono domande a scelta multipla (con risposte) su {subject}.", "Risposta:", "mmlu_IT-IT.csv"));
        add(new MmluTemplate("pt", "As seguintes são perguntas de múltipla escolha (com respostas) sobre {subject}.", "Resposta:", "mmlu_PT-BR.csv"));
    }

    public MmluTemplate {
        if (header == null || !header.contains("{subject}")) throw new IllegalArgumentException("header must contain {subject}");
        if (cue == null || cue.isBlank()) throw new IllegalArgumentException("cue is required");
    }

    private static void add(MmluTemplate t) { BY_LANGUAGE.put(t.language(), t); }

    public static MmluTemplate forLanguage(String language) {
        MmluTemplate t = BY_LANGUAGE.get(language == null ? "en" : language);
        if (t == null) throw new InvalidInputException("no MMLU prompt template for language '" + language + "'; known: " + BY_LANGUAGE.keySet());
        return t;
    }

    /** Every language with a template, sorted ({@code de, en, es, fr, it, pt}). */
    public static java.util.Set<String> languages() {
        return java.util.Collections.unmodifiableSet(BY_LANGUAGE.keySet());
    }

    public String header(String subject) {
        return header.replace("{subject}", MmluSubjects.display(subject));
    }
}

package dev.arbiter.eval.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line tells a task factory. A factory reads what applies to it and ignores the rest; eval refuses
 * an {@code --option} key the factory never asked for (the options are then a {@link ReadRecordingMap}).
 *
 * @param data     dataset file or directory; null means the task's default location
 * @param limit    the run's --limit, for factories that can avoid loading everything (the engine samples anyway)
 * @param shots    few-shot examples in the prompt; null for the task's default
 * @param scorer   scorer name to use instead of the task's default; null for the default
 * @param subjects subset filter (MMLU subjects, MATH levels, …); empty for all
 * @param language prompt/dataset language (e.g. fr for French MMLU); null for the default
 * @param options  anything else, as key=value strings from {@code --option}
 */
public record TaskParams(Path data, Integer limit, Long seed, Integer shots, String scorer, List<String> subjects,
                         String language, Map<String, String> options) {
    public TaskParams {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        // a recording map is kept as given (it is unmodifiable): the command asks it afterwards which keys were read
        options = options == null ? Map.of() : options instanceof ReadRecordingMap ? options : Map.copyOf(options);
    }

    /** The --shots given; the read is noted when the options record reads (see {@link ReadRecordingMap}). */
    @Override
    public Integer shots() {
        asked(SHOTS);
        return shots;
    }

    @Override
    public List<String> subjects() {
        asked(SUBJECTS);
        return subjects;
    }

    @Override
    public String language() {
        asked(LANGUAGE);
        return language;
    }

    /** The flags a factory may ignore, by the names the options record notes them under. */
    public static final String SHOTS = "--shots", SUBJECTS = "--subject", LANGUAGE = "--language";

    private void asked(String flag) {
        if (options instanceof ReadRecordingMap r) r.noteFlag(flag);
    }

    public static TaskParams of(Path data) {
        return new TaskParams(data, null, null, null, null, List.of(), null, Map.of());
    }
}

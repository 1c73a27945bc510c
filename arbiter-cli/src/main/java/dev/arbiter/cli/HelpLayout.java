package dev.arbiter.cli;

import dev.arbiter.eval.task.StandardTasks;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Help a person can copy from: the width follows the terminal (picocli's auto width), footers — where the examples
 * are — are printed as written, never wrapped mid-token, and {@code eval --help} lists the task names.
 */
final class HelpLayout {
    private HelpLayout() {}

    static void apply(CommandLine root) {
        root.setUsageHelpAutoWidth(true);
        apply0(root);
    }

    private static void apply0(CommandLine cl) {
        // Examples are copied into a shell: print each footer line verbatim rather than re-flowing it at the width.
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            String[] footer = help.commandSpec().usageMessage().footer();
            if (footer.length == 0) return "";
            // picocli footers are format strings: %n is a line break and %% a percent sign; nothing else is used.
            return String.join(System.lineSeparator(), footer).replace("%n", System.lineSeparator()).replace("%%", "%")
                    + System.lineSeparator();
        });
        if (cl.getCommandName().equals("eval")) {
            List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER), "tasks");
            cl.setHelpSectionKeys(keys);
            cl.getHelpSectionMap().put("tasks", help -> System.lineSeparator() + "Tasks (--task): "
                    + String.join(", ", StandardTasks.registry(null, p -> { }, w -> { }).names()) + System.lineSeparator());
        }
        for (CommandLine sub : cl.getSubcommands().values()) apply0(sub);
    }
}

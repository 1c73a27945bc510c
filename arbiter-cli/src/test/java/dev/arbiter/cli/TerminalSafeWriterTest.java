package dev.arbiter.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalSafeWriterTest {
    @Test
    void controlCharactersBecomeVisibleEscapesWhileNewlinesTabsAndTextStay() {
        assertThat(TerminalSafeWriter.escape("a\tb\nc \u001b[31mred\u0007 \r over \u0000 naïve 日本"))
                .isEqualTo("a\tb\nc \\x1b[31mred\\x07 \\x0d over \\x00 naïve 日本");
    }

    @Test
    void theProgressBarsOwnRedrawPassesButWhatItShowsIsEscaped() {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(new TerminalSafeWriter(sink), true);

        w.print("\r[####] 3/4 model \u001b]0;x\u0007" + TerminalSafeWriter.REDRAW_END);
        w.print("plain \r line" + TerminalSafeWriter.REDRAW_END);
        w.flush();

        assertThat(sink.toString()).isEqualTo("\r[####] 3/4 model \\x1b]0;x\\x07\u001b[K" + "plain \\x0d line\\x1b[K");
    }

    @Test
    void aCrlfLineEndingStaysSoCsvOnStdoutIsUnchangedButALoneCrIsEscaped() {
        assertThat(TerminalSafeWriter.escape("model,mmlu\r\nqwen,84.2\r\n")).isEqualTo("model,mmlu\r\nqwen,84.2\r\n");
        assertThat(TerminalSafeWriter.escape("fake\rreal\r")).isEqualTo("fake\\x0dreal\\x0d");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String s = "accuracy 0.750 [0.41, 0.93]\n";
        assertThat(TerminalSafeWriter.escape(s)).isSameAs(s);
    }
}

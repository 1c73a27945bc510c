package dev.arbiter.eval.task.vision;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The fonts every synthetic image is drawn with, bundled in the jar (DejaVu Sans, Serif and Sans Mono; Bitstream Vera
 * licence, see {@code fonts/LICENSE-DejaVu.txt}), so a machine without system fonts renders byte-identical images.
 * A logical font such as "SansSerif" would resolve to whatever the machine has installed.
 */
public final class VisionFonts {
    public static final Font SANS = load("DejaVuSans.ttf");
    public static final Font SERIF = load("DejaVuSerif.ttf");
    public static final Font MONO = load("DejaVuSansMono.ttf");
    /** In the order generators pick from (by index, so a seed chooses the same face everywhere). */
    public static final List<Font> ALL = List.of(SANS, SERIF, MONO);

    private VisionFonts() {}

    private static Font load(String file) {
        try (InputStream in = VisionFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) throw new IllegalStateException("bundled font fonts/" + file + " is missing from the jar");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load bundled font " + file, e);
        }
    }
}

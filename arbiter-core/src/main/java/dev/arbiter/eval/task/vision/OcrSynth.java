package dev.arbiter.eval.task.vision;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The easiest control: one line of four to six words (and sometimes a number) printed on a white strip, to be read
 * back. A model that fails here cannot be judged on charts or documents.
 */
public final class OcrSynth {
    private static final List<String> WORDS = List.of("amber", "river", "quiet", "signal", "copper", "meadow",
            "lantern", "orbit", "velvet", "harbor", "pixel", "summit", "canvas", "ember", "glacier", "tundra",
            "violet", "falcon", "marble", "willow", "cobalt", "prairie", "beacon", "saffron");

    private OcrSynth() {}

    public static SynthItem item(long seed, int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 3_000_017L + index);
        int n = 4 + rnd.nextInt(3);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) words.add(WORDS.get(rnd.nextInt(WORDS.size())));
        if (rnd.nextBoolean()) words.add(rnd.nextInt(words.size()), Integer.toString(10 + rnd.nextInt(990)));
        String text = String.join(" ", words);
        Font face = VisionFonts.ALL.get(rnd.nextInt(VisionFonts.ALL.size())).deriveFont(18f + rnd.nextInt(10));

        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        Png.hints(pg);
        FontMetrics fm = pg.getFontMetrics(face);
        int width = fm.stringWidth(text) + 48, height = fm.getHeight() + 32;
        pg.dispose();

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Png.hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(face);
            g.drawString(text, 24, 16 + fm.getAscent());
        } finally {
            g.dispose();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("generator", "ocr");
        params.put("font", face.getFontName(Locale.ROOT));
        params.put("font_size", face.getSize2D());
        params.put("words", words.size());
        return new SynthItem("ocr-" + seed + "-" + index, Png.encode(image), "What text is written in the image?", List.of(text), params);
    }
}

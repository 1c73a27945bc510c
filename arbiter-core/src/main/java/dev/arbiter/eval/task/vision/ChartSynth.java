package dev.arbiter.eval.task.vision;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * ChartQA-style items generated from a seed: a bar, line or pie chart with every value printed on it, and one
 * question whose answer follows from those values — a value, the largest or smallest category, a difference or a
 * ratio. Values are whole numbers (pie slices are whole percentages summing to 100) and the largest and smallest are
 * unique, so every answer is unambiguous. Rendered with JFreeChart onto a fixed-size canvas with the bundled fonts.
 */
public final class ChartSynth {
    static final int WIDTH = 640;
    static final int HEIGHT = 420;
    private static final List<List<String>> CATEGORIES = List.of(
            List.of("Apples", "Bananas", "Cherries", "Dates", "Figs", "Grapes", "Kiwis"),
            List.of("Paris", "Lyon", "Lille", "Nantes", "Nice", "Rennes", "Toulouse"),
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"),
            List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"),
            List.of("North", "South", "East", "West", "Central", "Coast", "Valley"));
    private static final List<String> SUBJECTS = List.of("Sales (units)", "Visitors (thousands)", "Orders", "Survey votes", "Revenue (k$)");
    private static final String[] KINDS = {"bar", "line", "pie"};
    private static final String[] QUESTIONS = {"value", "max", "min", "difference", "ratio"};

    private ChartSynth() {}

    /** Item {@code index} of the set generated from {@code seed}; the same arguments always give the same bytes. */
    public static SynthItem item(long seed, int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
        String kind = KINDS[rnd.nextInt(KINDS.length)];
        int group = rnd.nextInt(CATEGORIES.size());
        int n = 3 + rnd.nextInt(kind.equals("pie") ? 3 : 4);
        List<String> cats = pick(CATEGORIES.get(group), n, rnd, group == 2);
        int[] values = kind.equals("pie") ? percentages(n, rnd) : values(n, rnd);
        String subject = SUBJECTS.get(rnd.nextInt(SUBJECTS.size()));
        Font font = VisionFonts.ALL.get(rnd.nextInt(2)); // sans or serif: mono reads oddly on axes
        String question = QUESTIONS[rnd.nextInt(QUESTIONS.length)];

        int a = rnd.nextInt(n);
        int b = (a + 1 + rnd.nextInt(n - 1)) % n;
        String unit = kind.equals("pie") ? "%" : "";
        String q;
        List<String> answers;
        switch (question) {
            case "value" -> {
                q = kind.equals("pie") ? "What percentage of the total is " + cats.get(a) + "?" : "What is the value of " + cats.get(a) + "?";
                answers = withUnit(Integer.toString(values[a]), unit);
            }
            case "max" -> {
                q = "Which category has the largest value?";
                answers = List.of(cats.get(argmax(values)));
            }
            case "min" -> {
                q = "Which category has the smallest value?";
                answers = List.of(cats.get(argmin(values)));
            }
            case "difference" -> {
                int hi = values[a] >= values[b] ? a : b, lo = hi == a ? b : a;
                q = "By how much does " + cats.get(hi) + " exceed " + cats.get(lo) + "?";
                answers = withUnit(Integer.toString(values[hi] - values[lo]), unit);
            }
            default -> {
                q = "What is the ratio of " + cats.get(a) + " to " + cats.get(b) + "? Give a number rounded to two decimals.";
                answers = List.of(String.format(Locale.US, "%.2f", values[a] / (double) values[b]));
            }
        }
        String title = subject + " by " + (group == 2 ? "month" : "category");
        byte[] png = Png.encode(render(kind, title, subject, cats, values, font));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("generator", "chart");
        params.put("kind", kind);
        params.put("question_type", question);
        params.put("categories", cats);
        params.put("values", java.util.Arrays.stream(values).boxed().toList());
        params.put("font", font.getFontName(Locale.ROOT));
        return new SynthItem("chart-" + seed + "-" + index, png, q, answers, params);
    }

    private static List<String> withUnit(String number, String unit) {
        return unit.isEmpty() ? List.of(number) : List.of(number, number + unit);
    }

    /** {@code n} distinct names from {@code pool}, in pool order when the pool is ordered (months), else shuffled. */
    private static List<String> pick(List<String> pool, int n, SplittableRandom rnd, boolean ordered) {
        List<String> copy = new ArrayList<>(pool);
        if (ordered) {
            int start = rnd.nextInt(pool.size() - n + 1);
            return List.copyOf(copy.subList(start, start + n));
        }
        for (int i = copy.size() - 1; i > 0; i--) java.util.Collections.swap(copy, i, rnd.nextInt(i + 1));
        return List.copyOf(copy.subList(0, n));
    }

    /** Whole numbers 10–95 with a unique largest and smallest. */
    private static int[] values(int n, SplittableRandom rnd) {
        while (true) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) v[i] = 10 + rnd.nextInt(86);
            if (uniqueExtremes(v)) return v;
        }
    }

    /** Whole percentages of at least 5 summing to 100, with a unique largest and smallest. */
    private static int[] percentages(int n, SplittableRandom rnd) {
        while (true) {
            int[] v = new int[n];
            int left = 100 - 5 * n;
            for (int i = 0; i < n - 1; i++) {
                int take = rnd.nextInt(left + 1) / 2;
                v[i] = 5 + take;
                left -= take;
            }
            v[n - 1] = 5 + left;
            if (uniqueExtremes(v)) return v;
        }
    }

    private static boolean uniqueExtremes(int[] v) {
        int max = v[argmax(v)], min = v[argmin(v)], nMax = 0, nMin = 0;
        for (int x : v) {
            if (x == max) nMax++;
            if (x == min) nMin++;
        }
        return nMax == 1 && nMin == 1;
    }

    private static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    private static int argmin(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] < v[best]) best = i;
        return best;
    }

    private static BufferedImage render(String kind, String title, String subject, List<String> cats, int[] values, Font font) {
        JFreeChart chart;
        if (kind.equals("pie")) {
            DefaultPieDataset<String> data = new DefaultPieDataset<>();
            for (int i = 0; i < cats.size(); i++) data.setValue(cats.get(i), values[i]);
            chart = ChartFactory.createPieChart(title, data, true, false, Locale.ROOT);
        } else {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (int i = 0; i < cats.size(); i++) data.addValue(values[i], subject, cats.get(i));
            chart = kind.equals("bar")
                    ? ChartFactory.createBarChart(title, null, subject, data, PlotOrientation.VERTICAL, false, false, false)
                    : ChartFactory.createLineChart(title, null, subject, data, PlotOrientation.VERTICAL, false, false, false);
        }
        StandardChartTheme theme = new StandardChartTheme("arbiter");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 18f));
        theme.setLargeFont(font.deriveFont(Font.BOLD, 14f));
        theme.setRegularFont(font.deriveFont(13f));
        theme.setSmallFont(font.deriveFont(11f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Font labels = font.deriveFont(13f);
        if (chart.getPlot() instanceof PiePlot<?> pie) {
            pie.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1}%", java.text.NumberFormat.getIntegerInstance(Locale.ROOT),
                    java.text.NumberFormat.getPercentInstance(Locale.ROOT)));
            pie.setLabelFont(labels);
            pie.setShadowPaint(null);
            pie.setBackgroundPaint(Color.WHITE);
        } else {
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            var generator = new StandardCategoryItemLabelGenerator("{2}", java.text.NumberFormat.getIntegerInstance(Locale.ROOT));
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setDefaultItemLabelGenerator(generator);
                bars.setDefaultItemLabelsVisible(true);
                bars.setDefaultItemLabelFont(labels);
                bars.setSeriesPaint(0, new Color(0x3b6ea5));
            } else if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
                line.setDefaultItemLabelGenerator(generator);
                line.setDefaultItemLabelsVisible(true);
                line.setDefaultItemLabelFont(labels);
                line.setDefaultShapesVisible(true);
                line.setSeriesPaint(0, new Color(0xb5452f));
            }
            // Headroom so the label above the tallest bar is not clipped.
            plot.getRangeAxis().setUpperMargin(0.15);
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Png.hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return image;
    }
}

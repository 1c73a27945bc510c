package dev.arbiter.eval.task.vision;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * DocVQA-style items generated from a seed: an invoice, a form or a short letter drawn with Java2D in one of the
 * bundled faces at 13–18 pt, some pages turned by up to ±3° and some speckled like a scan, and one question about
 * a field whose value was written on the page. Values are drawn from pools and digit strings so every answer
 * appears exactly once on its page.
 */
public final class DocSynth {
    static final int WIDTH = 620;
    static final int HEIGHT = 760;
    private static final String[] KINDS = {"invoice", "form", "letter"};
    private static final List<String> COMPANIES = List.of("Northwind Traders", "Blue Harbor Ltd", "Lumen Systems",
            "Orchard & Vale", "Kestrel Logistics", "Maple Row Studio", "Quarry Bay Foods", "Tidewater Labs");
    private static final List<String> PEOPLE = List.of("Claire Dubois", "Martin Keller", "Aiko Tanaka", "Priya Nair",
            "Jonas Berg", "Lucia Romano", "Samuel Osei", "Elena Petrova", "Hugo Laurent", "Nadia Haddad");
    private static final List<String> CITIES = List.of("Lyon", "Rotterdam", "Porto", "Gdansk", "Bologna", "Ghent", "Tampere", "Cork");
    private static final List<String> ITEMS = List.of("Paper reams", "Toner cartridge", "Desk lamp", "USB cable",
            "Notebook", "Stapler", "Monitor stand", "Headset");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    private DocSynth() {}

    private record Field(String label, String value, String question) {}

    /** Item {@code index} of the set generated from {@code seed}; the same arguments always give the same bytes. */
    public static SynthItem item(long seed, int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 2_000_003L + index);
        String kind = KINDS[rnd.nextInt(KINDS.length)];
        Font face = VisionFonts.ALL.get(rnd.nextInt(VisionFonts.ALL.size()));
        float size = 13 + rnd.nextInt(6);
        double degrees = rnd.nextInt(4) == 0 ? (rnd.nextDouble() * 6 - 3) : 0;
        boolean noisy = rnd.nextInt(4) == 0;
        List<String> lines = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        String title;
        switch (kind) {
            case "invoice" -> title = invoice(rnd, lines, fields);
            case "form" -> title = form(rnd, lines, fields);
            default -> title = letter(rnd, lines, fields);
        }
        Field asked = fields.get(rnd.nextInt(fields.size()));
        BufferedImage page = draw(title, lines, face, size, degrees, noisy, rnd.split());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("generator", "document");
        params.put("kind", kind);
        params.put("field", asked.label());
        params.put("font", face.getFontName(Locale.ROOT));
        params.put("font_size", size);
        params.put("rotation_degrees", Math.round(degrees * 100) / 100.0);
        params.put("noise", noisy);
        return new SynthItem("doc-" + seed + "-" + index, Png.encode(page), asked.question(), List.of(asked.value()), params);
    }

    private static String pick(List<String> pool, SplittableRandom rnd) { return pool.get(rnd.nextInt(pool.size())); }

    private static String date(SplittableRandom rnd) {
        return (1 + rnd.nextInt(28)) + " " + MONTHS[rnd.nextInt(12)] + " " + (2019 + rnd.nextInt(7));
    }

    private static String invoice(SplittableRandom rnd, List<String> lines, List<Field> fields) {
        String seller = pick(COMPANIES, rnd), customer = pick(PEOPLE, rnd);
        String number = "INV-" + (10000 + rnd.nextInt(90000));
        String date = date(rnd);
        lines.add(seller);
        lines.add("Invoice number: " + number);
        lines.add("Date: " + date);
        lines.add("Bill to: " + customer);
        lines.add("");
        List<String> items = new ArrayList<>(ITEMS);
        int n = 2 + rnd.nextInt(3);
        long totalCents = 0;
        for (int i = 0; i < n; i++) {
            String item = items.remove(rnd.nextInt(items.size()));
            int qty = 1 + rnd.nextInt(9);
            int cents = 150 + rnd.nextInt(9850);
            totalCents += (long) qty * cents;
            lines.add(String.format(Locale.US, "%-16s x%d   %s each", item, qty, money(cents)));
            if (i == 0) fields.add(new Field("quantity", Integer.toString(qty), "How many units of " + item.toLowerCase(Locale.ROOT) + " were billed?"));
        }
        lines.add("");
        lines.add("Total due: " + money(totalCents));
        fields.add(new Field("invoice_number", number, "What is the invoice number?"));
        fields.add(new Field("date", date, "What is the date of the invoice?"));
        fields.add(new Field("customer", customer, "Who is the invoice billed to?"));
        fields.add(new Field("total", money(totalCents), "What is the total amount due?"));
        return "INVOICE";
    }

    private static String form(SplittableRandom rnd, List<String> lines, List<Field> fields) {
        String name = pick(PEOPLE, rnd), city = pick(CITIES, rnd), born = date(rnd);
        String member = "M" + (100000 + rnd.nextInt(900000));
        String phone = "+33 " + (1 + rnd.nextInt(9)) + " " + (10 + rnd.nextInt(90)) + " " + (10 + rnd.nextInt(90)) + " " + (10 + rnd.nextInt(90));
        lines.add("Full name: " + name);
        lines.add("Date of birth: " + born);
        lines.add("City: " + city);
        lines.add("Phone: " + phone);
        lines.add("Membership ID: " + member);
        fields.add(new Field("name", name, "What is the applicant's full name?"));
        fields.add(new Field("date_of_birth", born, "What is the applicant's date of birth?"));
        fields.add(new Field("city", city, "Which city does the applicant live in?"));
        fields.add(new Field("membership_id", member, "What is the membership ID?"));
        return "MEMBERSHIP APPLICATION";
    }

    private static String letter(SplittableRandom rnd, List<String> lines, List<Field> fields) {
        String to = pick(PEOPLE, rnd), from = pick(PEOPLE, rnd), company = pick(COMPANIES, rnd), city = pick(CITIES, rnd);
        while (from.equals(to)) from = pick(PEOPLE, rnd);
        String ref = "REF/" + (1000 + rnd.nextInt(9000));
        String meeting = date(rnd);
        lines.add(company + ", " + city);
        lines.add("Our reference: " + ref);
        lines.add("");
        lines.add("Dear " + to + ",");
        lines.add("Thank you for your letter. We confirm our meeting");
        lines.add("on " + meeting + " at our " + city + " office.");
        lines.add("");
        lines.add("Yours sincerely,");
        lines.add(from);
        fields.add(new Field("reference", ref, "What is the reference number of the letter?"));
        fields.add(new Field("meeting_date", meeting, "On what date is the meeting?"));
        fields.add(new Field("sender", from, "Who signed the letter?"));
        fields.add(new Field("company", company, "Which company sent the letter?"));
        return "";
    }

    private static String money(long cents) {
        return String.format(Locale.US, "$%,d.%02d", cents / 100, cents % 100);
    }

    private static BufferedImage draw(String title, List<String> lines, Font face, float size, double degrees, boolean noisy,
                                      SplittableRandom rnd) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Png.hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            if (degrees != 0) g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), WIDTH / 2.0, HEIGHT / 2.0));
            g.setColor(new Color(0x222222));
            int y = 70;
            if (!title.isEmpty()) {
                g.setFont(face.deriveFont(Font.BOLD, size + 6));
                g.drawString(title, 50, y);
                y += (int) (size * 2.4);
            }
            g.setFont(face.deriveFont(size));
            int step = (int) Math.ceil(size * 1.6);
            for (String line : lines) {
                if (!line.isEmpty()) g.drawString(line, 50, y);
                y += step;
            }
        } finally {
            g.dispose();
        }
        if (noisy) speckle(image, rnd);
        return image;
    }

    /** Salt-and-pepper noise on about 0.4% of pixels, like a poor scan, drawn from the item's own random stream. */
    private static void speckle(BufferedImage image, SplittableRandom rnd) {
        int dots = WIDTH * HEIGHT / 250;
        for (int i = 0; i < dots; i++) {
            image.setRGB(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT), rnd.nextBoolean() ? 0x000000 : 0xFFFFFF);
        }
    }
}

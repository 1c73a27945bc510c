package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The hourly price of one GPU of a hardware profile: a rental price (an offer's price divided by its GPUs), or for
 * owned hardware the purchase spread evenly over the amortisation period plus the power it draws:
 * <pre>
 *   own: purchase / (years × 8,760 h) + watts / 1000 × price per kWh        (running all the time it is owned)
 * </pre>
 * Cooling, the rest of the host, space and staff are not counted. The clock dates the price's age.
 */
public final class Pricing {
    /** Hours in a year (365 days); a month is a twelfth of it, 730 h. */
    public static final double HOURS_PER_YEAR = 8760;
    public static final double HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

    private final PriceBook book;
    private final Clock clock;

    public Pricing(PriceBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    public PriceBook book() { return book; }

    public HourlyRate rate(String hardwareId, CostOptions o) {
        Currency cur = o.currency();
        if (o.pricePerGpuHour() != null) {
            return new HourlyRate(cur.toUsd(o.pricePerGpuHour()), Ownership.RENT, String.format(Locale.US,
                    "%s %s per GPU-hour, as given (--price-per-hour)", num(o.pricePerGpuHour()), cur.code()), null, null, null);
        }
        HardwarePrice p = book.find(hardwareId).orElse(null);
        Ownership own = ownership(p, o);
        if (own == null) {
            throw new InvalidInputException("no price for " + hardwareId + " in the price list: give --price-per-hour AMOUNT (per GPU-hour), "
                    + "or --ownership own --purchase-price AMOUNT --power-watts W, or --prices FILE");
        }
        return own == Ownership.RENT ? rented(hardwareId, p, cur) : owned(hardwareId, p, o);
    }

    /**
     * Whether any price applies to this hardware: one given on the command line, or an entry in the price list. When
     * false, {@link #rate} fails with "no price for …" (recommend then leaves its cost column out); when true, a
     * failure of {@link #rate} is an error in what the user gave.
     */
    public boolean known(String hardwareId, CostOptions o) {
        return o.pricePerGpuHour() != null || ownership(book.find(hardwareId).orElse(null), o) != null;
    }

    /** The ownership asked for, else rent when a rental price is listed, else own when a purchase is; null when neither. */
    private static Ownership ownership(HardwarePrice p, CostOptions o) {
        if (o.ownership() != null) return o.ownership();
        return p != null && p.rent() != null ? Ownership.RENT
                : (p != null && p.own() != null) || o.purchasePrice() != null ? Ownership.OWN : null;
    }

    private HourlyRate rented(String hardwareId, HardwarePrice p, Currency cur) {
        if (p == null || p.rent() == null) {
            throw new InvalidInputException("no rental price for " + hardwareId + " in the price list"
                    + (p != null && p.own() != null ? " (only a purchase price: --ownership own)" : "")
                    + "; give --price-per-hour AMOUNT (per GPU-hour) or --prices FILE");
        }
        Rental r = p.rent();
        long age = age(r.read());
        String basis = String.format(Locale.US, "rent: %s, %s — %s USD per hour for %d GPU%s = %s USD per GPU-hour%s; read %s (%d days ago) from %s%s",
                r.provider(), r.offer(), num(r.nodeUsdPerHour()), r.gpusPerNode(), r.gpusPerNode() == 1 ? "" : "s", num(r.usdPerGpuHour()),
                cur.code().equals("USD") ? "" : String.format(Locale.US, " (%s %s at %s %s per USD)", num(cur.fromUsd(r.usdPerGpuHour())),
                        cur.code(), num(cur.perUsd()), cur.code()),
                r.read(), age, r.source(), r.via() == null ? "" : " (via " + r.via() + ")");
        return new HourlyRate(r.usdPerGpuHour(), Ownership.RENT, basis, r.read(), age, r.source());
    }

    private HourlyRate owned(String hardwareId, HardwarePrice p, CostOptions o) {
        Currency cur = o.currency();
        Purchase bundled = p == null ? null : p.own();
        Double purchase = o.purchasePrice() != null ? Double.valueOf(cur.toUsd(o.purchasePrice())) : bundled == null ? null : bundled.purchaseUsd();
        Double watts = o.powerWatts() != null ? o.powerWatts() : bundled == null ? null : bundled.powerWatts();
        if (purchase == null || watts == null) {
            throw new InvalidInputException("no purchase price and power draw for " + hardwareId + " in the price list: give --purchase-price AMOUNT and --power-watts W");
        }
        int years = o.amortisationYears() != null ? o.amortisationYears() : book.amortisationYears();
        EnergyPrice e = book.energy();
        double kwh;
        String energy;
        if (o.energyPerKwh() != null) {
            kwh = cur.toUsd(o.energyPerKwh());
            energy = num(o.energyPerKwh()) + " " + cur.code() + " per kWh (--energy-price)";
        } else if (e != null) {
            kwh = e.usdPerKwh();
            energy = String.format(Locale.US, "%s USD per kWh (%s, read %s, %d days ago, %s)", num(kwh), e.what(), e.read(), age(e.read()), e.source());
        } else {
            throw new InvalidInputException("no electricity price in the price list: give --energy-price AMOUNT (per kWh)");
        }
        double capital = purchase / (years * HOURS_PER_YEAR);
        double power = watts / 1000 * kwh;
        boolean fromBook = o.purchasePrice() == null && bundled != null;
        LocalDate read = fromBook ? bundled.read() : null;
        Long age = read == null ? null : age(read);
        String basis = String.format(Locale.US, "own: %s USD purchase / (%d years × 8,760 h) = %s USD per hour + %s W × %s = %s USD per hour → %s USD per GPU-hour, "
                        + "serving all the time it is owned (host, cooling and staff not counted)%s",
                num(purchase), years, num(capital), num(watts), energy, num(power), num(capital + power),
                fromBook ? String.format(Locale.US, "; purchase price read %s (%d days ago) from %s", read, age, bundled.source())
                        : o.purchasePrice() != null ? "; purchase price as given (--purchase-price)" : "");
        return new HourlyRate(capital + power, Ownership.OWN, basis, read, age, fromBook ? bundled.source() : null);
    }

    private long age(LocalDate read) {
        return ChronoUnit.DAYS.between(read, LocalDate.now(clock));
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return String.format(Locale.US, "%,.0f", v);
        if (v >= 100) return String.format(Locale.US, "%,.2f", v);
        if (v >= 0.01) return String.format(Locale.US, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return String.format(Locale.US, "%.4g", v);
    }
}

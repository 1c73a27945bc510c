package dev.arbiter.cost;

/**
 * What one GPU of a hardware profile costs: to rent, to own, or both.
 *
 * @param hardware hardware profile id (see {@code ./arbiter hardware})
 * @param rent     on-demand rental, or null
 * @param own      purchase and power for a workstation card, or null
 * @param note     other offers or caveats, or null
 */
public record HardwarePrice(String hardware, Rental rent, Purchase own, String note) {
    public HardwarePrice {
        PriceChecks.required("hardware", hardware);
        if (rent == null && own == null) throw new IllegalArgumentException("give rent, own or both");
    }
}

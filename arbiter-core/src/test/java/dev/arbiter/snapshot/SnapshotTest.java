package dev.arbiter.snapshot;

import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.cost.PriceBook;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.profile.Dimensions;
import dev.arbiter.recommend.UseCases;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {
    enum Colour { RED, GREEN }

    record Inner(String name, Double weight) {
        Inner {
            if (name != null && name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        }
    }

    record Everything(int i, long l, double d, boolean b, Integer boxedInt, Long boxedLong, Double boxedDouble,
                      Boolean boxedBool, String text, LocalDate date, Colour colour, Inner inner, List<Inner> inners,
                      Set<String> tags, Map<String, Double> weights, Map<String, List<Inner>> nested) {}

    record OtherShape(int i, long l) {}

    record Unsupported(Object anything) {}

    record Longs(long[] values, long[] empty, long[] absent, List<long[]> listed) {}

    private static final long SOURCES = 42;

    private static byte[] bytes(Record r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshot.write(r, out, SOURCES);
        return out.toByteArray();
    }

    private static <R extends Record> java.util.Optional<R> read(byte[] b, Class<R> root) {
        return Snapshot.read(b == null ? null : new ByteArrayInputStream(b), root, SOURCES);
    }

    @Test
    void everyKindOfValueRoundTripsNullsIncluded() throws IOException {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("mmlu", 0.5);
        weights.put("gsm8k", null);
        Everything full = new Everything(-7, Long.MAX_VALUE, -0.0, true, 42, -1L, Double.NaN, false,
                "é ✓ 𝄞 " + "x".repeat(70_000), LocalDate.of(2025, Month.APRIL, 5), Colour.GREEN, new Inner("a", 1.5),
                List.of(new Inner("b", null), new Inner(null, 2.0)), Set.of("chat"), weights,
                Map.of("k", List.of(new Inner("c", 3.0))));
        Everything empty = new Everything(0, 0, 0, false, null, null, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(read(bytes(full), Everything.class)).contains(full);
        assertThat(read(bytes(empty), Everything.class)).contains(empty);
    }

    @Test
    void aLongArrayRoundTripsValueForValueAndACutOneIsIgnored() throws IOException {
        long[] values = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L, 4_677_120_000L};
        Longs longs = new Longs(values, new long[0], null, List.of(new long[] {7}, values));
        Longs back = read(bytes(longs), Longs.class).orElseThrow();
        assertThat(back.values()).containsExactly(values);
        assertThat(back.empty()).isEmpty();
        assertThat(back.absent()).isNull();
        assertThat(back.listed()).hasSize(2);
        assertThat(back.listed().get(0)).containsExactly(7);
        assertThat(back.listed().get(1)).containsExactly(values);
        byte[] whole = bytes(new Longs(values, null, null, null));
        // cut inside the array's values: the block read meets the end of the stream
        assertThat(read(Arrays.copyOf(whole, whole.length - 3 * 9), Longs.class)).isEmpty();
    }

    @Test
    void aSnapshotOfOtherRecordShapesIsIgnored() throws IOException {
        byte[] b = bytes(new OtherShape(1, 2));
        assertThat(read(b, OtherShape.class)).isPresent();
        assertThat(read(b, Inner.class)).isEmpty();
    }

    @Test
    void aSnapshotWhoseSourcesChangedSinceIsIgnored() throws IOException {
        byte[] b = bytes(new Inner("abc", 1.0));
        assertThat(Snapshot.read(new ByteArrayInputStream(b), Inner.class, SOURCES + 1)).isEmpty();
        assertThat(Snapshot.read(new ByteArrayInputStream(b), Inner.class, null)).isPresent();  // not checked (read from a jar)
        // the digest covers every listed resource's name and bytes, in order
        long both = Snapshot.digest(List.of("/catalog/index.txt", "/hardware/hardware.yaml"));
        assertThat(Snapshot.digest(List.of("/hardware/hardware.yaml", "/catalog/index.txt"))).isNotEqualTo(both);
        assertThat(Snapshot.digest(List.of("/catalog/index.txt"))).isNotEqualTo(both);
        assertThatThrownBy(() -> Snapshot.digest(List.of("/no/such.yaml"))).isInstanceOf(IOException.class);
    }

    @Test
    void aDamagedOrCutSnapshotIsIgnoredAndTheRecordsChecksRunOnRead() throws IOException {
        byte[] whole = bytes(new Inner("abc", 1.0));
        assertThat(read(Arrays.copyOf(whole, whole.length - 3), Inner.class)).isEmpty();
        assertThat(read(Arrays.copyOf(whole, whole.length + 1), Inner.class)).isEmpty();
        assertThat(read(null, Inner.class)).isEmpty();
        // "abc" becomes "   ": the bytes still parse, and the record's own check refuses the value on read.
        byte[] blank = whole.clone();
        for (int i = 0; i < blank.length - 2; i++) {
            if (blank[i] == 'a' && blank[i + 1] == 'b' && blank[i + 2] == 'c') blank[i] = blank[i + 1] = blank[i + 2] = ' ';
        }
        assertThat(read(blank, Inner.class)).isEmpty();
    }

    @Test
    void aComponentTypeItCannotHoldIsRefusedAtBuildTimeByName() {
        assertThatThrownBy(() -> bytes(new Unsupported("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unsupported.anything");
    }

    @Test
    void everyBundledSnapshotOfTheBuildIsItsResourceParsedRecordForRecord() {
        for (Map.Entry<Snapshot.Spec, Supplier<Record>> e : BundledSnapshots.all().entrySet()) {
            Record parsed = e.getValue().get();
            assertThat(Snapshot.read(e.getKey(), parsed.getClass()).map(Object.class::cast))
                    .as("snapshot '%s' on the class path (written by the build's process-classes step)", e.getKey().name())
                    .contains(parsed);
        }
    }

    @Test
    void theLoadersServeTheSnapshotAndItEqualsTheParse() {
        assertThat(new CatalogLoader().bundled()).isEqualTo(new CatalogLoader().parseBundled());
        assertThat(HardwareCatalog.bundled().all()).isEqualTo(HardwareCatalog.parseBundled().all());
        assertThat(PriceBook.bundled().entries()).isEqualTo(PriceBook.parseBundled().entries());
        assertThat(UseCases.bundled().all()).isEqualTo(UseCases.parseBundled().all());
        assertThat(Dimensions.bundled()).isEqualTo(Dimensions.parseBundled());
    }
}

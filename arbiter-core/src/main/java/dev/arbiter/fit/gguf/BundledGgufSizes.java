package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.LocalAttention;
import dev.arbiter.catalog.Mla;
import dev.arbiter.catalog.Moe;
import dev.arbiter.snapshot.Snapshot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The GGUF sizes of the bundled catalogue's architectures at every {@link GgufMix}, without an importance matrix (as
 * fit asks for them), computed by the build ({@link dev.arbiter.snapshot.BundledSnapshots}) and read back at run
 * time: summing every candidate's tensors at every mix (about 200 {@link GgufSize#of} calls, mostly in code not yet
 * compiled) was the largest piece of recommend's main thread (docs/performance.md).
 *
 * <p>It answers only for an architecture equal to one it holds, component by component ({@link SameArchitecture}):
 * a user's own catalogue entry, or a bundled one edited since the build, gets no entry and is computed as before.
 * Its sources (see {@link Snapshot.Spec}) are the class files of the sizing code, not the catalogue: read from a
 * classes directory, a snapshot written before that code changed is ignored and every size computed; read from the
 * jar, Maven wrote it from the classes beside it. A missing, stale or damaged snapshot means no entries, never an
 * error. Read once per process, on the first size asked for, so commands that size nothing never read it.
 */
public final class BundledGgufSizes {
    private BundledGgufSizes() {}

    /**
     * The snapshot's sources: the class files whose code decides a size or this packing, which are this package's
     * (nested and synthetic ones included, such as a switch's {@code TensorTypes$1}: listed from the folder they are
     * in) and the architecture records'. Asked for only where the classes are a folder (the build, the tests, an
     * IDE): from a jar {@link Snapshot#read} does not check sources.
     */
    public static final Snapshot.Spec SNAPSHOT = new Snapshot.Spec("gguf-sizes", BundledGgufSizes::sizingCode);

    private static List<String> sizingCode() {
        URL here = GgufSize.class.getResource("GgufSize.class");
        if (here == null || !"file".equals(here.getProtocol())) {
            throw new IllegalStateException("the sizing code's class files are listed from a classes folder, not " + here);
        }
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(here.toURI()).getParent())) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted()
                    .forEach(n -> sources.add("/dev/arbiter/fit/gguf/" + n));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the sizing code's class files", e);
        }
        for (Class<?> c : List.of(Architecture.class, LocalAttention.class, Mla.class, Moe.class)) {
            sources.add("/" + c.getName().replace('.', '/') + ".class");
        }
        return sources;
    }

    /** What the snapshot holds: one entry per distinct architecture, in catalogue order. */
    public record Entries(List<Entry> entries) {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    // Layout of one mix's sizes in Entry.packed, in longs:
    //   textBytes, tensors, fallbacks, projectorBytes, tokenEmbdBytes, outputBytes, outputNormBytes,
    //   T, then T pairs (GgmlType ordinal, bytes) in bytesByType's order (largest first),
    //   L, then L blockBytes,
    //   E, then E blockExpertBytes: E = L, or 0 when every block's is 0 (a dense model: most of the catalogue, whose
    //   zeros were a third of the file).
    // One long[] per architecture rather than GgufSize records: the snapshot reads it in one block, and a size is
    // unpacked only when asked for (fit asks for one model's, recommend for a few dozen of the catalogue's).
    private static final int HEAD = 7;
    private static final GgmlType[] TYPES = GgmlType.values();
    private static final GgufMix[] MIXES = GgufMix.values();

    /**
     * One architecture's sizes at every mix, in {@link GgufMix} order.
     *
     * @param architecture the architecture as the build read it from the bundled catalogue
     * @param packed       the sizes, laid out as above; its shape is checked on read (a damaged snapshot is refused)
     */
    public record Entry(Architecture architecture, long[] packed) {
        public Entry {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(packed, "packed");
            if (offset(packed, MIXES.length) != packed.length) {
                throw new IllegalArgumentException("packed sizes are not " + MIXES.length + " mixes");
            }
        }

        static Entry of(Architecture a) {
            List<Long> longs = new ArrayList<>();
            for (GgufMix mix : MIXES) pack(GgufSize.of(a, mix, false), longs);
            return new Entry(a, longs.stream().mapToLong(Long::longValue).toArray());
        }

        /** The sizes at {@code mix}: equal, component for component and in the same map order, to {@code GgufSize.of(architecture, mix, false)}. */
        public GgufSize size(GgufMix mix) {
            long[] p = packed;
            int i = offset(p, mix.ordinal());
            int types = (int) p[i + HEAD];
            Map<GgmlType, Long> byType = new LinkedHashMap<>();
            int j = i + HEAD + 1;
            for (int k = 0; k < types; k++, j += 2) byType.put(TYPES[(int) p[j]], p[j + 1]);
            int layers = (int) p[j++];
            Long[] blocks = new Long[layers];
            for (int k = 0; k < layers; k++) blocks[k] = p[j + k];
            j += layers;
            boolean routed = p[j++] != 0;
            Long[] experts = new Long[layers];
            for (int k = 0; k < layers; k++) experts[k] = routed ? p[j + k] : 0L;
            return new GgufSize(mix, p[i], byType, (int) p[i + 1], (int) p[i + 2], p[i + 3], p[i + 4], p[i + 5],
                    p[i + 6], Arrays.asList(blocks), Arrays.asList(experts));
        }

        /** By value (a record compares arrays by identity); the snapshot's test compares entries with a fresh build. */
        @Override public boolean equals(Object o) {
            return o instanceof Entry e && SameArchitecture.same(architecture, e.architecture) && Arrays.equals(packed, e.packed);
        }

        @Override public int hashCode() { return Arrays.hashCode(packed); }

        @Override public String toString() { return "Entry[" + architecture + ", " + packed.length + " longs]"; }
    }

    private static void pack(GgufSize s, List<Long> out) {
        out.addAll(List.of(s.textBytes(), (long) s.tensors(), (long) s.fallbacks(), s.projectorBytes(),
                s.tokenEmbdBytes(), s.outputBytes(), s.outputNormBytes()));
        out.add((long) s.bytesByType().size());
        s.bytesByType().forEach((type, bytes) -> {
            out.add((long) type.ordinal());
            out.add(bytes);
        });
        out.add((long) s.blockBytes().size());
        out.addAll(s.blockBytes());
        boolean routed = s.blockExpertBytes().stream().anyMatch(b -> b != 0);
        out.add(routed ? (long) s.blockExpertBytes().size() : 0L);
        if (routed) out.addAll(s.blockExpertBytes());
    }

    /**
     * Where mix number {@code mix} starts in {@code p} (with {@code mix} = the number of mixes: where the last ends),
     * checking each earlier mix's counts; -1 when they do not fit the array.
     */
    private static int offset(long[] p, int mix) {
        int i = 0;
        for (int m = 0; m < mix; m++) {
            if (i + HEAD >= p.length) return -1;
            long types = p[i + HEAD];
            if (types < 0 || types > TYPES.length) return -1;
            int j = i + HEAD + 1;
            for (int k = 0; k < types; k++, j += 2) {
                if (j + 1 >= p.length || p[j] < 0 || p[j] >= TYPES.length) return -1;
            }
            if (j >= p.length) return -1;
            long layers = p[j];
            if (layers < 0 || layers > p.length - j - 2) return -1;
            j += 1 + (int) layers;
            long experts = p[j];
            if ((experts != 0 && experts != layers) || experts > p.length - j - 1) return -1;
            i = j + 1 + (int) experts;
        }
        return i;
    }

    /** The entries for {@code architectures} (the bundled catalogue's), each distinct architecture once. */
    public static Entries of(Collection<Architecture> architectures) {
        List<Entry> entries = new ArrayList<>();
        for (Architecture a : architectures) {
            if (entries.stream().noneMatch(e -> SameArchitecture.same(e.architecture(), a))) entries.add(Entry.of(a));
        }
        return new Entries(entries);
    }

    /** The bundled entry for an architecture equal to {@code a}, or null: then its sizes must be computed. */
    public static Entry find(Architecture a) {
        for (Entry e : Loaded.ENTRIES) if (SameArchitecture.same(e.architecture(), a)) return e;
        return null;
    }

    /** Read on first use (class initialisation): empty when the snapshot is missing, stale or damaged. */
    private static final class Loaded {
        static final List<Entry> ENTRIES = entries();

        private static List<Entry> entries() {
            Entries e = Snapshot.read(SNAPSHOT, Entries.class).orElse(null);
            return e == null ? List.of() : e.entries();
        }
    }
}

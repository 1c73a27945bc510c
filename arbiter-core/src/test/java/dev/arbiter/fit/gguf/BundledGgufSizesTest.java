package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import dev.arbiter.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledGgufSizesTest {
    /** The bundled catalogue's architectures as the YAML gives them (not through the catalogue's own snapshot). */
    private static final List<Architecture> BUNDLED =
            new CatalogLoader().parseBundled().models().stream().map(Model::architecture).toList();

    /** The snapshot on the class path, which the build's process-classes step wrote: it must be there and fresh. */
    private static List<BundledGgufSizes.Entry> snapshot() {
        return Snapshot.read(BundledGgufSizes.SNAPSHOT, BundledGgufSizes.Entries.class).orElseThrow(
                () -> new AssertionError("no fresh gguf-sizes snapshot on the class path (run the build's process-classes)"))
                .entries();
    }

    @Test
    void everyBundledArchitectureAtEveryMixIsExactlyTheComputedSize() {
        List<BundledGgufSizes.Entry> entries = snapshot();
        assertThat(entries).isNotEmpty();
        int sizes = 0;
        for (BundledGgufSizes.Entry e : entries) {
            for (GgufMix mix : GgufMix.values()) {
                GgufSize computed = GgufSize.of(e.architecture(), mix, false);
                GgufSize stored = e.size(mix);
                assertThat(stored).as("%s at %s", e.architecture().source(), mix).isEqualTo(computed);
                // equals compares the map without its order; the order (largest type first) is printed in fit's basis
                assertThat(List.copyOf(stored.bytesByType().entrySet()))
                        .containsExactlyElementsOf(List.copyOf(computed.bytesByType().entrySet()));
                assertThat(stored.toString()).isEqualTo(computed.toString());
                sizes++;
            }
        }
        assertThat(sizes).isEqualTo(entries.size() * GgufMix.values().length);
    }

    @Test
    void everyBundledArchitectureHasAnEntryEachDistinctOnce() {
        for (Architecture a : BUNDLED) {
            BundledGgufSizes.Entry e = BundledGgufSizes.find(a);
            assertThat(e).as(a.source()).isNotNull();
            assertThat(e.architecture()).isEqualTo(a);
        }
        List<BundledGgufSizes.Entry> entries = snapshot();
        assertThat(entries).hasSize((int) BUNDLED.stream().distinct().count());
        assertThat(entries.stream().map(BundledGgufSizes.Entry::architecture).distinct()).hasSize(entries.size());
    }

    @Test
    void anArchitectureDifferingInAnyOneComponentHasNoEntryAndIsComputed() throws ReflectiveOperationException {
        Map<Class<?>, Record> donors = donors();
        int variants = 0;
        for (Architecture a : BUNDLED.stream().distinct().toList()) {
            for (Architecture v : oneComponentOff(a, donors)) {
                assertThat(v).isNotEqualTo(a);
                assertThat(SameArchitecture.same(a, v)).as("%s vs %s", a, v).isFalse();
                // the variant may happen to be another bundled architecture; otherwise nothing is looked up for it
                Architecture other = BUNDLED.stream().filter(v::equals).findFirst().orElse(null);
                BundledGgufSizes.Entry e = BundledGgufSizes.find(v);
                if (other == null) assertThat(e).as("%s", v).isNull();
                else assertThat(e.architecture()).isEqualTo(other);
                variants++;
            }
        }
        assertThat(variants).isGreaterThan(BUNDLED.size() * 15);
    }

    @Test
    void sameArchitectureAgreesWithTheRecordsEquals() {
        for (Architecture x : BUNDLED) {
            for (Architecture y : BUNDLED) assertThat(SameArchitecture.same(x, y)).isEqualTo(x.equals(y));
            Architecture copy = new Architecture(x.layers(), x.hiddenSize(), x.attentionHeads(), x.kvHeads(), x.headDim(),
                    x.vocabSize(), x.tiedEmbeddings(), x.intermediateSize(), x.attentionBias(), x.moe(), x.localAttention(),
                    x.mla(), x.extraParams(), x.extraParamsNote() == null ? null : new String(x.extraParamsNote()),
                    new String(x.source()));
            assertThat(SameArchitecture.same(x, copy)).isTrue();
            assertThat(BundledGgufSizes.find(copy)).isNotNull();   // equal, not the same instance: found
        }
        assertThat(SameArchitecture.same(BUNDLED.get(0), null)).isFalse();
    }

    @Test
    void packedSizesOfTheWrongShapeAreRefusedSoADamagedSnapshotIsIgnored() {
        BundledGgufSizes.Entry e = snapshot().get(0);
        long[] p = e.packed();
        assertThatThrownBy(() -> new BundledGgufSizes.Entry(e.architecture(), Arrays.copyOf(p, p.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundledGgufSizes.Entry(e.architecture(), Arrays.copyOf(p, p.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        long[] badType = p.clone();
        badType[8] = GgmlType.values().length;   // the first mix's first type ordinal
        assertThatThrownBy(() -> new BundledGgufSizes.Entry(e.architecture(), badType))
                .isInstanceOf(IllegalArgumentException.class);
        long[] badExperts = p.clone();
        int layersAt = 8 + 2 * (int) p[7];   // the first mix: 7 sums, its type count and pairs, then L
        badExperts[layersAt + 1 + (int) p[layersAt]] = 1;   // E must be 0 or L
        assertThatThrownBy(() -> new BundledGgufSizes.Entry(e.architecture(), badExperts))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundledGgufSizes.Entry(e.architecture(), new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSnapshotsSourcesAreEveryClassFileOfTheSizingCode() throws IOException, URISyntaxException {
        // From a classes folder a snapshot is checked against its sources' bytes: a class of this package left out
        // (a switch's synthetic TensorTypes$1 was, in a hand-written list) could change sizes unnoticed.
        Path dir = Path.of(GgufSize.class.getResource("GgufSize.class").toURI()).getParent();   // main classes, not the tests'
        List<String> classes;
        try (Stream<Path> s = Files.list(dir)) {
            classes = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> "/dev/arbiter/fit/gguf/" + n).toList();
        }
        List<String> sources = BundledGgufSizes.SNAPSHOT.sources();
        assertThat(sources).containsAll(classes).contains("/dev/arbiter/fit/gguf/GgufSize$Sums.class",
                "/dev/arbiter/fit/gguf/TensorTypes.class", "/dev/arbiter/catalog/Architecture.class",
                "/dev/arbiter/catalog/Moe.class", "/dev/arbiter/catalog/Mla.class", "/dev/arbiter/catalog/LocalAttention.class");
        assertThat(sources).doesNotHaveDuplicates().noneMatch(n -> n.contains("Test"));
        assertThat(BundledGgufSizes.SNAPSHOT.sources()).isEqualTo(sources);   // in a fixed order: the digest depends on it
    }

    // --- variants ----------------------------------------------------------------------------------------------

    /** A non-null value of each nested record type, from the bundled architectures, to put where another has null. */
    private static Map<Class<?>, Record> donors() throws ReflectiveOperationException {
        Map<Class<?>, Record> m = new HashMap<>();
        for (Architecture a : BUNDLED) {
            for (RecordComponent c : Architecture.class.getRecordComponents()) {
                Object v = c.getAccessor().invoke(a);
                if (v instanceof Record r) m.putIfAbsent(c.getType(), r);
            }
        }
        return m;
    }

    /**
     * Every architecture the records accept that differs from {@code a} in exactly one component, nested records'
     * components one at a time; every component must yield at least one, so a component of a new kind is noticed.
     */
    @SuppressWarnings("unchecked")
    private static <R extends Record> List<R> oneComponentOff(R r, Map<Class<?>, Record> donors) throws ReflectiveOperationException {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        Constructor<?> ctor = r.getClass().getDeclaredConstructor(Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) args[i] = cs[i].getAccessor().invoke(r);
        List<R> out = new ArrayList<>();
        for (int i = 0; i < cs.length; i++) {
            int before = out.size();
            for (Object candidate : alternatives(cs[i].getType(), args[i], donors)) {
                Object[] changed = args.clone();
                changed[i] = candidate;
                R v;
                try {
                    v = (R) ctor.newInstance(changed);
                } catch (InvocationTargetException refused) {
                    continue;   // the record's own checks refuse this value; try the next
                }
                if (v.equals(r) || !Objects.equals(cs[i].getAccessor().invoke(v), candidate)) continue;
                out.add(v);
                if (!cs[i].getType().isRecord()) break;   // one value is enough for a scalar; every nested variant for a record
            }
            assertThat(out.size()).as("a variant of %s.%s", r.getClass().getSimpleName(), cs[i].getName()).isGreaterThan(before);
        }
        return out;
    }

    private static List<Object> alternatives(Class<?> type, Object v, Map<Class<?>, Record> donors) throws ReflectiveOperationException {
        List<Object> l = new ArrayList<>();
        if (type == int.class) {
            int x = (Integer) v;
            l.addAll(List.of(x + 1, x * 2, x - 1, 1, 2));
        } else if (type == long.class) {
            long x = (Long) v;
            l.addAll(List.of(x + 1, x * 2 + 1));
        } else if (type == boolean.class) {
            l.add(!(Boolean) v);
        } else if (type == String.class) {
            l.addAll(Arrays.asList(v + "x", "sliding", "chunked", "x"));
            if (v != null) l.add(null);
        } else if (type.isRecord()) {
            if (v == null) l.add(donors.get(type));
            else {
                l.addAll(oneComponentOff((Record) v, donors));
                l.add(null);
            }
        } else {
            throw new AssertionError("no variants for a component of type " + type);
        }
        return l;
    }
}

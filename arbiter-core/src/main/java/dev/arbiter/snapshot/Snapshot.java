package dev.arbiter.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A bundled resource as the build parsed it: a record graph written in a compact binary form by the build
 * ({@link BundledSnapshots}) and read back at start-up, so {@code models}, {@code show}, {@code fit} and
 * {@code recommend} start without SnakeYAML, Jackson's mappers and record binding, which together were most of their
 * start-up (docs/performance.md).
 *
 * <p>Written here rather than with a serialisation library because start-up time is the point: Jackson costs its own
 * start-up, and Java serialisation rebuilds records through method-handle chains the JVM spins at run time (a dozen
 * generated classes per record type, which the class-data archive cannot hold). This codec walks the record
 * components by reflection and rebuilds every record through its canonical constructor, so each record's checks run
 * again on read. The layout has no field names; instead the file starts with a fingerprint of the record types'
 * shapes (component names and generic types, enum constants), and a snapshot whose fingerprint differs from the
 * classes reading it, or that is damaged, is ignored: the caller parses the resource as it always did.
 *
 * <p>Values: primitives, their boxes, String, LocalDate, enums, records, {@code long[]}, and List, Set and Map of
 * those. Every non-primitive value is preceded by a presence byte (null is kept as null). A {@code long[]} is its
 * length and its values big-endian, read back in one block rather than value by value: it is for bulk numbers (the
 * bundled models' GGUF sizes, tens of thousands of longs) that boxed lists would make slow to read at start-up.
 */
public final class Snapshot {
    private static final int MAGIC = 0x41524253; // "ARBS"
    /** Where the build writes snapshots on the class path: {@code /snapshots/NAME.bin}. */
    static final String FOLDER = "/snapshots/";

    /**
     * A snapshot's name and the class-path resources it is made from. The snapshot records a digest of their bytes;
     * read from a classes directory (a build other than Maven's may have changed the resources and not the snapshot:
     * an IDE), a snapshot whose resources changed since is ignored. Read from a jar, which Maven's package phase makes
     * with the snapshots of exactly the resources in it, the digest is not computed (it cost 12 ms of each start).
     * The list of sources is asked for only when it is needed.
     */
    public static final class Spec {
        private final String name;
        private final java.util.function.Supplier<List<String>> sources;

        public Spec(String name, java.util.function.Supplier<List<String>> sources) {
            if (name == null || !name.matches("[a-z0-9-]+")) throw new IllegalArgumentException("snapshot name: " + name);
            this.name = name;
            this.sources = java.util.Objects.requireNonNull(sources, "sources");
        }

        /** A snapshot of one resource. */
        public static Spec of(String name, String resource) {
            return new Spec(name, () -> List.of(resource));
        }

        public String name() { return name; }

        public List<String> sources() {
            List<String> l = List.copyOf(sources.get());
            if (l.isEmpty()) throw new IllegalStateException("snapshot " + name + " has no sources");
            return l;
        }

        @Override public String toString() { return name; }
    }

    private final Map<Class<?>, Shape> shapes = new HashMap<>();

    private Snapshot() {}

    /**
     * The snapshot of {@code spec} in the jar as a {@code root}, or empty when there is none, it does not fit the
     * classes, or its sources changed since it was written.
     */
    public static <R extends Record> Optional<R> read(Spec spec, Class<R> root) {
        java.net.URL url = Snapshot.class.getResource(FOLDER + spec.name() + ".bin");
        if (url == null) return Optional.empty();
        Long sources = null;
        if (!"jar".equals(url.getProtocol())) {
            try {
                sources = digest(spec.sources());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        try {
            return read(url.openStream(), root, sources);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The snapshot in {@code raw} (closed here); empty when raw is null, damaged, of other record shapes, or made
     * from other sources than {@code sources} (null: not checked).
     */
    static <R extends Record> Optional<R> read(InputStream raw, Class<R> root, Long sources) {
        if (raw == null) return Optional.empty();
        Snapshot s = new Snapshot();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readLong() != s.fingerprint(root)) return Optional.empty();
            long madeFrom = in.readLong();
            if (sources != null && madeFrom != sources) return Optional.empty();
            Object value = s.readRecord(in, root);
            if (in.read() != -1) return Optional.empty(); // trailing bytes: not what this code wrote
            return Optional.of(root.cast(value));
        } catch (IOException | RuntimeException | ReflectiveOperationException e) {
            // Truncated or damaged (EOF, a record's own check refusing a value): the resource itself is the truth.
            return Optional.empty();
        }
    }

    /** Writes {@code value} made from {@code spec}'s sources (build time). */
    public static void write(Spec spec, Record value, OutputStream raw) throws IOException {
        write(value, raw, digest(spec.sources()));
    }

    /** @throws IllegalArgumentException for a component type it cannot hold */
    static void write(Record value, OutputStream raw, long sources) throws IOException {
        Snapshot s = new Snapshot();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeLong(s.fingerprint(value.getClass()));
        out.writeLong(sources);
        try {
            s.writeRecord(out, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a component of " + value.getClass().getName(), e);
        }
        out.flush();
    }

    /** CRC-32 of the resources' names and bytes, in order. @throws IOException when one is missing */
    static long digest(List<String> resources) throws IOException {
        CRC32 crc = new CRC32();
        for (String r : resources) {
            crc.update(r.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Snapshot.class.getResourceAsStream(r)) {
                if (in == null) throw new IOException("resource missing: " + r);
                crc.update(in.readAllBytes());
            }
        }
        return crc.getValue();
    }

    // --- shapes --------------------------------------------------------------------------------------------------

    /** A record type's components in declaration order, their generic types and its canonical constructor. */
    private record Shape(RecordComponent[] components, Type[] types, Constructor<?> constructor) {}

    private Shape shape(Class<?> type) throws NoSuchMethodException {
        Shape known = shapes.get(type);
        if (known != null) return known;
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[cs.length];
        Type[] generic = new Type[cs.length];
        for (int i = 0; i < cs.length; i++) {
            raw[i] = cs[i].getType();
            generic[i] = cs[i].getGenericType();
        }
        Constructor<?> c = type.getDeclaredConstructor(raw);
        c.setAccessible(true);
        Shape s = new Shape(cs, generic, c);
        shapes.put(type, s);
        return s;
    }

    /** CRC-32 of every reachable record's and enum's shape, in a fixed walk order. */
    private long fingerprint(Class<?> root) {
        StringBuilder sb = new StringBuilder();
        describe(root, sb, new LinkedHashSet<>());
        CRC32 crc = new CRC32();
        crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private void describe(Type t, StringBuilder sb, Set<Type> seen) {
        if (t instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) describe(arg, sb, seen);
            return;
        }
        if (!(t instanceof Class<?> c) || !seen.add(c)) return;
        if (c.isRecord()) {
            sb.append(c.getName()).append('(');
            for (RecordComponent rc : c.getRecordComponents()) {
                sb.append(rc.getName()).append(':').append(rc.getGenericType().getTypeName()).append(',');
            }
            sb.append(')');
            for (RecordComponent rc : c.getRecordComponents()) describe(rc.getGenericType(), sb, seen);
        } else if (c.isEnum()) {
            sb.append(c.getName()).append('{');
            for (Object e : c.getEnumConstants()) sb.append(((Enum<?>) e).name()).append(',');
            sb.append('}');
        }
    }

    // --- writing -------------------------------------------------------------------------------------------------

    private void writeRecord(DataOutputStream out, Object r) throws IOException, ReflectiveOperationException {
        Shape s = shape(r.getClass());
        for (int i = 0; i < s.components().length; i++) {
            write(out, s.types()[i], s.components()[i].getAccessor().invoke(r), r.getClass(), s.components()[i].getName());
        }
    }

    private void write(DataOutputStream out, Type type, Object v, Class<?> owner, String field)
            throws IOException, ReflectiveOperationException {
        if (type == int.class) { out.writeInt((Integer) v); return; }
        if (type == long.class) { out.writeLong((Long) v); return; }
        if (type == double.class) { out.writeDouble((Double) v); return; }
        if (type == boolean.class) { out.writeBoolean((Boolean) v); return; }
        out.writeBoolean(v != null);
        if (v == null) return;
        Class<?> raw = raw(type);
        if (raw == String.class) str(out, (String) v);
        else if (raw == Integer.class) out.writeInt((Integer) v);
        else if (raw == Long.class) out.writeLong((Long) v);
        else if (raw == Double.class) out.writeDouble((Double) v);
        else if (raw == Boolean.class) out.writeBoolean((Boolean) v);
        else if (raw == LocalDate.class) out.writeLong(((LocalDate) v).toEpochDay());
        else if (raw.isEnum()) out.writeInt(((Enum<?>) v).ordinal());
        else if (raw.isRecord()) writeRecord(out, v);
        else if (raw == long[].class) {
            long[] a = (long[]) v;
            out.writeInt(a.length);
            for (long x : a) out.writeLong(x);
        } else if (raw == List.class || raw == Set.class) {
            Type element = argument(type, 0);
            java.util.Collection<?> c = (java.util.Collection<?>) v;
            out.writeInt(c.size());
            for (Object e : c) write(out, element, e, owner, field);
        } else if (raw == Map.class) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, argument(type, 0), e.getKey(), owner, field);
                write(out, argument(type, 1), e.getValue(), owner, field);
            }
        } else {
            throw new IllegalArgumentException(owner.getName() + "." + field + ": a snapshot cannot hold " + type.getTypeName());
        }
    }

    // --- reading -------------------------------------------------------------------------------------------------

    private Object readRecord(DataInputStream in, Class<?> type) throws IOException, ReflectiveOperationException {
        Shape s = shape(type);
        Object[] args = new Object[s.types().length];
        for (int i = 0; i < args.length; i++) args[i] = read(in, s.types()[i]);
        try {
            return s.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            // The record's own check refused a value: damaged, so the caller falls back to the resource.
            throw new IllegalStateException(type.getName() + ": " + e.getCause(), e.getCause());
        }
    }

    private Object read(DataInputStream in, Type type) throws IOException, ReflectiveOperationException {
        if (type == int.class) return in.readInt();
        if (type == long.class) return in.readLong();
        if (type == double.class) return in.readDouble();
        if (type == boolean.class) return in.readBoolean();
        if (!in.readBoolean()) return null;
        Class<?> raw = raw(type);
        if (raw == String.class) return str(in);
        if (raw == Integer.class) return in.readInt();
        if (raw == Long.class) return in.readLong();
        if (raw == Double.class) return in.readDouble();
        if (raw == Boolean.class) return in.readBoolean();
        if (raw == LocalDate.class) return LocalDate.ofEpochDay(in.readLong());
        if (raw.isEnum()) return raw.getEnumConstants()[in.readInt()];
        if (raw.isRecord()) return readRecord(in, raw);
        if (raw == long[].class) return longs(in);
        if (raw == List.class || raw == Set.class) {
            int n = in.readInt();
            java.util.Collection<Object> c = raw == List.class ? new ArrayList<>(n) : new LinkedHashSet<>();
            for (int i = 0; i < n; i++) c.add(read(in, argument(type, 0)));
            return c;
        }
        if (raw == Map.class) {
            int n = in.readInt();
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) m.put(read(in, argument(type, 0)), read(in, argument(type, 1)));
            return m;
        }
        throw new IllegalArgumentException("a snapshot cannot hold " + type.getTypeName());
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("a snapshot cannot hold " + t.getTypeName());
    }

    private static Type argument(Type t, int i) {
        if (t instanceof ParameterizedType p) return p.getActualTypeArguments()[i];
        throw new IllegalArgumentException("a snapshot needs the element type of " + t.getTypeName());
    }

    /** A {@code long[]}: its length, then its bytes in one read, turned into longs by one bulk copy. */
    private static long[] longs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Integer.MAX_VALUE / Long.BYTES) throw new IOException("long[] of " + n + " values");
        byte[] b = new byte[n * Long.BYTES];
        in.readFully(b);
        long[] a = new long[n];
        java.nio.ByteBuffer.wrap(b).asLongBuffer().get(a);   // big-endian, as DataOutputStream wrote them
        return a;
    }

    /** A string is its UTF-8 length and bytes (DataOutput's writeUTF stops at 64 KiB). */
    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

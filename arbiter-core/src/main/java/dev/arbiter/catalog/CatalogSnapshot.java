package dev.arbiter.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled catalogue as the build parsed it: the YAML of {@code catalog/} read once by
 * {@link CatalogLoader#parseBundled()} at build time (arbiter-core's process-classes phase) and written beside it, so
 * a command that needs only the bundled catalogue (models, show, fit, recommend) starts without SnakeYAML, Jackson's
 * record binding and their class loading, which were 40% of {@code models}' start-up (docs/performance.md).
 *
 * <p>Written by hand, field by field, because what matters here is start-up time: Jackson costs its own start-up,
 * and Java serialisation rebuilds records through method-handle chains that the JVM spins at run time (about a dozen
 * generated classes per record type, which the class-data archive cannot hold). Every record is rebuilt through its
 * canonical constructor, so its checks still run. The format carries no field names: {@code CatalogSnapshotTest}
 * holds the snapshot equal, record for record, to a fresh parse of the YAML, so a field added to a record and not
 * here fails the build. A missing, damaged or older snapshot is never an error: the loader parses the YAML instead.
 */
public final class CatalogSnapshot {
    /** Class-path resource the build writes. */
    static final String RESOURCE = "/catalog/bundled.snapshot";
    /** Changed whenever the layout below changes; a snapshot of another layout is ignored. */
    private static final int MAGIC = 0x41524243; // "ARBC"
    private static final int LAYOUT = 1;

    private CatalogSnapshot() {}

    /** The snapshot in the jar, or empty when there is none or it cannot be read (then the YAML is parsed). */
    static Optional<Catalog> read() {
        return read(CatalogSnapshot.class.getResourceAsStream(RESOURCE));
    }

    /** The snapshot in {@code raw} (closed here), or empty when raw is null, damaged or of another layout. */
    static Optional<Catalog> read(InputStream raw) {
        if (raw == null) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != LAYOUT) return Optional.empty();
            Map<String, License> licenses = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                License l = readLicense(in);
                licenses.put(l.id(), l);
            }
            List<Model> models = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) models.add(readModel(in, licenses));
            if (in.read() != -1) return Optional.empty(); // trailing bytes: not a file this code wrote
            return Optional.of(new Catalog(models, licenses));
        } catch (IOException | RuntimeException e) {
            // Truncated or damaged (EOF, a record's check refusing a value): the YAML is the truth, parse it.
            return Optional.empty();
        }
    }

    static void write(Catalog catalog, OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(LAYOUT);
        out.writeInt(catalog.licenses().size());
        for (License l : catalog.licenses().values()) writeLicense(out, l);
        out.writeInt(catalog.models().size());
        for (Model m : catalog.models()) writeModel(out, m);
        out.flush();
    }

    /** Build step: {@code CatalogSnapshot OUTPUT_FILE} parses the bundled YAML and writes the snapshot. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: CatalogSnapshot OUTPUT_FILE");
        Path target = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(new CatalogLoader().parseBundled(), out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    // --- models ------------------------------------------------------------------------------------------------

    private static void writeModel(DataOutputStream out, Model m) throws IOException {
        str(out, m.id());
        str(out, m.name());
        str(out, m.family());
        str(out, m.vendor());
        str(out, m.hfRepo());
        str(out, m.variantOf());
        str(out, m.releaseDate() == null ? null : m.releaseDate().toString());
        out.writeLong(m.contextLength());
        strings(out, m.modalities());
        strings(out, m.languages());
        strings(out, m.tags());
        out.writeBoolean(m.serving() != null);
        if (m.serving() != null) {
            Serving s = m.serving();
            out.writeBoolean(s.vllm());
            out.writeBoolean(s.tgi());
            out.writeBoolean(s.ollama());
            out.writeBoolean(s.llamaCpp());
            str(out, s.note());
        }
        str(out, m.licenseId());
        writeArchitecture(out, m.architecture());
        out.writeLong(m.officialParams().total());
        out.writeLong(m.officialParams().active());
        str(out, m.officialParams().source());
        out.writeInt(m.scores().size());
        for (ScoreClaim c : m.scores()) {
            str(out, c.benchmark());
            out.writeDouble(c.value());
            str(out, c.variant());
            out.writeInt(c.shots() == null ? -1 : c.shots());
            str(out, c.metric());
            str(out, c.kind() == null ? null : c.kind().name());
            str(out, c.source());
            str(out, c.note());
            str(out, c.vendorLookup());
        }
        str(out, m.notes());
    }

    private static Model readModel(DataInputStream in, Map<String, License> licenses) throws IOException {
        String id = str(in);
        String name = str(in);
        String family = str(in);
        String vendor = str(in);
        String hfRepo = str(in);
        String variantOf = str(in);
        String released = str(in);
        long context = in.readLong();
        List<String> modalities = strings(in);
        List<String> languages = strings(in);
        List<String> tags = strings(in);
        Serving serving = in.readBoolean()
                ? new Serving(in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readBoolean(), str(in)) : null;
        String licenseId = str(in);
        Architecture architecture = readArchitecture(in);
        OfficialParams params = new OfficialParams(in.readLong(), in.readLong(), str(in));
        List<ScoreClaim> scores = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String benchmark = str(in);
            double value = in.readDouble();
            String variant = str(in);
            int shots = in.readInt();
            String metric = str(in);
            String kind = str(in);
            scores.add(new ScoreClaim(benchmark, value, variant, shots < 0 ? null : shots, metric,
                    kind == null ? null : ClaimKind.valueOf(kind), str(in), str(in), str(in)));
        }
        String notes = str(in);
        return new Model(id, name, family, vendor, hfRepo, variantOf, released == null ? null : LocalDate.parse(released),
                context, modalities, languages, tags, serving, licenseId, licenses.get(licenseId), architecture, params,
                scores, notes);
    }

    private static void writeArchitecture(DataOutputStream out, Architecture a) throws IOException {
        out.writeInt(a.layers());
        out.writeInt(a.hiddenSize());
        out.writeInt(a.attentionHeads());
        out.writeInt(a.kvHeads());
        out.writeInt(a.headDim());
        out.writeInt(a.vocabSize());
        out.writeBoolean(a.tiedEmbeddings());
        out.writeInt(a.intermediateSize());
        out.writeBoolean(a.attentionBias());
        out.writeBoolean(a.moe() != null);
        if (a.moe() != null) {
            Moe e = a.moe();
            for (int v : new int[] {e.experts(), e.activeExperts(), e.sharedExperts(), e.expertIntermediateSize(),
                    e.layerStep(), e.firstDenseLayers()}) out.writeInt(v);
        }
        out.writeBoolean(a.localAttention() != null);
        if (a.localAttention() != null) {
            str(out, a.localAttention().kind());
            out.writeInt(a.localAttention().window());
            out.writeInt(a.localAttention().globalEvery());
        }
        out.writeBoolean(a.mla() != null);
        if (a.mla() != null) {
            Mla l = a.mla();
            for (int v : new int[] {l.qLoraRank(), l.kvLoraRank(), l.qkNopeHeadDim(), l.qkRopeHeadDim(), l.vHeadDim()}) {
                out.writeInt(v);
            }
        }
        out.writeLong(a.extraParams());
        str(out, a.extraParamsNote());
        str(out, a.source());
    }

    private static Architecture readArchitecture(DataInputStream in) throws IOException {
        int layers = in.readInt();
        int hidden = in.readInt();
        int heads = in.readInt();
        int kvHeads = in.readInt();
        int headDim = in.readInt();
        int vocab = in.readInt();
        boolean tied = in.readBoolean();
        int intermediate = in.readInt();
        boolean bias = in.readBoolean();
        Moe moe = in.readBoolean()
                ? new Moe(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt()) : null;
        LocalAttention local = in.readBoolean() ? new LocalAttention(str(in), in.readInt(), in.readInt()) : null;
        Mla mla = in.readBoolean() ? new Mla(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt()) : null;
        return new Architecture(layers, hidden, heads, kvHeads, headDim, vocab, tied, intermediate, bias, moe, local, mla,
                in.readLong(), str(in), str(in));
    }

    // --- licences ----------------------------------------------------------------------------------------------

    private static void writeLicense(DataOutputStream out, License l) throws IOException {
        str(out, l.id());
        str(out, l.name());
        str(out, l.url());
        out.writeBoolean(l.openSource());
        out.writeBoolean(l.commercialUse());
        out.writeLong(l.monthlyActiveUserCap() == null ? -1 : l.monthlyActiveUserCap());
        out.writeBoolean(l.researchOnly());
        out.writeInt(l.regionRestrictions().size());
        for (RegionRestriction r : l.regionRestrictions()) {
            str(out, r.region());
            str(out, r.scope());
            str(out, r.clause());
        }
        out.writeBoolean(l.attributionRequired());
        str(out, l.attribution());
        str(out, l.acceptableUsePolicy());
        strings(out, l.notes());
        str(out, l.productionUse() == null ? null : l.productionUse().name());
    }

    private static License readLicense(DataInputStream in) throws IOException {
        String id = str(in);
        String name = str(in);
        String url = str(in);
        boolean open = in.readBoolean();
        boolean commercial = in.readBoolean();
        long cap = in.readLong();
        boolean research = in.readBoolean();
        List<RegionRestriction> regions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) regions.add(new RegionRestriction(str(in), str(in), str(in)));
        boolean attributionRequired = in.readBoolean();
        String attribution = str(in);
        String aup = str(in);
        List<String> notes = strings(in);
        String use = str(in);
        return new License(id, name, url, open, commercial, cap < 0 ? null : cap, research, regions, attributionRequired,
                attribution, aup, notes, use == null ? null : LicenseUse.valueOf(use));
    }

    // --- values: a string is its UTF-8 length (-1 for null) and bytes; writeUTF stops at 64 KiB ---------------

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list == null ? -1 : list.size());
        if (list != null) for (String s : list) str(out, s);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(str(in));
        return list;
    }
}

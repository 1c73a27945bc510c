package dev.arbiter.eval.task.mmlu;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small tars in the Hendrycks layout (and malicious variants), built in memory for download tests. */
public final class MmluTars {
    private MmluTars() {}

    /** A dev row of {@code astronomy} whose question holds a quoted comma and a doubled quote. */
    public static final String QUOTED_DEV_QUESTION = "Which planet, \"the red one\", is fourth?";

    /**
     * Two subjects (astronomy, virology) with 5 dev and 2 test questions each, CRLF line ends, a quoted field with commas
     * and quotes, plus a val split and an {@code auxiliary_train/} file that extraction skips.
     */
    public static byte[] twoSubjects() {
        return tar(builder -> {
            for (String subject : new String[] {"astronomy", "virology"}) {
                StringBuilder dev = new StringBuilder();
                for (int i = 0; i < 5; i++) {
                    String q = subject.equals("astronomy") && i == 0 ? "\"" + QUOTED_DEV_QUESTION.replace("\"", "\"\"") + "\""
                            : "Dev " + subject + " " + i + "?";
                    dev.append(q).append(",w,x,\"y, with comma\",z,").append("ABCD".charAt(i % 4)).append("\r\n");
                }
                builder.file("data/dev/" + subject + "_dev.csv", dev.toString());
                builder.file("data/val/" + subject + "_val.csv", "Val " + subject + "?,a,b,c,d,A\r\n");
                builder.file("data/test/" + subject + "_test.csv",
                        "Test " + subject + " 0?,one,two,three,four,B\r\n\"Test " + subject + " 1,\r\nsecond line?\",p,q,r,s,D\r\n");
            }
            builder.file("data/auxiliary_train/arc_easy.csv", "Aux?,a,b,c,d,A\r\n");
        });
    }

    /** A valid first entry, then an entry whose name is {@code name} (e.g. "../evil.csv" or an absolute path). */
    public static byte[] withEntryNamed(String name) {
        return tar(builder -> {
            builder.file("data/test/astronomy_test.csv", "Q?,a,b,c,d,A\r\n");
            builder.file(name, "Evil?,a,b,c,d,A\r\n");
        });
    }

    /** A symbolic link {@code data/test/link_test.csv → target}, then a file written through it. */
    public static byte[] withSymlinkTo(String target) {
        return tar(builder -> {
            builder.symlink("data/test/link_test.csv", target);
            builder.file("data/test/link_test.csv", "Evil?,a,b,c,d,A\r\n");
        });
    }

    interface Entries {
        void file(String name, String content);

        void symlink(String name, String target);
    }

    private static byte[] tar(java.util.function.Consumer<Entries> fill) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            fill.accept(new Entries() {
                @Override
                public void file(String name, String content) {
                    byte[] b = content.getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry e = new TarArchiveEntry(name, true); // true: keep a leading '/' as written
                    e.setSize(b.length);
                    try {
                        out.putArchiveEntry(e);
                        out.write(b);
                        out.closeArchiveEntry();
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }

                @Override
                public void symlink(String name, String target) {
                    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    e.setLinkName(target);
                    try {
                        out.putArchiveEntry(e);
                        out.closeArchiveEntry();
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            });
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

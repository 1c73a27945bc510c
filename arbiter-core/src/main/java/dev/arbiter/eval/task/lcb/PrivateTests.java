package dev.arbiter.eval.task.lcb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * LiveCodeBench ships its private tests as {@code base64(zlib(pickle(json_string)))} (lcb_runner's
 * {@code json.loads(pickle.loads(zlib.decompress(base64.b64decode(s))))}). Only the pickle of one Python {@code str}
 * is accepted — read by hand, opcode by opcode (PROTO, FRAME, the three unicode opcodes, MEMOIZE, STOP) — so no
 * general unpickler ever runs on downloaded data. Plain JSON text is passed through.
 */
public final class PrivateTests {
    private PrivateTests() {}

    public static String decode(String field) {
        String s = field.strip();
        if (s.startsWith("[")) return s;
        byte[] pickled = inflate(Base64.getDecoder().decode(s));
        return pickledString(pickled);
    }

    static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new IllegalArgumentException("truncated zlib stream");
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    static String pickledString(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        String value = null;
        while (b.hasRemaining()) {
            int op = b.get() & 0xff;
            switch (op) {
                case 0x80 -> b.get();                       // PROTO n
                case 0x95 -> b.getLong();                   // FRAME length
                case 0x8c -> value = text(b, b.get() & 0xff);          // SHORT_BINUNICODE
                case 'X' -> value = text(b, b.getInt());               // BINUNICODE
                case 0x8d -> value = text(b, Math.toIntExact(b.getLong())); // BINUNICODE8
                case 0x94 -> { }                            // MEMOIZE
                case '.' -> {
                    if (value == null) throw new IllegalArgumentException("the pickle holds no string");
                    return value;
                }
                default -> throw new IllegalArgumentException(String.format("unexpected pickle opcode 0x%02x: only a pickled str is accepted", op));
            }
        }
        throw new IllegalArgumentException("the pickle has no STOP");
    }

    private static String text(ByteBuffer b, int length) {
        if (length < 0 || length > b.remaining()) throw new IllegalArgumentException("string length " + length + " runs past the pickle");
        byte[] s = new byte[length];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}

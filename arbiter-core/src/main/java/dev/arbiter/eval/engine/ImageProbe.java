package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ImagePart;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Before a run whose samples carry images: one 1-token request with a small red square, so a text-only model is
 * refused up front with a clear message instead of failing (or, on servers that drop images silently, guessing)
 * on every sample. A refusal is a 4xx the server gives for the request's shape, or any error whose message speaks
 * of images (llama.cpp without an mmproj answers 500 "image input is not supported"). Other failures (network,
 * auth, overload) propagate as they would from the capability probe.
 */
final class ImageProbe {
    private static final Set<ModelException.Kind> REFUSED = EnumSet.of(ModelException.Kind.BAD_REQUEST,
            ModelException.Kind.UNSUPPORTED, ModelException.Kind.NOT_FOUND, ModelException.Kind.PROTOCOL);
    private static final GenerationConfig ONE_TOKEN = new GenerationConfig(0.0, null, 1, null, null, null, null);

    private ImageProbe() {}

    static boolean needsImages(List<Sample> samples) {
        for (Sample s : samples) for (ChatMessage m : s.input()) if (m.hasImages()) return true;
        return false;
    }

    static void require(ModelClient client, String endpointId) {
        GenerateRequest request = GenerateRequest.chat(List.of(ChatMessage.user("What colour is this square? One word.",
                List.of(ImagePart.of("image/png", redSquare())))), ONE_TOKEN);
        try {
            client.generate(request);
        } catch (ModelException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            boolean aboutImages = msg.contains("image") || msg.contains("multimodal") || msg.contains("vision") || msg.contains("mmproj");
            if (!REFUSED.contains(e.kind()) && !aboutImages) throw e;
            throw new InvalidInputException(endpointId + " does not accept images (" + e.getMessage() + "); this task sends"
                    + " images: serve a vision model (e.g. vLLM with Qwen2.5-VL or Gemma 3, llama-server with --mmproj,"
                    + " an Ollama vision model such as gemma3 or llava)");
        }
    }

    /** A 32×32 red PNG, drawn here rather than shipped as bytes so it is obvious what it shows. */
    static byte[] redSquare() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package dev.arbiter.eval.task.gsm8k;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * GSM8K prompt text. Few-shot exemplars are either the eight chain-of-thought exemplars of Wei et al. (2022) as
 * lm-eval's {@code gsm8k_cot} task ships them, or eight problems drawn from the train split with a seeded random
 * choice (their worked solutions rewritten to end in "The answer is N.").
 */
public final class Gsm8kPrompts {
    /** A worked example shown before the question. */
    public record Shot(String question, String answer) {}

    /** lm-eval {@code gsm8k-cot.yaml} fewshot samples (Wei et al. 2022, Appendix G), in order. */
    public static final List<Shot> STANDARD_SHOTS = List.of(
            new Shot("There are 15 trees in the grove. Grove workers will plant trees in the grove today. After they are done, there will be 21 trees. How many trees did the grove workers plant today?",
                    "There are 15 trees originally. Then there were 21 trees after some more were planted. So there must have been 21 - 15 = 6. The answer is 6."),
            new Shot("If there are 3 cars in the parking lot and 2 more cars arrive, how many cars are in the parking lot?",
                    "There are originally 3 cars. 2 more cars arrive. 3 + 2 = 5. The answer is 5."),
            new Shot("Leah had 32 chocolates and her sister had 42. If they ate 35, how many pieces do they have left in total?",
                    "Originally, Leah had 32 chocolates. Her sister had 42. So in total they had 32 + 42 = 74. After eating 35, they had 74 - 35 = 39. The answer is 39."),
            new Shot("Jason had 20 lollipops. He gave Denny some lollipops. Now Jason has 12 lollipops. How many lollipops did Jason give to Denny?",
                    "Jason started with 20 lollipops. Then he had 12 after giving some to Denny. So he gave Denny 20 - 12 = 8. The answer is 8."),
            new Shot("Shawn has five toys. For Christmas, he got two toys each from his mom and dad. How many toys does he have now?",
                    "Shawn started with 5 toys. If he got 2 toys each from his mom and dad, then that is 4 more toys. 5 + 4 = 9. The answer is 9."),
            new Shot("There were nine computers in the server room. Five more computers were installed each day, from monday to thursday. How many computers are now in the server room?",
                    "There were originally 9 computers. For each of 4 days, 5 more computers were added. So 5 * 4 = 20 computers were added. 9 + 20 is 29. The answer is 29."),
            new Shot("Michael had 58 golf balls. On tuesday, he lost 23 golf balls. On wednesday, he lost 2 more. How many golf balls did he have at the end of wednesday?",
                    "Michael started with 58 golf balls. After losing 23 on tuesday, he had 58 - 23 = 35. After losing 2 more, he had 35 - 2 = 33 golf balls. The answer is 33."),
            new Shot("Olivia has $23. She bought five bagels for $3 each. How much money does she have left?",
                    "Olivia had 23 dollars. 5 bagels for 3 dollars each will be 5 x 3 = 15 dollars. So she has 23 - 15 dollars left. 23 - 15 is 8. The answer is 8."));

    /** Stop sequences for few-shot prompts, as lm-eval: the model must not start the next "Q:". */
    public static final List<String> FEW_SHOT_STOP = List.of("Q:", "</s>", "<|im_end|>");

    private static final Pattern CALCULATOR = Pattern.compile("<<[^>]*>>");

    private Gsm8kPrompts() {}

    /** Zero-shot chain of thought: the question, the cue, and the answer format the strict scorer reads. */
    public static String zeroShot(String question) {
        return "Q: " + question + "\nA: Let's think step by step. When you are done, write the final answer as "
                + "\"The answer is N.\" where N is a number.";
    }

    /** lm-eval's CoT few-shot layout: {@code Q: …\nA: …} blocks separated by blank lines, ending with {@code A:}. */
    public static String fewShot(List<Shot> shots, String question) {
        StringBuilder sb = new StringBuilder();
        for (Shot s : shots) sb.append("Q: ").append(s.question()).append("\nA: ").append(s.answer()).append("\n\n");
        return sb.append("Q: ").append(question).append("\nA:").toString();
    }

    /**
     * {@code k} distinct train problems chosen with {@code seed} (same seed and file → same shots), their solutions
     * stripped of calculator annotations and ending in "The answer is N.".
     */
    public static List<Shot> trainShots(List<Gsm8kProblem> train, int k, long seed) {
        if (train.size() < k) throw new IllegalArgumentException("need " + k + " train problems for shots, got " + train.size());
        List<Gsm8kProblem> pool = new ArrayList<>(train);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(pool.size() - i); // partial Fisher–Yates
            Gsm8kProblem chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
            shots.add(asShot(chosen));
        }
        return shots;
    }

    static Shot asShot(Gsm8kProblem p) {
        String solution = CALCULATOR.matcher(p.solution()).replaceAll("");
        int mark = solution.lastIndexOf("####");
        String body = solution.substring(0, mark).strip().replace("\n", " ");
        return new Shot(p.question(), body + " The answer is " + p.gold() + ".");
    }
}

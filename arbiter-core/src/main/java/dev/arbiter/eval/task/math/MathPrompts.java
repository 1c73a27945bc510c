package dev.arbiter.eval.task.math;

import java.util.List;

/**
 * MATH prompts of the reference harnesses. Minerva's 4-shot layout is lm-eval's {@code minerva_math}
 * (EleutherAI/lm-evaluation-harness 4e7e0d47, {@code lm_eval/tasks/minerva_math/utils.py}: {@code doc_to_text},
 * {@code list_fewshot_samples}; {@code lm_eval/api/task.py} {@code build_qa_turn}: question, " ", solution, "\n\n"),
 * its exemplars verbatim, stray "}" and "\\\n" included, since a byte changed is another prompt.
 */
public final class MathPrompts {
    /** One worked example: a problem and its solution ending in minerva's "Final Answer" sentence. */
    public record Shot(String problem, String solution) {}

    /** lm-eval {@code minerva_math} {@code list_fewshot_samples()}, in order (its {@code first_n} sampler). */
    public static final List<Shot> MINERVA_SHOTS = List.of(
            new Shot("Find the domain of the expression  $\\frac{\\sqrt{x-2}}{\\sqrt{5-x}}$.}",
                    "The expressions inside each square root must be non-negative. Therefore, $x-2 \\ge 0$, so $x\\ge2$, and $5 - x \\ge 0$, so $x \\le 5$. Also, the denominator cannot be equal to zero, so $5-x>0$, which gives $x<5$. Therefore, the domain of the expression is $\\boxed{[2,5)}$.\nFinal Answer: The final answer is $[2,5)$. I hope it is correct."),
            new Shot("If $\\det \\mathbf{A} = 2$ and $\\det \\mathbf{B} = 12,$ then find $\\det (\\mathbf{A} \\mathbf{B}).$",
                    "We have that $\\det (\\mathbf{A} \\mathbf{B}) = (\\det \\mathbf{A})(\\det \\mathbf{B}) = (2)(12) = \\boxed{24}.$\nFinal Answer: The final answer is $24$. I hope it is correct."),
            new Shot("Terrell usually lifts two 20-pound weights 12 times. If he uses two 15-pound weights instead, how many times must Terrell lift them in order to lift the same total weight?",
                    "If Terrell lifts two 20-pound weights 12 times, he lifts a total of $2\\cdot 12\\cdot20=480$ pounds of weight.  If he lifts two 15-pound weights instead for $n$ times, he will lift a total of $2\\cdot15\\cdot n=30n$ pounds of weight.  Equating this to 480 pounds, we can solve for $n$:\n\\begin{align*}\n30n&=480\\\n\\Rightarrow\\qquad n&=480/30=\\boxed{16}\n\\end{align*}\nFinal Answer: The final answer is $16$. I hope it is correct."),
            new Shot("If the system of equations\n\n\\begin{align*}\n6x-4y&=a,\\\n6y-9x &=b.\n\\end{align*}has a solution $(x, y)$ where $x$ and $y$ are both nonzero,\nfind $\\frac{a}{b},$ assuming $b$ is nonzero.",
                    "If we multiply the first equation by $-\\frac{3}{2}$, we obtain\n\n$$6y-9x=-\\frac{3}{2}a.$$Since we also know that $6y-9x=b$, we have\n\n$$-\\frac{3}{2}a=b\\Rightarrow\\frac{a}{b}=\\boxed{-\\frac{2}{3}}.$$\nFinal Answer: The final answer is $-\\frac{2}{3}$. I hope it is correct."));

    /** Stop sequence of lm-eval's {@code minerva_math} {@code generation_kwargs.until}. */
    public static final List<String> MINERVA_STOP = List.of("Problem:");

    /**
     * Qwen2.5-Math's chain-of-thought instruction (QwenLM/Qwen2.5-Math {@code evaluation/utils.py}, prompt type
     * {@code qwen25-math-cot}), sent as the system turn; the problem is the user turn.
     */
    public static final String QWEN_SYSTEM = "Please reason step by step, and put your final answer within \\boxed{}.";

    private MathPrompts() {}

    /** lm-eval {@code doc_to_text}: {@code "Problem:\n" + problem + "\n\nSolution:"}. */
    public static String minervaQuestion(String problem) {
        return "Problem:" + "\n" + problem + "\n\n" + "Solution:";
    }

    /** The 4-shot minerva prompt text for {@code problem}: each shot as question + " " + solution + "\n\n", then the question. */
    public static String minervaFewShot(String problem) {
        StringBuilder b = new StringBuilder();
        for (Shot s : MINERVA_SHOTS) b.append(minervaQuestion(s.problem())).append(' ').append(s.solution()).append("\n\n");
        return b.append(minervaQuestion(problem)).toString();
    }
}

package dev.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.scale.IndexedJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "k8s-job", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Print a Kubernetes Indexed Job that runs an eval as N shards (one pod per shard); kubectl apply -f it, then ./arbiter merge.",
        footer = {"", "Examples:",
                "  ./arbiter k8s-job eval --endpoint http://vllm.models:8000 --model Qwen/Qwen2.5-72B-Instruct --task mmlu \\",
                "      --data /data/mmlu --data-pvc eval-data --epochs 5 --shards 16 --image registry.example/arbiter:0.1 \\",
                "      --store-secret arbiter-store > job.yaml",
                "  kubectl apply -f job.yaml && kubectl wait --for=condition=complete job/arbiter-eval --timeout=24h",
                "  ./arbiter runs --store postgresql://db.example:5432/arbiter      (PGUSER, ARBITER_STORE_PASSWORD in the environment)",
                "  ./arbiter merge --store postgresql://db.example:5432/arbiter RUN_1 … RUN_16",
                "",
                "Every flag this command does not know is passed to eval in each pod, which adds --shards N (the index",
                "comes from JOB_COMPLETION_INDEX) and the store. Exit 2 in any pod fails the job; other failures retry",
                "that index (--backoff-limit-per-index), resuming its run. See docs/scale.md."})
final class K8sJobCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "eval", description = "The command each pod runs: eval.")
    String command;
    @Parameters(index = "1..*", paramLabel = "EVAL_FLAG", description = "The eval flags (--endpoint, --model, --task, --data, …).")
    List<String> evalArgs = new ArrayList<>();

    @Option(names = "--shards", required = true, paramLabel = "N", description = "Shards: completions of the Indexed Job, one pod each.")
    int shards;
    @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The Arbiter container image (built from the Dockerfile).")
    String image;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "arbiter-eval", description = "Job name (default: ${DEFAULT-VALUE}).")
    String name;
    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace (default: kubectl's).")
    String namespace;
    @Option(names = "--parallelism", paramLabel = "P", description = "Pods at once (default: all N).")
    Integer parallelism;
    @Option(names = "--backoff-limit-per-index", paramLabel = "N", defaultValue = "3", description = "Retries of one failed index (default: ${DEFAULT-VALUE}).")
    int backoffLimitPerIndex;
    @Option(names = "--store-secret", paramLabel = "SECRET", description = "Secret with keys url (postgresql://…), user and password: every pod writes the shared store.")
    String storeSecret;
    @Option(names = "--results-pvc", paramLabel = "CLAIM", description = "PersistentVolumeClaim mounted at /results: each index writes /results/stores/NAME-INDEX.db.")
    String resultsClaim;
    @Option(names = "--env-secret", paramLabel = "SECRET", description = "Secret whose keys become environment variables (API keys for --api-key-env). Repeatable.")
    List<String> envSecrets = new ArrayList<>();
    @Option(names = "--data-pvc", paramLabel = "CLAIM", description = "PersistentVolumeClaim with your datasets, mounted read-only at /data (give --data /data/…).")
    String dataClaim;
    @Option(names = "--cpu", paramLabel = "QTY", defaultValue = "1", description = "CPU request per pod (default: ${DEFAULT-VALUE}).")
    String cpu;
    @Option(names = "--memory", paramLabel = "QTY", defaultValue = "2Gi", description = "Memory request and limit per pod (default: ${DEFAULT-VALUE}).")
    String memory;

    @Override
    public Integer call() throws Exception {
        if (!"eval".equals(command)) {
            throw new InvalidInputException("k8s-job runs eval in each pod: expected 'k8s-job eval …', got '" + command + "'");
        }
        IndexedJob job = new IndexedJob(name, namespace, image, shards, parallelism == null ? shards : parallelism,
                backoffLimitPerIndex, evalArgs, storeSecret, resultsClaim, envSecrets, dataClaim, cpu, memory);
        PrintWriter out = spec.commandLine().getOut();
        // an API key named by --api-key-env (or the judge's, --judge-api-key-env) must reach the pods' environment:
        // only a Secret can put it there
        for (String flag : new String[] {"--api-key-env", "--judge-api-key-env"}) {
            String keyVar = flagValue(evalArgs, flag);
            if (keyVar != null && envSecrets.isEmpty()) {
                spec.commandLine().getErr().println("arbiter: warning: " + flag + " " + keyVar + " with no --env-secret: the pods have no "
                        + keyVar + " and each would exit 2; give --env-secret SECRET (a Secret with a key " + keyVar + ")");
            }
        }
        if (fmt.isJson()) {
            // the manifest itself, as kubectl applies it (apiVersion and kind at the top): the JSON form of this
            // command's result is the Job, not an envelope around it that kubectl refuses
            out.println(dev.arbiter.util.Json.mapper().writeValueAsString(job.manifest()));
            out.flush();
        } else {
            out.print(yaml().writeValueAsString(job.manifest()));
            out.flush();
        }
        return ExitCode.OK;
    }

    /** The value of {@code flag} among the eval flags ({@code --flag VALUE} or {@code --flag=VALUE}), or null. */
    static String flagValue(List<String> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(flag) && i + 1 < args.size()) return args.get(i + 1);
            if (a.startsWith(flag + "=")) return a.substring(flag.length() + 1);
        }
        return null;
    }

    /** Strings always quoted: "4" stays a string for Kubernetes (env values, args), numbers stay numbers. */
    static ObjectMapper yaml() {
        return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    }
}

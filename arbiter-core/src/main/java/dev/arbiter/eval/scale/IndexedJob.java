package dev.arbiter.eval.scale;

import dev.arbiter.error.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Kubernetes Indexed Job that runs one {@code eval} as N shards: pod K (0-based {@code JOB_COMPLETION_INDEX}) runs
 * {@code eval … --shards N}, which takes shard K+1. Results go to a shared PostgreSQL store whose URL (and user and
 * password) come from a Secret, or to a results volume where each index writes its own SQLite file (then
 * {@code merge --from}). Bad input (exit 2) fails the whole job at once — every index would fail the same way —;
 * any other failure retries that index alone, up to {@code backoffLimitPerIndex} times; evictions and preemptions
 * are not counted. Built as plain maps: the CLI renders them as YAML (or JSON), both of which kubectl applies.
 *
 * @param evalArgs  the eval flags, as on the command line, without --shard(s), --store, --out or --resume (set here)
 * @param storeSecret   Secret with keys {@code url} (postgresql://…), {@code user}, {@code password}; or null
 * @param resultsClaim  PersistentVolumeClaim mounted at {@code /results}; or null (exactly one of the two)
 * @param envSecrets    Secrets whose keys become environment variables (API keys named by --api-key-env)
 * @param dataClaim     PersistentVolumeClaim with the datasets, mounted read-only at {@code /data}; or null
 * @param cpu       CPU request, Kubernetes quantity (e.g. {@code 1}, {@code 500m})
 * @param memory    memory request and limit, Kubernetes quantity (e.g. {@code 2Gi})
 */
public record IndexedJob(String name, String namespace, String image, int shards, int parallelism, int backoffLimitPerIndex,
                         List<String> evalArgs, String storeSecret, String resultsClaim, List<String> envSecrets,
                         String dataClaim, String cpu, String memory) {
    public static final String CONTAINER = "arbiter";
    public static final String RESULTS_MOUNT = "/results";
    public static final String DATA_MOUNT = "/data";
    /** Exit code of bad usage or input (ExitCode.BAD_INPUT): the same in every pod, so retrying cannot help. */
    public static final int BAD_INPUT_EXIT = 2;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?");
    /** Flags each pod's eval gets from here: given again, eval refuses the duplicate and every pod exits 2. */
    private static final Set<String> SET_HERE = Set.of("--shard", "--shards", "--store", "--out", "--resume", "--quiet",
            "--format", "--json");

    public IndexedJob {
        if (name == null || !DNS_LABEL.matcher(name).matches()) {
            throw new InvalidInputException("--name: a Job name is lower-case letters, digits and '-', at most 52 characters "
                    + "(its pods add the index), got '" + name + "'");
        }
        if (namespace != null && !DNS_LABEL.matcher(namespace).matches()) {
            throw new InvalidInputException("--namespace: expected a DNS label, got '" + namespace + "'");
        }
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException("--image: expected a container image reference such as registry.example/arbiter:0.1, got '" + image + "'");
        }
        if (shards < 1 || shards > 100_000) throw new InvalidInputException("--shards must be 1 to 100000, got " + shards);
        if (parallelism < 1 || parallelism > shards) {
            throw new InvalidInputException("--parallelism must be 1 to --shards (" + shards + "), got " + parallelism);
        }
        if (backoffLimitPerIndex < 0) throw new InvalidInputException("--backoff-limit-per-index must be >= 0, got " + backoffLimitPerIndex);
        if ((storeSecret == null) == (resultsClaim == null)) {
            throw new InvalidInputException("k8s-job needs one of --store-secret NAME (a shared PostgreSQL store, the URL in "
                    + "the Secret's key 'url') or --results-pvc CLAIM (a volume where each index writes its own store)");
        }
        for (String s : new String[] {storeSecret, resultsClaim, dataClaim}) {
            if (s != null && !DNS_LABEL.matcher(s).matches()) throw new InvalidInputException("expected a Kubernetes object name, got '" + s + "'");
        }
        evalArgs = List.copyOf(evalArgs);
        for (String a : evalArgs) {
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (SET_HERE.contains(flag)) {
                throw new InvalidInputException("k8s-job sets " + flag + " for each pod; leave it out of the eval flags");
            }
        }
        // --task VALUE or --task=VALUE, as eval (picocli) takes either
        if (evalArgs.stream().noneMatch(a -> a.equals("--task") || a.startsWith("--task="))) {
            throw new InvalidInputException("k8s-job eval needs the eval flags, at least --task");
        }
        envSecrets = envSecrets == null ? List.of() : List.copyOf(envSecrets);
        for (String q : new String[] {cpu, memory}) {
            if (q == null || !QUANTITY.matcher(q).matches()) {
                throw new InvalidInputException("--cpu/--memory: expected a Kubernetes quantity such as 1, 500m or 2Gi, got '" + q + "'");
            }
        }
    }

    /** The Job object: apiVersion batch/v1, kind Job. */
    public Map<String, Object> manifest() {
        Map<String, Object> labels = map("app.kubernetes.io/name", "arbiter", "app.kubernetes.io/component", "eval",
                "arbiter.dev/job", name);
        Map<String, Object> metadata = map("name", name);
        if (namespace != null) metadata.put("namespace", namespace);
        metadata.put("labels", labels);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completionMode", "Indexed");
        spec.put("completions", shards);
        spec.put("parallelism", parallelism);
        spec.put("backoffLimitPerIndex", backoffLimitPerIndex);
        spec.put("podFailurePolicy", map("rules", List.of(
                map("action", "FailJob", "onExitCodes", map("containerName", CONTAINER, "operator", "In",
                        "values", List.of(BAD_INPUT_EXIT))),
                map("action", "Ignore", "onPodConditions", List.of(map("type", "DisruptionTarget", "status", "True"))),
                map("action", "Count", "onExitCodes", map("containerName", CONTAINER, "operator", "NotIn",
                        "values", List.of(0, BAD_INPUT_EXIT))))));
        spec.put("template", map("metadata", map("labels", labels), "spec", podSpec()));
        return map("apiVersion", "batch/v1", "kind", "Job", "metadata", metadata, "spec", spec);
    }

    private Map<String, Object> podSpec() {
        List<Object> env = new ArrayList<>();
        env.add(map("name", "ARBITER_HOME", "value", resultsClaim != null ? RESULTS_MOUNT + "/home" : "/arbiter-home"));
        List<String> args = new ArrayList<>();
        args.add("eval");
        // Kubernetes expands $(NAME) in args from the container's environment, the store's password included: a user's
        // "$(" is written "$$(", which Kubernetes turns back into "$(" without expanding it
        for (String a : evalArgs) args.add(a.replace("$(", "$$("));
        args.addAll(List.of("--shards", Integer.toString(shards)));
        List<Object> volumes = new ArrayList<>();
        List<Object> mounts = new ArrayList<>();
        if (storeSecret != null) {
            env.add(secretEnv("ARBITER_STORE_URL", storeSecret, "url", false));
            env.add(secretEnv("PGUSER", storeSecret, "user", true));
            env.add(secretEnv("ARBITER_STORE_PASSWORD", storeSecret, "password", true));
            args.addAll(List.of("--store", "$(ARBITER_STORE_URL)"));
            volumes.add(map("name", "home", "emptyDir", map()));
            mounts.add(map("name", "home", "mountPath", "/arbiter-home"));
        } else {
            // one SQLite store per index: SQLite on a shared network volume is unsafe with several writers
            args.addAll(List.of("--store", RESULTS_MOUNT + "/stores/" + name + "-$(JOB_COMPLETION_INDEX).db"));
            volumes.add(map("name", "results", "persistentVolumeClaim", map("claimName", resultsClaim)));
            mounts.add(map("name", "results", "mountPath", RESULTS_MOUNT));
        }
        if (dataClaim != null) {
            volumes.add(map("name", "data", "persistentVolumeClaim", map("claimName", dataClaim, "readOnly", true)));
            mounts.add(map("name", "data", "mountPath", DATA_MOUNT, "readOnly", true));
        }
        // no --no-resume: a retried index resumes its own incomplete run (same shard, same settings)
        args.addAll(List.of("--quiet", "--format", "json"));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", CONTAINER);
        container.put("image", image);
        container.put("args", args);
        container.put("env", env);
        if (!envSecrets.isEmpty()) {
            List<Object> from = new ArrayList<>();
            for (String s : envSecrets) from.add(map("secretRef", map("name", s)));
            container.put("envFrom", from);
        }
        container.put("resources", map("requests", map("cpu", cpu, "memory", memory), "limits", map("memory", memory)));
        container.put("volumeMounts", mounts);
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("restartPolicy", "Never");  // required by podFailurePolicy; the Job retries the index
        // the image runs as uid/gid 65532 (Dockerfile); the volume's files are made writable by that group
        if (resultsClaim != null) pod.put("securityContext", map("fsGroup", 65532));
        pod.put("containers", List.of(container));
        pod.put("volumes", volumes);
        return pod;
    }

    private static Map<String, Object> secretEnv(String var, String secret, String key, boolean optional) {
        Map<String, Object> ref = map("name", secret, "key", key);
        if (optional) ref.put("optional", true);
        return map("name", var, "valueFrom", map("secretKeyRef", ref));
    }

    /** An insertion-ordered map of alternating keys and values. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}

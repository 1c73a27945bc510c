package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Indexed Job manifest, parsed back from the YAML the command prints and checked field by field. */
class K8sJobCommandTest {
    static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void anIndexedJobOnTheSharedPostgresStore() throws Exception {
        CliRun r = CliRun.of("k8s-job", "eval", "--endpoint", "http://vllm.models:8000", "--model", "Qwen/Qwen2.5-72B-Instruct",
                "--task", "mmlu", "--data", "/data/mmlu", "--epochs", "5", "--shards", "16", "--image", "registry.example/arbiter:0.1",
                "--store-secret", "arbiter-store", "--env-secret", "model-keys", "--data-pvc", "eval-data", "--parallelism", "8", "--namespace", "evals",
                "--cpu", "2", "--memory", "4Gi");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode job = yaml(r.out());
        assertThat(job.get("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(job.get("kind").asText()).isEqualTo("Job");
        assertThat(job.at("/metadata/name").asText()).isEqualTo("arbiter-eval");
        assertThat(job.at("/metadata/namespace").asText()).isEqualTo("evals");
        JsonNode spec = job.get("spec");
        assertThat(spec.get("completionMode").asText()).isEqualTo("Indexed");
        assertThat(spec.get("completions").isInt()).isTrue();
        assertThat(spec.get("completions").asInt()).isEqualTo(16);
        assertThat(spec.get("parallelism").asInt()).isEqualTo(8);
        assertThat(spec.get("backoffLimitPerIndex").asInt()).isEqualTo(3);

        JsonNode rules = spec.at("/podFailurePolicy/rules");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(0).get("action").asText()).isEqualTo("FailJob");
        assertThat(rules.get(0).at("/onExitCodes/containerName").asText()).isEqualTo("arbiter");
        assertThat(rules.get(0).at("/onExitCodes/operator").asText()).isEqualTo("In");
        assertThat(rules.get(0).at("/onExitCodes/values/0").asInt()).isEqualTo(2);
        assertThat(rules.get(0).at("/onExitCodes/values")).hasSize(1);
        assertThat(rules.get(1).get("action").asText()).isEqualTo("Ignore");
        assertThat(rules.get(1).at("/onPodConditions/0/type").asText()).isEqualTo("DisruptionTarget");
        assertThat(rules.get(2).get("action").asText()).isEqualTo("Count");
        assertThat(rules.get(2).at("/onExitCodes/operator").asText()).isEqualTo("NotIn");

        JsonNode pod = spec.at("/template/spec");
        assertThat(pod.get("restartPolicy").asText()).isEqualTo("Never");
        assertThat(spec.at("/template/metadata/labels/arbiter.dev~1job").asText()).isEqualTo("arbiter-eval");
        JsonNode c = pod.at("/containers/0");
        assertThat(pod.get("containers")).hasSize(1);
        assertThat(c.get("name").asText()).isEqualTo("arbiter");
        assertThat(c.get("image").asText()).isEqualTo("registry.example/arbiter:0.1");
        assertThat(texts(c.get("args"))).containsExactly("eval", "--endpoint", "http://vllm.models:8000", "--model",
                "Qwen/Qwen2.5-72B-Instruct", "--task", "mmlu", "--data", "/data/mmlu", "--epochs", "5", "--shards", "16",
                "--store", "$(ARBITER_STORE_URL)", "--quiet", "--format", "json");
        // every arg and env value is a YAML string, as the API requires ("5", "16" not numbers)
        c.get("args").forEach(a -> assertThat(a.isTextual()).as(a.toString()).isTrue());
        JsonNode env = c.get("env");
        assertThat(env.get(0).get("name").asText()).isEqualTo("ARBITER_HOME");
        assertThat(env.get(1).get("name").asText()).isEqualTo("ARBITER_STORE_URL");
        assertThat(env.get(1).at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("arbiter-store");
        assertThat(env.get(1).at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("url");
        assertThat(env.get(2).get("name").asText()).isEqualTo("PGUSER");
        assertThat(env.get(3).get("name").asText()).isEqualTo("ARBITER_STORE_PASSWORD");
        assertThat(env.get(3).at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
        assertThat(r.out()).doesNotContain("value: \"postgresql");  // the URL never appears in the manifest
        assertThat(c.at("/envFrom/0/secretRef/name").asText()).isEqualTo("model-keys");
        assertThat(c.at("/resources/requests/cpu").asText()).isEqualTo("2");
        assertThat(c.at("/resources/requests/memory").asText()).isEqualTo("4Gi");
        assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("4Gi");
        assertThat(c.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/arbiter-home");
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
        assertThat(pod.at("/volumes/1/persistentVolumeClaim/claimName").asText()).isEqualTo("eval-data");
        assertThat(pod.at("/volumes/1/persistentVolumeClaim/readOnly").asBoolean()).isTrue();
        assertThat(c.at("/volumeMounts/1/mountPath").asText()).isEqualTo("/data");
        assertThat(c.at("/volumeMounts/1/readOnly").asBoolean()).isTrue();
    }

    @Test
    void aResultsVolumeGivesEachIndexItsOwnStore() throws Exception {
        CliRun r = CliRun.of("k8s-job", "eval", "--endpoint", "http://vllm:8000", "--model", "m", "--task", "gsm8k",
                "--shards", "4", "--image", "arbiter:dev", "--results-pvc", "eval-results", "--name", "gsm8k-m");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode job = yaml(r.out());
        assertThat(job.at("/spec/parallelism").asInt()).isEqualTo(4);
        JsonNode pod = job.at("/spec/template/spec");
        assertThat(pod.at("/volumes/0/persistentVolumeClaim/claimName").asText()).isEqualTo("eval-results");
        assertThat(pod.at("/containers/0/volumeMounts/0/mountPath").asText()).isEqualTo("/results");
        assertThat(texts(pod.at("/containers/0/args"))).containsSubsequence("--store", "/results/stores/gsm8k-m-$(JOB_COMPLETION_INDEX).db");
        assertThat(pod.at("/containers/0/env/0/value").asText()).isEqualTo("/results/home");
        assertThat(pod.at("/securityContext/fsGroup").asInt()).isEqualTo(65532);
    }

    /**
     * The JSON form is the Job itself, as kubectl applies it (apiVersion and kind at the top), the same object as the
     * YAML: an envelope around it (schema_version, kind k8s_job) was refused by kubectl apply -f.
     */
    @Test
    void jsonIsTheJobItselfAsKubectlAppliesIt() throws Exception {
        CliRun r = CliRun.of("k8s-job", "eval", "--task=gsm8k", "--model", "m", "--endpoint", "http://vllm:8000",
                "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(r.json().get("kind").asText()).isEqualTo("Job");
        assertThat(r.json().at("/spec/completionMode").asText()).isEqualTo("Indexed");
        CliRun yamlForm = CliRun.of("k8s-job", "eval", "--task=gsm8k", "--model", "m", "--endpoint", "http://vllm:8000",
                "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s");
        assertThat(r.json()).isEqualTo(yaml(yamlForm.out()));
    }

    @Test
    void aUsersDollarParenthesisIsNotExpandedByKubernetes() throws Exception {
        // Kubernetes would put the store's password where a user's text says $(ARBITER_STORE_PASSWORD)
        CliRun r = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--model", "m", "--endpoint", "http://vllm:8000",
                "--system", "Say $(ARBITER_STORE_PASSWORD) and $(HOME)", "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> args = texts(yaml(r.out()).at("/spec/template/spec/containers/0/args"));
        assertThat(args).contains("Say $$(ARBITER_STORE_PASSWORD) and $$(HOME)");
        assertThat(args).containsSubsequence("--store", "$(ARBITER_STORE_URL)");  // k8s-job's own reference is expanded
    }

    @Test
    void anApiKeyVariableWithoutASecretToCarryItIsWarnedAbout() {
        CliRun bare = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--model", "m", "--endpoint", "https://api.example",
                "--api-key-env", "TOGETHER_API_KEY", "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s");
        assertThat(bare.exit()).isZero();
        assertThat(bare.err()).contains("--api-key-env TOGETHER_API_KEY with no --env-secret");
        CliRun carried = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--model", "m", "--endpoint", "https://api.example",
                "--api-key-env", "TOGETHER_API_KEY", "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s",
                "--env-secret", "api-keys");
        assertThat(carried.exit()).isZero();
        assertThat(carried.err()).doesNotContain("warning");
        // the judge's key too, in either spelling of the flag
        CliRun judge = CliRun.of("k8s-job", "eval", "--task", "mt_bench", "--model", "m", "--endpoint", "https://api.example",
                "--judge-api-key-env=JUDGE_KEY", "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s");
        assertThat(judge.exit()).isZero();
        assertThat(judge.err()).contains("--judge-api-key-env JUDGE_KEY with no --env-secret");
    }

    @Test
    void badRequestsAreRefusedNamingTheFlag() {
        CliRun store = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--store", "x.db", "--shards", "2",
                "--image", "arbiter:dev", "--store-secret", "s");
        assertThat(store.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(store.err()).contains("k8s-job sets --store");
        CliRun neither = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--shards", "2", "--image", "arbiter:dev");
        assertThat(neither.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(neither.err()).contains("--store-secret").contains("--results-pvc");
        CliRun name = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--shards", "2", "--image", "arbiter:dev",
                "--store-secret", "s", "--name", "Bad_Name");
        assertThat(name.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(name.err()).contains("--name");
        // each pod's eval gets --quiet from k8s-job: given twice, eval refuses it and every pod would exit 2
        CliRun quiet = CliRun.of("k8s-job", "eval", "--task", "gsm8k", "--quiet", "--shards", "2", "--image", "arbiter:dev",
                "--store-secret", "s");
        assertThat(quiet.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(quiet.err()).contains("k8s-job sets --quiet");
        CliRun other = CliRun.of("k8s-job", "bench", "--task", "gsm8k", "--shards", "2", "--image", "arbiter:dev", "--store-secret", "s");
        assertThat(other.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(other.err()).contains("expected 'k8s-job eval");
    }
}

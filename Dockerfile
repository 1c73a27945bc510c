# Arbiter in a container: what each pod of `arbiter k8s-job` runs. Built by you, not by `./mvnw verify`:
#   docker build -t registry.example/arbiter:0.1 . && docker push registry.example/arbiter:0.1
# The build stage compiles the jar with the Maven wrapper (tests are run by CI, not here).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY arbiter-core/pom.xml arbiter-core/pom.xml
COPY arbiter-cli/pom.xml arbiter-cli/pom.xml
RUN ./mvnw -B -ntp -q dependency:go-offline -DexcludeArtifactIds=arbiter-core || true
COPY arbiter-core/src arbiter-core/src
COPY arbiter-cli/src arbiter-cli/src
RUN ./mvnw -B -ntp -q -DskipTests package

# The runtime: a JRE, python3 for the HumanEval/MBPP grader and util-linux's unshare for the sandbox. The sandbox
# needs unprivileged user namespaces in the pod; where the cluster forbids them, code tasks say so before running.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 util-linux ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/arbiter-cli/target/arbiter.jar /opt/arbiter/arbiter.jar
# The bundled benchmark files (HumanEval, GSM8K, MATH, MT-Bench): used instead of a download when their sha256 matches.
COPY datasets /opt/arbiter/datasets
ENV ARBITER_HOME=/arbiter-home
RUN mkdir -p /arbiter-home && chown 65532:65532 /arbiter-home
USER 65532:65532
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Darbiter.datasets=/opt/arbiter/datasets", "-jar", "/opt/arbiter/arbiter.jar"]
CMD ["--help"]

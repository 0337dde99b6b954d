package com.architectbot.ops;

import static com.architectbot.ops.YamlTree.map;
import static com.architectbot.ops.YamlTree.maps;
import static com.architectbot.ops.YamlTree.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.consultation.llm.ModelSettings;
import com.architectbot.queue.QueueSettings;
import com.architectbot.server.ManagementSettings;
import com.architectbot.server.ServerSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What someone deploying the bot relies on in {@code deploy/}. The Kubernetes manifests are rendered as
 * {@code kubectl kustomize} renders them (by {@link Kustomization}, so no tool needs installing), must be
 * well-formed Kubernetes objects and must keep the bot's contract: probes
 * on /health and /ready, a kill only after the shutdown grace, a non-root read-only container, credentials
 * only from the Secret, autoscaling in production. The image and compose files are read as text, and
 * {@code .env.example} may document only variables the bot really reads.
 */
class DeployManifestsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final String SECRET = "architect-bot-secrets";
    /** The variables that carry credentials; REDIS_URL may carry a password. */
    private static final List<String> SECRET_VARIABLES = List.of(
            "REDIS_URL",
            "DATA_ENCRYPTION_KEY",
            "DATA_ENCRYPTION_KEY_PREVIOUS",
            "SLACK_BOT_TOKEN",
            "SLACK_SIGNING_SECRET",
            "SLACK_APP_TOKEN",
            "SLACK_CLIENT_SECRET",
            "MICROSOFT_APP_PASSWORD",
            "OPENAI_API_KEY",
            "ANTHROPIC_API_KEY",
            "GEMINI_API_KEY",
            "METRICS_TOKEN");
    /** The apiVersion of each kind the manifests may render; another kind fails until it is added here. */
    private static final Map<String, String> API_VERSIONS = Map.of(
            "Deployment",
            "apps/v1",
            "StatefulSet",
            "apps/v1",
            "Service",
            "v1",
            "ConfigMap",
            "v1",
            "HorizontalPodAutoscaler",
            "autoscaling/v2",
            "PodDisruptionBudget",
            "policy/v1");
    /** A DNS-1123 label: what Kubernetes accepts as the name of a Service, and so of every object here. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    static Stream<String> kustomizations() {
        return Stream.of("deploy/k8s", "deploy/k8s/overlays/dev", "deploy/k8s/overlays/production");
    }

    static Stream<String> productionKustomizations() {
        return Stream.of("deploy/k8s", "deploy/k8s/overlays/production");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kustomization_renders_the_bot_its_service_and_its_settings(String dir) {
        assertThat(kinds(rendered(dir))).contains("Deployment", "Service", "ConfigMap");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void every_rendered_object_is_a_kubernetes_object_with_a_valid_name_in_the_overlays_namespace(String dir) {
        String namespace = dir.endsWith("dev") ? "architect-bot-dev" : "architect-bot";

        assertThat(rendered(dir)).isNotEmpty().allSatisfy(doc -> {
            assertThat(API_VERSIONS).as("kind %s", doc.get("kind")).containsEntry((String) doc.get("kind"), (String)
                    doc.get("apiVersion"));
            assertThat((String) at(doc, "metadata").get("name")).matches(NAME);
            assertThat(at(doc, "metadata")).containsEntry("namespace", namespace);
        });
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void workloads_select_their_own_pods_the_service_selects_the_bot_and_the_bot_reads_the_rendered_config(String dir) {
        var docs = rendered(dir);
        var podLabels = at(one(docs, "Deployment"), "spec", "template", "metadata", "labels");
        var configMap = docs.stream()
                .filter(doc -> "ConfigMap".equals(doc.get("kind")))
                .findFirst()
                .orElseThrow();

        assertThat(docs)
                .filteredOn(doc -> List.of("Deployment", "StatefulSet").contains(doc.get("kind")))
                .isNotEmpty()
                .allSatisfy(workload -> assertThat(at(workload, "spec", "template", "metadata", "labels"))
                        .containsAllEntriesOf(at(workload, "spec", "selector", "matchLabels")));
        assertThat(podLabels).containsAllEntriesOf(at(named(docs, "Service", "architect-bot"), "spec", "selector"));
        assertThat(maps(botContainer(docs).get("envFrom")))
                .anySatisfy(from -> assertThat(at(from, "configMapRef"))
                        .containsEntry("name", at(configMap, "metadata").get("name")));
        assertThat((String) botContainer(docs).get("image"))
                .as("a tagged image, not :latest")
                .contains(":");
    }

    @ParameterizedTest
    @MethodSource("unknownKustomizeFields")
    void a_kustomization_field_the_renderer_does_not_know_fails_the_test_instead_of_being_ignored(
            String field, String yaml, @TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + yaml);

        assertThatThrownBy(() -> Kustomization.render(dir)).hasMessageContaining(field);
    }

    static Stream<Arguments> unknownKustomizeFields() {
        return Stream.of(
                Arguments.of("replicas", "replicas:\n  - name: architect-bot\n    count: 5\n"),
                Arguments.of("files", "configMapGenerator:\n  - name: settings\n    files: [app.properties]\n"),
                Arguments.of("digest", "images:\n  - name: architect-bot\n    digest: sha256:00\n"),
                Arguments.of("newTag", "images:\n  - name: architect-bot\n    newName: registry.example.com/bot\n"),
                Arguments.of("target", "patches:\n  - path: p.yaml\n    target: {kind: Deployment}\n"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void probes_ask_health_and_readiness_on_the_port_the_bot_listens_on(String dir) {
        var docs = rendered(dir);
        var container = botContainer(docs);
        int port = containerPort(container, "http");

        assertThat(at(container, "livenessProbe", "httpGet").get("path")).isEqualTo("/health");
        assertThat(at(container, "readinessProbe", "httpGet").get("path")).isEqualTo("/ready");
        assertThat(probePort(container, "livenessProbe")).isEqualTo(port);
        assertThat(probePort(container, "readinessProbe")).isEqualTo(port);
        assertThat(config(docs).getOrDefault("PORT", String.valueOf(ServerSettings.DEFAULT_PORT)))
                .isEqualTo(String.valueOf(port));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void prometheus_scrapes_metrics_on_the_management_port_which_the_service_does_not_route(String dir) {
        var docs = rendered(dir);
        var container = botContainer(docs);
        var annotations = at(one(docs, "Deployment"), "spec", "template", "metadata", "annotations");
        var settings = config(docs);
        int management = containerPort(container, "management");

        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/metrics")
                .containsEntry("prometheus.io/port", String.valueOf(management));
        assertThat(settings).containsEntry("MANAGEMENT_PORT", String.valueOf(management));
        assertThat(new ManagementSettings(settings.get("MANAGEMENT_HOST"), management, Optional.empty()).loopbackOnly())
                .as("Prometheus scrapes the pod's address, so the listener must not be on loopback only")
                .isFalse();
        assertThat(management).isNotEqualTo(containerPort(container, "http"));
        var services =
                docs.stream().filter(doc -> "Service".equals(doc.get("kind"))).toList();
        assertThat(services)
                .isNotEmpty()
                .allSatisfy(service -> assertThat(maps(at(service, "spec").get("ports")))
                        .extracting(port -> port.get("targetPort"))
                        .doesNotContain("management", management));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void pods_are_killed_only_after_the_pre_stop_pause_and_the_shutdown_grace(String dir) {
        var docs = rendered(dir);
        var pod = podSpec(docs);
        int grace = Integer.parseInt(config(docs)
                .getOrDefault(
                        "SHUTDOWN_GRACE_SECONDS", String.valueOf(ServerSettings.DEFAULT_SHUTDOWN_GRACE.toSeconds())));

        assertThat((Integer) pod.get("terminationGracePeriodSeconds"))
                .isGreaterThan(grace + preStopSleepSeconds(botContainer(docs)));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void a_consultation_has_time_for_its_slowest_model_call_and_a_dead_replicas_job_resumes_within_a_minute(
            String dir) {
        var settings = config(rendered(dir));
        int modelTimeout = Integer.parseInt(settings.getOrDefault(
                "LLM_TIMEOUT_SECONDS", String.valueOf(ModelSettings.DEFAULT_TIMEOUT.toSeconds())));
        int attempts = Integer.parseInt(
                        settings.getOrDefault("LLM_MAX_RETRIES", String.valueOf(ModelSettings.DEFAULT_MAX_RETRIES)))
                + 1;

        assertThat(Integer.parseInt(settings.getOrDefault(
                        "CONSULTATION_DEADLINE_SECONDS", String.valueOf(QueueSettings.DEFAULT_DEADLINE.toSeconds()))))
                .isGreaterThan(modelTimeout * attempts);
        assertThat(Integer.parseInt(settings.getOrDefault(
                        "JOB_VISIBILITY_TIMEOUT_SECONDS",
                        String.valueOf(QueueSettings.DEFAULT_VISIBILITY_TIMEOUT.toSeconds()))))
                .isLessThanOrEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void the_bot_requests_cpu_and_memory_and_is_limited_in_memory(String dir) {
        var resources = at(botContainer(rendered(dir)), "resources");

        assertThat(at(resources, "requests")).containsKeys("cpu", "memory");
        assertThat(at(resources, "limits")).containsKey("memory");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void the_bot_runs_as_a_non_root_user_on_a_read_only_root_file_system(String dir) {
        var docs = rendered(dir);
        var pod = podSpec(docs);
        var container = botContainer(docs);

        assertThat(at(pod, "securityContext").get("runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) at(pod, "securityContext").get("runAsUser")).isPositive();
        assertThat(at(container, "securityContext"))
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(maps(container.get("volumeMounts")))
                .extracting(mount -> mount.get("mountPath"))
                .contains("/tmp", "/app/data");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void credentials_come_from_the_secret_and_never_from_literals(String dir) {
        var docs = rendered(dir);
        var container = botContainer(docs);
        var env = maps(container.get("env"));

        assertThat(maps(container.get("envFrom")))
                .anySatisfy(from -> assertThat(at(from, "secretRef")).containsEntry("name", SECRET));
        for (String required : List.of("REDIS_URL", "DATA_ENCRYPTION_KEY")) {
            assertThat(env)
                    .filteredOn(variable -> required.equals(variable.get("name")))
                    .singleElement()
                    .satisfies(variable -> assertThat(at(variable, "valueFrom", "secretKeyRef"))
                            .containsEntry("name", SECRET)
                            .containsEntry("key", required)
                            .doesNotContainEntry("optional", true));
        }
        assertThat(env)
                .filteredOn(variable -> variable.containsKey("value"))
                .extracting(variable -> variable.get("name"))
                .doesNotContainAnyElementsOf(SECRET_VARIABLES);
        assertThat(config(docs)).doesNotContainKeys(SECRET_VARIABLES.toArray(String[]::new));
        assertThat(kinds(docs))
                .as("a rendered Secret would overwrite the real tokens on every apply")
                .doesNotContain("Secret");
    }

    @ParameterizedTest
    @MethodSource("productionKustomizations")
    void production_runs_three_replicas_or_more_with_autoscaling_and_a_disruption_budget(String dir) {
        var docs = rendered(dir);
        var deployment = one(docs, "Deployment");
        var autoscaler = at(one(docs, "HorizontalPodAutoscaler"), "spec");
        var budget = at(one(docs, "PodDisruptionBudget"), "spec");

        assertThat((Integer) at(deployment, "spec").get("replicas")).isGreaterThanOrEqualTo(3);
        assertThat(at(autoscaler, "scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", at(deployment, "metadata").get("name"));
        assertThat((Integer) autoscaler.get("minReplicas")).isGreaterThanOrEqualTo(3);
        assertThat((Integer) autoscaler.get("maxReplicas")).isGreaterThan((Integer) autoscaler.get("minReplicas"));
        assertThat(budget).containsKey("minAvailable").doesNotContainKey("maxUnavailable");
        assertThat(at(deployment, "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(at(budget, "selector", "matchLabels"));
    }

    @Test
    void dev_runs_one_replica_next_to_an_in_cluster_redis_with_aof() {
        var docs = rendered("deploy/k8s/overlays/dev");
        var redis = maps(at(one(docs, "StatefulSet"), "spec", "template", "spec")
                        .get("containers"))
                .getFirst();

        assertThat(at(one(docs, "Deployment"), "spec").get("replicas")).isEqualTo(1);
        assertThat(String.join(" ", strings(redis.get("args")))).contains("--appendonly yes");
        assertThat(kinds(docs)).doesNotContain("HorizontalPodAutoscaler", "PodDisruptionBudget");
    }

    @Test
    void the_secret_template_lists_every_credential_with_an_empty_value() throws IOException {
        Map<String, Object> secret = new Yaml().load(Files.readString(DEPLOY.resolve("k8s/base/secret.example.yaml")));

        assertThat(secret).containsEntry("kind", "Secret");
        assertThat(at(secret, "metadata")).containsEntry("name", SECRET);
        assertThat(at(secret, "stringData"))
                .containsKeys(SECRET_VARIABLES.toArray(String[]::new))
                .allSatisfy((key, value) -> assertThat(value).as(key).isEqualTo(""));
    }

    @Test
    void the_image_runs_the_jar_as_a_non_root_user_with_a_health_check() throws IOException {
        List<String> stage = finalDockerStage();

        assertThat(instruction(stage, "USER")).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(instruction(stage, "HEALTHCHECK")).contains("/health");
        assertThat(instruction(stage, "ENTRYPOINT")).startsWith("[\"/bin/sh\", \"-c\"");
        assertThat(instruction(stage, "CMD")).isEqualTo("[\"serve\"]");
        assertThat(instruction(stage, "STOPSIGNAL")).isEqualTo("SIGTERM");
        assertThat(instruction(stage, "EXPOSE"))
                .isEqualTo(ServerSettings.DEFAULT_PORT + " " + ManagementSettings.DEFAULT_PORT);
    }

    @Test
    void the_image_writes_a_class_data_archive_of_the_jar_it_runs_with_an_offline_training_run() throws Exception {
        List<String> stage = finalDockerStage();
        String training = stage.stream()
                .filter(line -> line.startsWith("RUN ") && line.contains("-XX:ArchiveClassesAtExit="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no training run writes a class-data archive"));

        assertThat(training)
                .contains(
                        "-XX:ArchiveClassesAtExit=/app/architect-bot.jsa", "-jar /app/architect-bot.jar license-check")
                .contains("NPM_REGISTRY_URL=http://127.0.0.1:"); // no registry is asked at build time
        assertThat(javaRunBy(stage, "license-check", "pom.xml"))
                .containsSubsequence("-XX:SharedArchiveFile=/app/architect-bot.jsa", "-jar", "/app/architect-bot.jar");
        assertThat(training).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"); // trained as the commands run
        assertThat(stage.indexOf(training))
                .isLessThan(stage.indexOf(stage.stream()
                        .filter(line -> line.startsWith("USER "))
                        .findFirst()
                        .orElseThrow())); // written by root: the bot can read the archive but not replace it
    }

    @Test
    void one_shot_commands_in_the_image_get_the_quick_start_flags_and_serve_the_jvm_defaults() throws Exception {
        List<String> stage = finalDockerStage();
        List<String> quick = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

        List<String> serve = javaRunBy(stage);
        List<String> check = javaRunBy(stage, "license-check", "--format", "json", "my pom.xml");
        List<String> consult = javaRunBy(stage, "consult", "Should we shard?");

        assertThat(serve)
                .doesNotContainAnyElementsOf(quick)
                .containsSubsequence("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar")
                .endsWith("/app/architect-bot.jar", "serve");
        assertThat(javaRunBy(stage, "serve")).isEqualTo(serve);
        assertThat(check)
                .containsAll(quick)
                .containsSubsequence("-XX:MaxRAMPercentage=75.0", "-Xlog:cds*=off", "-jar")
                .endsWith("/app/architect-bot.jar", "license-check", "--format", "json", "my pom.xml");
        assertThat(consult).containsAll(quick).endsWith("consult", "Should we shard?");
    }

    @Test
    void compose_starts_the_bot_after_a_healthy_redis_with_aof_and_stops_it_after_the_grace() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
        var redis = at(compose, "services", "redis");
        var bot = at(compose, "services", "bot");

        assertThat(String.join(" ", strings(redis.get("command")))).contains("--appendonly yes");
        assertThat(redis).containsKey("healthcheck");
        assertThat(bot).containsKey("healthcheck").containsEntry("env_file", ".env");
        assertThat(at(bot, "depends_on", "redis")).containsEntry("condition", "service_healthy");
        assertThat(seconds((String) bot.get("stop_grace_period")))
                .isGreaterThan(ServerSettings.DEFAULT_SHUTDOWN_GRACE.toSeconds());
    }

    @Test
    void compose_publishes_the_management_port_on_the_hosts_loopback_only() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
        var bot = at(compose, "services", "bot");
        String management = "${MANAGEMENT_PORT:-" + ManagementSettings.DEFAULT_PORT + "}";

        assertThat(strings(bot.get("ports")))
                .contains("127.0.0.1:" + management + ":" + management)
                .noneMatch(port -> port.contains(management) && !port.startsWith("127.0.0.1:"));
        assertThat(at(bot, "environment")).containsEntry("MANAGEMENT_HOST", "0.0.0.0");
    }

    @Test
    void every_variable_in_the_env_example_is_one_the_bot_reads() throws IOException {
        List<String> documented = Files.readString(DEPLOY.resolve(".env.example"))
                .lines()
                .map(Pattern.compile("^([A-Z][A-Z0-9_]*)=")::matcher)
                .filter(Matcher::find)
                .map(match -> match.group(1))
                .toList();
        String sources = mainSources();

        assertThat(documented).contains("REDIS_URL", "SHUTDOWN_GRACE_SECONDS", "OPENAI_API_KEY");
        assertThat(documented)
                .as("documented in deploy/.env.example but read nowhere in */src/main")
                .filteredOn(name -> !sources.contains("\"" + name + "\"") && !sources.contains("${" + name))
                .isEmpty();
    }

    // --- rendering ---------------------------------------------------------------------------------------

    private static List<Map<String, Object>> rendered(String dir) {
        return RENDERED.computeIfAbsent(dir, relative -> Kustomization.render(ROOT.resolve(relative)));
    }

    // --- reading manifests -------------------------------------------------------------------------------

    private static List<String> kinds(List<Map<String, Object>> docs) {
        return docs.stream().map(doc -> (String) doc.get("kind")).toList();
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found =
                docs.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
        assertThat(found).as("%s resources", kind).hasSize(1);
        return found.getFirst();
    }

    private static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(doc -> kind.equals(doc.get("kind")))
                .filter(doc -> name.equals(at(doc, "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    private static Map<String, Object> podSpec(List<Map<String, Object>> docs) {
        return at(one(docs, "Deployment"), "spec", "template", "spec");
    }

    private static Map<String, Object> botContainer(List<Map<String, Object>> docs) {
        return maps(podSpec(docs).get("containers")).stream()
                .filter(c -> "bot".equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Deployment has no container named bot"));
    }

    /** The data of the bot's ConfigMap (its name carries a content hash); ConfigMap values are strings. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> config(List<Map<String, Object>> docs) {
        return docs.stream()
                .filter(doc -> "ConfigMap".equals(doc.get("kind")))
                .filter(doc -> ((String) at(doc, "metadata").get("name")).startsWith("architect-bot-config"))
                .map(doc -> (Map<String, String>) doc.get("data"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bot ConfigMap"));
    }

    private static int probePort(Map<String, Object> container, String probe) {
        Object port = at(container, probe, "httpGet").get("port");
        if (port instanceof Integer number) {
            return number;
        }
        return maps(container.get("ports")).stream()
                .filter(p -> port.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(probe + " names port " + port + ", which the container lacks"));
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return maps(container.get("ports")).stream()
                .filter(port -> name.equals(port.get("name")))
                .map(port -> (Integer) port.get("containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the bot container has no port named " + name));
    }

    private static int preStopSleepSeconds(Map<String, Object> container) {
        Object lifecycle = container.get("lifecycle");
        if (lifecycle == null) {
            return 0;
        }
        List<String> command = strings(at(map(lifecycle), "preStop", "exec").get("command"));
        assertThat(command).as("preStop").hasSize(2).first().isEqualTo("sleep");
        return Integer.parseInt(command.get(1));
    }

    // --- reading the image and the sources ---------------------------------------------------------------

    /** The runtime stage's instructions, continuation lines joined, comments dropped. */
    private static List<String> finalDockerStage() throws IOException {
        List<String> lines = Files.readString(DEPLOY.resolve("Dockerfile"))
                .replaceAll("\\\\\\R", " ")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        int lastFrom = 0;
        for (int i = 0; i < lines.size(); i++) {
            lastFrom = lines.get(i).startsWith("FROM ") ? i : lastFrom;
        }
        return lines.subList(lastFrom, lines.size());
    }

    /**
     * The java command line the image's ENTRYPOINT runs for these arguments (none: the image's CMD): the entry
     * point runs as written, with a {@code java} on its PATH that prints its arguments one a line.
     */
    private static List<String> javaRunBy(List<String> stage, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        new ObjectMapper().readTree(instruction(stage, "ENTRYPOINT")).forEach(part -> command.add(part.asText()));
        if (args.length == 0) {
            new ObjectMapper().readTree(instruction(stage, "CMD")).forEach(part -> command.add(part.asText()));
        }
        command.addAll(List.of(args));
        Path bin = Files.createTempDirectory("fake-java");
        try {
            Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
            java.toFile().setExecutable(true);
            var process = new ProcessBuilder(command).redirectErrorStream(true);
            process.environment().put("PATH", bin.toString());
            Process run = process.start();
            String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor()).as(printed).isZero();
            return printed.lines().toList();
        } finally {
            Files.deleteIfExists(bin.resolve("java"));
            Files.delete(bin);
        }
    }

    private static String instruction(List<String> stage, String name) {
        return stage.stream()
                .filter(line -> line.startsWith(name + " "))
                .reduce((first, last) -> last)
                .map(line -> line.substring(name.length()).strip())
                .orElseThrow(() -> new AssertionError("the image's final stage has no " + name));
    }

    private static String mainSources() throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path main : modules.map(module -> module.resolve("src/main"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(f -> f.toString().endsWith(".java")
                                    || f.toString().endsWith(".xml"))
                            .toList()) {
                        text.append(Files.readString(file)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    private static long seconds(String composeDuration) {
        Matcher match = Pattern.compile("(\\d+)s").matcher(Objects.requireNonNull(composeDuration));
        assertThat(match.matches())
                .as("stop_grace_period %s in seconds", composeDuration)
                .isTrue();
        return Long.parseLong(match.group(1));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root with deploy/k8s above " + Path.of("").toAbsolutePath());
    }

    // --- YAML trees ----------------------------------------------------------------------------------------

    private static Map<String, Object> at(Map<String, Object> node, String... path) {
        Map<String, Object> current = node;
        for (String key : path) {
            assertThat(current).as("YAML path %s", String.join(".", path)).containsKey(key);
            current = map(current.get(key));
        }
        return current;
    }
}

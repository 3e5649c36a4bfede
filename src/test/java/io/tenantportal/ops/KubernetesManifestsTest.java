package io.tenantportal.ops;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Reads every manifest in k8s/ as the typed Kubernetes object its apiVersion and kind name (fabric8's model of
 * the Kubernetes API), so a misspelt field, a value of the wrong type or an unknown kind fails here and not at
 * {@code kubectl apply}; then checks what the deployment relies on: non-root pods, probes on the real health
 * endpoints, metrics reachable by the scraper only, a pool that fits PostgreSQL at full scale-out.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    /** The service's ports as Quarkus serves them (quarkus.http.port and quarkus.management.port, defaults). */
    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9000;
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    /** PostgreSQL's default max_connections, less superuser_reserved_connections (3) and 10 for people and tools. */
    private static final int POSTGRES_CONNECTIONS_FOR_THE_SERVICE = 100 - 3 - 10;

    /** Every kind k8s/ may hold, by "apiVersion kind"; anything else is a typo or needs a model here. */
    private static final Map<String, Class<?>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 Secret", Secret.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "kustomize.config.k8s.io/v1beta1 Kustomization", Kustomization.class);

    /**
     * Strict where Kubernetes is strict: duplicate keys, unknown properties without an any-setter, and scalars of
     * the wrong type (an unquoted {@code 9000} where a string belongs, {@code "2"} for a number) all fail. What the
     * fabric8 classes swallow into {@code additionalProperties} is found by {@link #unknownFields}.
     */
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private static Map<Path, List<Object>> manifests;
    private static Properties application;

    @BeforeAll
    static void readManifests() throws IOException {
        manifests = new TreeMap<>();
        for (Path file : manifestFiles()) {
            manifests.put(file.getFileName(), readStrictly(file.getFileName().toString(), Files.readString(file)));
        }
        application = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            application.load(reader);
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Every manifest is a valid Kubernetes object.
    // ----------------------------------------------------------------------------------------------------------

    @Test
    void everyManifestIsAKnownKindWithoutUnknownFields() {
        // readManifests() already failed on any problem; this pins which files and kinds there are.
        Map<String, String> kinds = manifests.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toString(),
                e -> e.getValue().stream().map(o -> o.getClass().getSimpleName()).collect(Collectors.joining(","))));
        assertEquals(Map.of(
                "deployment.yaml", "Deployment",
                "service.yaml", "Service",
                "hpa.yaml", "HorizontalPodAutoscaler",
                "pdb.yaml", "PodDisruptionBudget",
                "networkpolicy.yaml", "NetworkPolicy",
                "ingress.example.yaml", "Ingress",
                "secret.example.yaml", "Secret",
                "kustomization.yaml", "Kustomization"), kinds);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // A misspelt field deep in the pod template: fabric8 would keep it as an "additional property".
        "deployment.yaml   | readinessProbe:         | readinesProbe:         | unknown field spec.template.spec.containers[0].readinesProbe",
        "deployment.yaml   | minReadySeconds:        | minReadySecond:        | unknown field spec.minReadySecond",
        "networkpolicy.yaml| policyTypes:            | policyType:            | unknown field spec.policyType",
        "service.yaml      | targetPort: http        | targetport: http       | unknown field spec.ports[0].targetport",
        "pdb.yaml          | unhealthyPodEvictionPolicy: | unhealthyPodEvictonPolicy: | unknown field spec.unhealthyPodEvictonPolicy",
        // kubectl refuses a number where Kubernetes wants a string, and a string where it wants a number.
        "deployment.yaml   | 'prometheus.io/port: \"9000\"' | 'prometheus.io/port: 9000' | spec.template.metadata.annotations.prometheus.io/port: Cannot coerce Integer value (9000)",
        "hpa.yaml          | 'minReplicas: 2'        | 'minReplicas: \"2\"'   | spec.minReplicas: Cannot coerce String value (\"2\")",
        "hpa.yaml          | kind: HorizontalPodAutoscaler | kind: HorizontalPodAutoScaler | unknown kind autoscaling/v2 HorizontalPodAutoScaler",
        "pdb.yaml          | '  maxUnavailable: 1'   | '  maxUnavailable: 1\n  maxUnavailable: 2' | Duplicate field 'maxUnavailable'",
    })
    void aMisspeltManifestIsRejectedWithTheFieldsPath(String file, String correct, String misspelt, String expected)
            throws IOException {
        String yaml = Files.readString(K8S.resolve(file));
        assertTrue(yaml.contains(correct), file + " no longer contains " + correct);

        AssertionError error = assertThrows(AssertionError.class,
                () -> readStrictly(file, yaml.replace(correct, misspelt)));

        assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void kustomizationAppliesEveryManifestButTheExamples() {
        Set<String> expected = manifests.keySet().stream().map(Path::toString)
                .filter(name -> !name.equals("kustomization.yaml") && !name.contains(".example."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(only(Kustomization.class).getResources()));
    }

    // ----------------------------------------------------------------------------------------------------------
    // The pods.
    // ----------------------------------------------------------------------------------------------------------

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyFileSystem() throws IOException {
        PodSpec pod = podSpec();
        String imageUser = Files.readAllLines(DOCKERFILE).stream()
                .filter(line -> line.startsWith("USER ")).map(line -> line.substring(5).trim())
                .reduce((first, last) -> last).orElseThrow();

        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertEquals(Boolean.FALSE, pod.getEnableServiceLinks());
        assertEquals(Long.valueOf(imageUser), pod.getSecurityContext().getRunAsUser(), "the image's USER");
        for (Container container : containers(pod)) {
            var context = container.getSecurityContext();
            assertAll(container.getName(),
                    () -> assertEquals(Boolean.TRUE, context.getRunAsNonRoot()),
                    () -> assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem()),
                    () -> assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation()),
                    () -> assertEquals(List.of("ALL"), context.getCapabilities().getDrop()),
                    () -> assertEquals(List.of(), context.getCapabilities().getAdd()),
                    () -> assertNull(context.getPrivileged()),
                    () -> assertNull(context.getRunAsUser(), "the pod's user applies"));
        }
        // The one writable path, java.io.tmpdir, is an emptyDir.
        Container app = appContainer();
        String tmpVolume = app.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow().getName();
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow()
                .getEmptyDir());
    }

    @Test
    void probesAskTheHealthEndpointsOnTheHttpPort() {
        Container app = appContainer();
        // Health must stay on the main port (the management port serves metrics only).
        assertEquals("false", application.getProperty("quarkus.smallrye-health.management.enabled"));
        assertEquals("true", application.getProperty("quarkus.management.enabled"));
        assertNull(application.getProperty("quarkus.http.port"));
        assertNull(application.getProperty("quarkus.management.port"));

        assertEquals("/q/health/ready", app.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", app.getLivenessProbe().getHttpGet().getPath());
        for (Probe probe : List.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe())) {
            assertTrue(HEALTH_PATHS.contains(probe.getHttpGet().getPath()), probe.getHttpGet().getPath());
            assertEquals(HTTP_PORT, containerPort(app, probe.getHttpGet().getPort()));
        }
        // A cold start (schema migration, loading every MSSP's names) gets minutes, not seconds.
        Probe startup = app.getStartupProbe();
        int startupBudget = startup.getInitialDelaySeconds() + startup.getPeriodSeconds() * startup.getFailureThreshold();
        assertTrue(startupBudget >= 120, "startup budget " + startupBudget + " s");
    }

    @Test
    void aStoppingPodLeavesTheEndpointsThenFinishesItsRequests() {
        Container app = appContainer();
        List<String> preStop = app.getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.get(0));
        int endpointRemoval = Integer.parseInt(preStop.get(1));
        int requestDrain = seconds(application.getProperty("quarkus.shutdown.timeout"));

        assertTrue(endpointRemoval >= 5, "preStop sleep " + endpointRemoval);
        assertTrue(requestDrain >= 10, "quarkus.shutdown.timeout " + requestDrain);
        // Both must fit before the kubelet kills the JVM, with room for its own shutdown hooks.
        assertTrue(podSpec().getTerminationGracePeriodSeconds() >= endpointRemoval + requestDrain + 10,
                "terminationGracePeriodSeconds " + podSpec().getTerminationGracePeriodSeconds());
    }

    @Test
    void heapIsAFixedShareOfTheMemoryLimit() {
        Container app = appContainer();
        Quantity memoryLimit = app.getResources().getLimits().get("memory");
        assertEquals(memoryLimit, app.getResources().getRequests().get("memory"), "memory request = limit");
        assertNotNull(app.getResources().getRequests().get("cpu"), "the HPA's utilisation needs a CPU request");
        assertTrue(app.getEnv().stream().noneMatch(e -> e.getName().equals("JAVA_OPTS_APPEND")),
                "JAVA_OPTS_APPEND would replace the image's options");

        int ratio = Integer.parseInt(env(app, "JAVA_MAX_MEM_RATIO"));
        long heapMiB = Quantity.getAmountInBytes(memoryLimit).longValue() * ratio / 100 / (1024 * 1024);
        assertTrue(heapMiB >= 192 && heapMiB <= 256, "heap " + heapMiB + " MiB");
        assertTrue(ratio <= 60, "room outside the heap: metaspace, threads, direct buffers");
    }

    @Test
    void rolloutKeepsEveryReplicaServingAndSpreadsOverNodes() {
        Deployment deployment = only(Deployment.class);
        var rollingUpdate = deployment.getSpec().getStrategy().getRollingUpdate();
        assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
        assertEquals(0, rollingUpdate.getMaxUnavailable().getIntVal());
        assertTrue(deployment.getSpec().getReplicas() >= 2);

        var byNode = podSpec().getTopologySpreadConstraints().stream()
                .filter(c -> c.getTopologyKey().equals("kubernetes.io/hostname")).findFirst().orElseThrow();
        assertEquals(1, byNode.getMaxSkew());
        assertTrue(selects(byNode.getLabelSelector(), podLabels()));
    }

    @Test
    void metricsAnnotationsPointAtTheManagementPort() {
        Map<String, String> annotations = only(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(String.valueOf(MANAGEMENT_PORT), annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        assertEquals(MANAGEMENT_PORT, containerPort(appContainer(), new IntOrString("management")));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Service, autoscaling, disruptions, database connections.
    // ----------------------------------------------------------------------------------------------------------

    @Test
    void serviceExposesOnlyTheHttpPort() {
        Service service = only(Service.class);
        assertEquals("ClusterIP", service.getSpec().getType());
        assertEquals(podLabels(), service.getSpec().getSelector());
        List<ServicePort> ports = service.getSpec().getPorts();
        assertEquals(1, ports.size(), "one port only");
        assertEquals(80, ports.get(0).getPort());
        assertEquals(HTTP_PORT, containerPort(appContainer(), ports.get(0).getTargetPort()));
    }

    @Test
    void autoscalerKeepsTwoReplicasAndScalesDownSlowly() {
        HorizontalPodAutoscaler hpa = only(HorizontalPodAutoscaler.class);
        Deployment deployment = only(Deployment.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        assertEquals(hpa.getSpec().getMinReplicas(), deployment.getSpec().getReplicas());
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
        assertEquals(List.of("cpu"), hpa.getSpec().getMetrics().stream().map(m -> m.getResource().getName()).toList());
        assertTrue(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds() >= 60);
    }

    @Test
    void disruptionBudgetCoversTheDeploymentsPods() {
        PodDisruptionBudget budget = only(PodDisruptionBudget.class);
        assertTrue(selects(budget.getSpec().getSelector(), podLabels()));
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        assertTrue(maxUnavailable != null && maxUnavailable.getIntVal() == 1
                || minAvailable != null && minAvailable.getIntVal() >= 1);
    }

    @Test
    void connectionsAtFullScaleOutFitPostgres() {
        int poolMax = Integer.parseInt(application.getProperty("quarkus.datasource.jdbc.max-size"));
        int poolMin = Integer.parseInt(application.getProperty("quarkus.datasource.jdbc.min-size"));
        assertNotNull(application.getProperty("quarkus.datasource.jdbc.acquisition-timeout"));
        int replicas = only(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas()
                + only(Deployment.class).getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();

        int connections = (poolMax + 1) * replicas; // + 1: each replica's LISTEN connection
        assertTrue(poolMin <= poolMax);
        assertTrue(connections <= POSTGRES_CONNECTIONS_FOR_THE_SERVICE,
                connections + " connections at full scale-out");
    }

    // ----------------------------------------------------------------------------------------------------------
    // Network policy.
    // ----------------------------------------------------------------------------------------------------------

    @Test
    void onlyTheIngressControllerReachesHttpAndOnlyTheScraperReachesMetrics() {
        NetworkPolicy policy = only(NetworkPolicy.class);
        assertTrue(selects(policy.getSpec().getPodSelector(), podLabels()));
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());

        List<AdmittedTraffic> rules = policy.getSpec().getIngress().stream()
                .map(r -> new AdmittedTraffic(r.getFrom(), r.getPorts())).toList();
        // A rule without ports or without peers would open every port or admit everyone.
        rules.forEach(rule -> assertFalse(rule.ports().isEmpty() || rule.peers().isEmpty(), rule.toString()));
        assertEquals(Set.of(HTTP_PORT, MANAGEMENT_PORT),
                rules.stream().flatMap(r -> r.ports().stream()).map(p -> p.getPort().getIntVal()).collect(Collectors.toSet()));

        for (AdmittedTraffic rule : rules) {
            Set<Integer> ports = rule.ports().stream().map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            for (NetworkPolicyPeer peer : rule.peers()) {
                assertNull(peer.getIpBlock(), "peers by label only");
                String namespace = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                assertFalse(peer.getPodSelector().getMatchLabels().isEmpty(), "one application, not a namespace");
                if (ports.contains(MANAGEMENT_PORT)) {
                    assertEquals(Set.of(MANAGEMENT_PORT), ports, "the scraper reaches metrics only");
                    assertEquals("monitoring", namespace);
                } else {
                    assertEquals("ingress-nginx", namespace);
                }
            }
        }
    }

    @Test
    void egressIsDnsPostgresAndHttpsOnly() {
        Set<String> ports = only(NetworkPolicy.class).getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .collect(Collectors.toSet());
        assertEquals(Set.of("UDP/53", "TCP/53", "TCP/5432", "TCP/443"), ports);
    }

    // ----------------------------------------------------------------------------------------------------------
    // The examples.
    // ----------------------------------------------------------------------------------------------------------

    @Test
    void secretExampleHoldsPlaceholdersOnly() {
        Secret secret = only(Secret.class);
        Pattern secretKey = Pattern.compile("(PASSWORD|SECRET|TOKEN|KEY)$");
        Pattern placeholder = Pattern.compile("<[^<>]+>|change-me");
        Pattern guid = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        Pattern longToken = Pattern.compile("[A-Za-z0-9~._+/=-]{30,}");

        assertTrue(secret.getData() == null || secret.getData().isEmpty(), "base64 values cannot be reviewed");
        assertFalse(secret.getStringData().isEmpty());
        secret.getStringData().forEach((key, value) -> assertAll(key,
                () -> assertTrue(!secretKey.matcher(key).find() || placeholder.matcher(value).matches(),
                        "a secret's value must be a placeholder"),
                () -> assertFalse(guid.matcher(value).find(), "a real tenant or client id"),
                () -> assertFalse(longToken.matcher(value).find(), "a real-looking secret")));
    }

    @Test
    void ingressExampleEndsTlsForItsHostAndRoutesToTheService() {
        Ingress ingress = only(Ingress.class);
        var rule = ingress.getSpec().getRules().get(0);
        var backend = rule.getHttp().getPaths().get(0).getBackend().getService();
        assertEquals(List.of(rule.getHost()), ingress.getSpec().getTls().get(0).getHosts());
        assertNotNull(ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals(only(Service.class).getMetadata().getName(), backend.getName());
        assertEquals(only(Service.class).getSpec().getPorts().get(0).getName(), backend.getPort().getName());
        assertEquals("50m", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Reading.
    // ----------------------------------------------------------------------------------------------------------

    private static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Every document of one YAML file as its typed object; fails naming the file and each bad field's path. */
    static List<Object> readStrictly(String file, String yaml) {
        List<Object> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document == null || document.isMissingNode() || document.isNull()) {
                    continue;
                }
                String kind = document.path("apiVersion").asText() + " " + document.path("kind").asText();
                Class<?> type = KINDS.get(kind);
                if (type == null) {
                    problems.add("unknown kind " + kind);
                    continue;
                }
                Object object = YAML.treeToValue(document, type);
                unknownFields(object, "", problems);
                objects.add(object);
            }
        } catch (JsonMappingException e) {
            problems.add(jsonPath(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(file + ": " + String.join("; ", problems));
        }
        return objects;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /**
     * Walks the object graph Jackson built, through the same properties it deserialised, and reports whatever a
     * class collected through its {@code @JsonAnySetter} (fabric8's {@code additionalProperties}): a field the
     * Kubernetes API does not have.
     */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, join(path, String.valueOf(key)), problems));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            BeanDescription bean = YAML.getSerializationConfig().introspect(YAML.constructType(value.getClass()));
            AnnotatedMember anyGetter = bean.findAnyGetter();
            if (anyGetter != null && anyGetter.getValue(value) instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> problems.add("unknown field " + join(path, String.valueOf(key))));
            }
            for (BeanPropertyDefinition property : bean.findProperties()) {
                AnnotatedMember getter = property.getAccessor();
                if (getter != null && !getter.equals(anyGetter)) {
                    unknownFields(getter.getValue(value), join(path, property.getName()), problems);
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Looking things up.
    // ----------------------------------------------------------------------------------------------------------

    private static <T> T only(Class<T> type) {
        List<T> found = manifests.values().stream().flatMap(List::stream)
                .filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    private static PodSpec podSpec() {
        return only(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Map<String, String> podLabels() {
        return only(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(pod.getInitContainers());
        return all;
    }

    private static Container appContainer() {
        return podSpec().getContainers().get(0);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    /** The container port a probe, Service or annotation names, by number or by port name. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            assertTrue(container.getPorts().stream().anyMatch(p -> p.getContainerPort().equals(port.getIntVal())));
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElseThrow(() -> new AssertionError(
                        "no container port named " + port.getStrVal()));
    }

    /** Whether a selector picks pods with these labels; matchExpressions are not used in k8s/ and refused. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertTrue(selector.getMatchExpressions().isEmpty(), "matchLabels only");
        return !selector.getMatchLabels().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    /** A Quarkus duration of whole seconds, e.g. {@code 20S}. */
    private static int seconds(String duration) {
        assertNotNull(duration);
        return (int) java.time.Duration.parse("PT" + duration).toSeconds();
    }

    private record AdmittedTraffic(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }
}

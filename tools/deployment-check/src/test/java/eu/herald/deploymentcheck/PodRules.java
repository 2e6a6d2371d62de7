package eu.herald.deploymentcheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** What every Herald pod must be, beyond a valid object: locked down, and pointing only at what exists. */
final class PodRules {

    /** Secrets the production overlay expects to exist before it is applied, and why they are not in Git. */
    static final Map<String, String> CREATED_OUTSIDE_GIT = Map.of(
            "herald-keys", "the services' keys (webhook master key, link secret, VAPID pair)",
            "herald-smtp", "the SMTP relay's address and credentials",
            "herald-web", "the web application's OIDC client secret",
            "herald-tls", "the public host's certificate (or cert-manager's)",
            "herald-postgres-catalogue", "the catalogue role's password",
            "herald-postgres-subscriptions", "the subscriptions role's password",
            "herald-postgres-notifications", "the notifications role's password",
            "herald-prometheus",
                    "the client id and secret Prometheus fetches its scraping token with (notifications:operate),"
                            + " from the identity provider; read by the Prometheus operator for the ServiceMonitor");

    /** The same for the local overlay, which generates the rest. */
    static final Map<String, String> CREATED_OUTSIDE_GIT_LOCALLY = Map.of(
            "herald-authorization", "the local authorization server's signing key and demo passwords, made per machine",
            "herald-web", "the web application's client secret, the one listed in herald-authorization",
            "herald-prometheus", "Prometheus's client secret, the one listed in herald-authorization");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private PodRules() {}

    /**
     * Every container non-root with a numeric user and group, no privilege escalation, no capability, the
     * runtime's seccomp profile, a read-only root filesystem with an emptyDir on /tmp; every pod with a service
     * account of its own that mounts no token.
     */
    static List<String> lockedDown(List<Manifests.Resource> resources) {
        Set<String> tokenlessAccounts = resources.stream()
                .filter(resource -> resource.is("ServiceAccount"))
                .filter(account ->
                        !account.body().path("automountServiceAccountToken").asBoolean(true))
                .map(Manifests.Resource::name)
                .collect(Collectors.toSet());
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource deployment : deployments(resources)) {
            JsonNode pod = deployment.body().path("spec").path("template").path("spec");
            String account = pod.path("serviceAccountName").asString("");
            if (!tokenlessAccounts.contains(account)
                    || pod.path("automountServiceAccountToken").asBoolean(true)) {
                violations.add(deployment + ": no service account of its own without a token ('" + account + "')");
            }
            for (JsonNode container : containers(pod)) {
                String where =
                        deployment + " container " + container.path("name").asString();
                violations.addAll(containerViolations(where, pod, container));
            }
        }
        return violations;
    }

    /** Replicas spread over zones and nodes where there are several, without refusing to schedule on one. */
    static List<String> spread(List<Manifests.Resource> resources) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource deployment : deployments(resources)) {
            JsonNode constraints =
                    deployment.body().path("spec").path("template").path("spec").path("topologySpreadConstraints");
            for (String key : List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname")) {
                if (elements(constraints)
                        .noneMatch(spread -> key.equals(
                                        spread.path("topologyKey").asString())
                                && "ScheduleAnyway"
                                        .equals(spread.path("whenUnsatisfiable").asString()))) {
                    violations.add(deployment + ": not spread over " + key + " (ScheduleAnyway)");
                }
            }
        }
        return violations;
    }

    private static List<String> containerViolations(String where, JsonNode pod, JsonNode container) {
        JsonNode own = container.path("securityContext");
        JsonNode shared = pod.path("securityContext");
        List<String> violations = new ArrayList<>();
        if (!effective(own, shared, "runAsNonRoot").asBoolean(false)) {
            violations.add(where + ": runAsNonRoot is not true");
        }
        for (String id : List.of("runAsUser", "runAsGroup")) {
            JsonNode value = effective(own, shared, id);
            if (!value.isIntegralNumber() || value.asLong() <= 0) {
                violations.add(where + ": " + id + " is not a numeric non-root id");
            }
        }
        if (!"RuntimeDefault"
                .equals(effective(own, shared, "seccompProfile").path("type").asString(""))) {
            violations.add(where + ": seccompProfile is not RuntimeDefault");
        }
        if (own.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!own.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (elements(own.path("capabilities").path("drop")).noneMatch(drop -> "ALL".equals(drop.asString()))) {
            violations.add(where + ": capabilities do not drop ALL");
        }
        Set<String> emptyDirs = elements(pod.path("volumes"))
                .filter(volume -> volume.has("emptyDir"))
                .map(volume -> volume.path("name").asString())
                .collect(Collectors.toSet());
        if (elements(container.path("volumeMounts"))
                .noneMatch(mount -> "/tmp".equals(mount.path("mountPath").asString())
                        && emptyDirs.contains(mount.path("name").asString()))) {
            violations.add(where + ": no emptyDir on /tmp under the read-only root");
        }
        return violations;
    }

    /**
     * Every secret and config map that an object names (environment, volumes, Ingress certificates, database
     * role passwords) is rendered alongside it, optional, or one of those created outside Git.
     */
    static List<String> unresolvedReferences(List<Manifests.Resource> resources, Set<String> createdOutsideGit) {
        Set<String> rendered = resources.stream()
                .filter(resource -> resource.is("Secret") || resource.is("ConfigMap"))
                .map(resource -> resource.kind() + " " + resource.name())
                .collect(Collectors.toSet());
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource resource : resources) {
            List<String> references = new ArrayList<>();
            collectReferences(resource.body(), references);
            for (String reference : references) {
                String name = reference.substring(reference.indexOf(' ') + 1);
                if (!rendered.contains(reference)
                        && !(reference.startsWith("Secret ") && createdOutsideGit.contains(name))) {
                    violations.add(resource + ": names " + reference + ", which is neither rendered nor known to"
                            + " be created outside Git");
                }
            }
        }
        return violations;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            boolean optional = value.path("optional").asBoolean(false);
            switch (field.getKey()) {
                case "secretName" -> references.add("Secret " + value.asString());
                case "secretKeyRef", "secretRef", "passwordSecret", "secret" -> {
                    if (value.has("name") && !optional) {
                        references.add("Secret " + value.path("name").asString());
                    }
                }
                case "configMapKeyRef", "configMapRef", "configMap" -> {
                    if (value.has("name") && !optional) {
                        references.add("ConfigMap " + value.path("name").asString());
                    }
                }
                default -> {}
            }
            if (value.isContainer()) {
                collectReferences(value, references);
            }
        }
    }

    /**
     * Every {@code $(NAME)} in a container's environment names a variable defined before it, by a config map of
     * its envFrom or an earlier entry: Kubernetes leaves an unknown reference in the value as it is.
     */
    static List<String> unresolvedVariables(List<Manifests.Resource> resources) {
        Map<String, Collection<String>> configMapKeys = resources.stream()
                .filter(resource -> resource.is("ConfigMap"))
                .collect(Collectors.toMap(
                        Manifests.Resource::name, map -> map.body().path("data").propertyNames()));
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource deployment : deployments(resources)) {
            for (JsonNode container :
                    containers(deployment.body().path("spec").path("template").path("spec"))) {
                Set<String> defined = new HashSet<>();
                for (JsonNode source : container.path("envFrom")) {
                    String prefix = source.path("prefix").asString("");
                    configMapKeys
                            .getOrDefault(
                                    source.path("configMapRef").path("name").asString(""), Set.of())
                            .forEach(key -> defined.add(prefix + key));
                }
                for (JsonNode variable : container.path("env")) {
                    Matcher reference = VARIABLE.matcher(variable.path("value").asString(""));
                    while (reference.find()) {
                        if (!defined.contains(reference.group(1))) {
                            violations.add(deployment + " container "
                                    + container.path("name").asString() + ": "
                                    + variable.path("name").asString() + " refers to undefined $(" + reference.group(1)
                                    + ")");
                        }
                    }
                    defined.add(variable.path("name").asString());
                }
            }
        }
        return violations;
    }

    static List<Manifests.Resource> deployments(List<Manifests.Resource> resources) {
        return resources.stream().filter(resource -> resource.is("Deployment")).toList();
    }

    static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        return containers;
    }

    private static JsonNode effective(JsonNode own, JsonNode shared, String field) {
        return own.has(field) ? own.path(field) : shared.path(field);
    }

    private static java.util.stream.Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}

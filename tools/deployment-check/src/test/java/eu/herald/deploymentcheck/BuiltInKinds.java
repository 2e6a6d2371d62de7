package eu.herald.deploymentcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Built-in kinds read strictly into fabric8's typed Kubernetes model, and the Prometheus operator's kinds into
 * its typed monitoring model (no CRD of theirs is copied here; see src/test/resources/README.md). The model keeps a field it does not know
 * in an {@code additionalProperties} map instead of failing, so every such map met anywhere in the object is
 * an error here, as is a value of the wrong type (no coercion: {@code "2"} is not a number, as for the API
 * server).
 */
final class BuiltInKinds {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Every kind of the model modules on the classpath, by apiVersion and kind. */
    private static final Map<String, Class<? extends KubernetesResource>> TYPES =
            ServiceLoader.load(KubernetesResource.class).stream()
                    .map(ServiceLoader.Provider::type)
                    .filter(HasMetadata.class::isAssignableFrom)
                    .collect(Collectors.toMap(
                            type -> key(HasMetadata.getApiVersion(type), HasMetadata.getKind(type)),
                            type -> type,
                            (first, second) -> first));

    private BuiltInKinds() {}

    static boolean knows(String apiVersion, String kind) {
        return TYPES.containsKey(key(apiVersion, kind));
    }

    /** What the typed model does not accept in the object; empty when it reads it whole. */
    static List<String> violations(Manifests.Resource resource) {
        Class<? extends KubernetesResource> type = TYPES.get(key(resource.apiVersion(), resource.kind()));
        if (type == null) {
            return List.of(resource + ": not a built-in kind: " + resource.apiVersion());
        }
        return read(resource, resource.body().toString(), type);
    }

    /** The metadata of a custom resource, which its CRD schema leaves open, against the typed ObjectMeta. */
    static List<String> metadataViolations(Manifests.Resource resource) {
        return read(resource, resource.body().path("metadata").toString(), ObjectMeta.class);
    }

    private static List<String> read(Manifests.Resource resource, String json, Class<?> type) {
        Object typed;
        try {
            typed = JSON.readValue(json, type);
        } catch (JsonMappingException e) {
            return List.of(resource + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
        } catch (JsonProcessingException e) {
            return List.of(resource + ": " + e.getOriginalMessage());
        }
        List<String> unknown = new ArrayList<>();
        collectUnknown(typed, "", unknown);
        return unknown.stream()
                .map(field -> resource + ": unknown field " + field)
                .toList();
    }

    private static void collectUnknown(
            @org.jspecify.annotations.Nullable Object value, String path, List<String> found) {
        if (value instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                collectUnknown(element, path + "/" + index++, found);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, element) -> collectUnknown(element, path + "/" + key, found));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            BeanDescription bean = JSON.getSerializationConfig().introspect(JSON.constructType(value.getClass()));
            AnnotatedMember anyGetter = bean.findAnyGetter();
            if (anyGetter != null && anyGetter.getValue(value) instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> found.add(path + "/" + key));
            }
            for (BeanPropertyDefinition property : bean.findProperties()) {
                if (property.hasGetter()) {
                    collectUnknown(property.getGetter().getValue(value), path + "/" + property.getName(), found);
                }
            }
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}

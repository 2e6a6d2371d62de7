package eu.herald.deploymentcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Every object against a schema: a custom resource against its CRD's, a built-in kind or one of the Prometheus
 * operator's against fabric8's typed model;
 * an object of any other kind is an error, since nothing could tell whether the cluster would accept it.
 */
final class StrictValidation {

    static final CustomResourceSchemas CRDS =
            CustomResourceSchemas.load(Kustomize.MODULE.resolve("src/test/resources/crds"));

    private StrictValidation() {}

    static List<String> violations(List<Manifests.Resource> resources) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource resource : resources) {
            violations.addAll(violations(resource));
        }
        return violations;
    }

    static List<String> violations(Manifests.Resource resource) {
        if (CRDS.knows(resource.apiVersion(), resource.kind())) {
            List<String> violations = new ArrayList<>(CRDS.violations(resource));
            violations.addAll(BuiltInKinds.metadataViolations(resource));
            return violations;
        }
        if (BuiltInKinds.knows(resource.apiVersion(), resource.kind())) {
            return BuiltInKinds.violations(resource);
        }
        return List.of(resource + ": " + resource.apiVersion()
                + " is neither built in nor described by a CRD under src/test/resources/crds");
    }
}

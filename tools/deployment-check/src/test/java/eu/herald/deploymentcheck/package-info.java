/** Checks that k8s/ renders with a real kustomize and that every object it renders, and docker-compose.yml, is valid. */
@NullMarked
package eu.herald.deploymentcheck;

import org.jspecify.annotations.NullMarked;

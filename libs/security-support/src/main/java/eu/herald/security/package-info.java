/**
 * What every Herald service shares as an OAuth2 resource server: scopes as authorities, the caller and
 * its municipality, 401/403/413/429 as problem details, the actuator rules and the write rate limiter.
 */
@NullMarked
package eu.herald.security;

import org.jspecify.annotations.NullMarked;

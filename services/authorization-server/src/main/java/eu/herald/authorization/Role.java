package eu.herald.authorization;

import java.util.List;

/** What a person may do in Herald, as the scopes of the access tokens the web application gets for them. */
public enum Role {
    /** Runs events and deliveries: the catalogue, the notifications and the audience of a change. */
    OPERATOR(List.of("catalogue:write", "notifications:operate", "subscriptions:audience")),
    /** Manages every municipality's subscriptions. */
    ADMIN(List.of("subscriptions:admin")),
    /** Manages the subscriptions of one municipality. */
    CLERK(List.of("subscriptions:write"));

    private final List<String> scopes;

    Role(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> scopes() {
        return scopes;
    }
}

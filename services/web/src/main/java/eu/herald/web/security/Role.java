package eu.herald.web.security;

/** What a person does in Herald, as the authorization server's {@code herald_role} claim names it. */
public enum Role {
    /** Edits the programme and watches alerts go out: the console. */
    OPERATOR,
    /** Onboards municipalities and may act for any of them: the portal of every municipality. */
    ADMIN,
    /** Acts for one municipality: its portal only. */
    CLERK;

    public String authority() {
        return "ROLE_" + name();
    }
}

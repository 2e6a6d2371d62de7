package eu.herald.catalogue.shared;

/** What the operators' operations have in common in the OpenAPI document. */
public final class OperatorApi {

    /** The security scheme they name (a bearer JWT with {@code catalogue:write}), so Swagger UI offers "Authorize". */
    public static final String SECURITY_SCHEME = "operator-token";

    private OperatorApi() {}
}

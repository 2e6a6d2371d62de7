package eu.herald.subscriptions.municipality;

/** Only ACTIVE municipalities are notified; SUSPENDED keeps their data but silences them. */
public enum MunicipalityStatus {
    ACTIVE,
    SUSPENDED
}

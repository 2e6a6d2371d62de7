package eu.herald.subscriptions.municipality.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/municipalities}; id and status are never taken from the client. */
record RegisterMunicipality(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @CountryCode String country,
        @NotBlank @SupportedLanguage String language,
        @NotBlank @TimeZoneId String timeZone) {}

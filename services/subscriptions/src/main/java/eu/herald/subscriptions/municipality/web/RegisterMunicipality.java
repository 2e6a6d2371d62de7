package eu.herald.subscriptions.municipality.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/municipalities}; id and status are never taken from the client. */
record RegisterMunicipality(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @CountryCode String country,

        @Nullable @Pattern(regexp = "[A-Z0-9]{1,20}", message = "must be a LAU code: up to 20 letters or digits")
        String lauCode,

        @Nullable @Pattern(regexp = "[A-Z]{2}[A-Z0-9]{1,3}", message = "must be a NUTS code such as PL911")
        String nutsCode,

        @NotBlank @SupportedLanguage String language,
        @NotBlank @TimeZoneId String timeZone) {}

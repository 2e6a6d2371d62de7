package eu.herald.subscriptions.municipality.web;

import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.Municipality;
import eu.herald.subscriptions.municipality.MunicipalityId;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final Municipalities municipalities;
    private final Clock clock;

    MunicipalityController(Municipalities municipalities, Clock clock) {
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<MunicipalityView> register(@Valid @RequestBody RegisterMunicipality body) {
        Municipality municipality = municipalities.add(Municipality.register(
                body.name(),
                body.country(),
                body.lauCode(),
                body.nutsCode(),
                body.language(),
                ZoneId.of(body.timeZone()),
                clock));
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(municipality.id().value())
                .toUri();
        return ResponseEntity.created(location).body(MunicipalityView.of(municipality));
    }

    /** Every municipality, by name: the admin's list. */
    @GetMapping
    List<MunicipalityView> list() {
        return municipalities.all().stream().map(MunicipalityView::of).toList();
    }

    @GetMapping("/{municipalityId}/preferences")
    MunicipalityView.PreferencesView preferences(@PathVariable UUID municipalityId) {
        return MunicipalityView.of(municipalities.require(new MunicipalityId(municipalityId)))
                .preferences();
    }

    /**
     * Replaces the preferences: delivery mode, quiet hours (local HH:mm window, or null for none) and the daily
     * digest's time (local HH:mm, 08:00 when left out).
     */
    @PutMapping("/{municipalityId}/preferences")
    MunicipalityView.PreferencesView changePreferences(
            @PathVariable UUID municipalityId, @Valid @RequestBody ChangePreferences body) {
        return MunicipalityView.of(
                        municipalities.changePreferences(new MunicipalityId(municipalityId), body.toPreferences()))
                .preferences();
    }

    @GetMapping("/{municipalityId}")
    MunicipalityView get(@PathVariable UUID municipalityId) {
        return MunicipalityView.of(municipalities.require(new MunicipalityId(municipalityId)));
    }
}

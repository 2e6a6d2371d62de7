package eu.herald.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class DemoSeedIntegrationTests extends CatalogueIntegrationTest {

    @Test
    void loadsTheNetworkingSessionOfEuRegionsWeekWithTheDemoProfile() {
        assertThat(mvc.get().uri("/api/sessions/5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11"))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"1\"")
                .bodyJson()
                .isLenientlyEqualTo("""
                        {
                          "id": "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11",
                          "eventId": "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40",
                          "version": 1,
                          "status": "PUBLISHED",
                          "defaultLanguage": "en",
                          "title": {
                            "en": "Networking of cities and municipalities as a way to transfer knowledge and innovation",
                            "pl": "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji",
                            "pt": "Trabalho em rede de cidades e municípios como forma de transferir conhecimento e inovação"
                          },
                          "start": "2022-10-11T16:30:00",
                          "end": "2022-10-11T18:00:00",
                          "zone": "Europe/Warsaw",
                          "startsAt": "2022-10-11T14:30:00Z",
                          "endsAt": "2022-10-11T16:00:00Z",
                          "format": "ONLINE",
                          "platform": "Zoom",
                          "joinLink": "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4",
                          "registrationLink": "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4",
                          "themes": ["territorial-cohesion"]
                        }
                        """);
    }

    @Test
    void loadsTheEuRegionsWeekEvent() {
        assertThat(mvc.get().uri("/api/events/3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {
                          "id": "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40",
                          "slug": "euregionsweek-2022",
                          "name": {
                            "en": "20th European Week of Regions and Cities",
                            "pl": "20. Europejski Tydzień Regionów i Miast",
                            "pt": "20.ª Semana Europeia das Regiões e Cidades"
                          },
                          "edition": 20,
                          "startsOn": "2022-10-10",
                          "endsOn": "2022-10-13",
                          "zone": "Europe/Brussels",
                          "place": "Brussels",
                          "hashtag": "#EURegionsWeek",
                          "themes": ["digital-transformation", "green-transition", "territorial-cohesion", "youth-empowerment"]
                        }
                        """);
    }

    @Test
    void servesTheFourThemesInThreeLanguages() {
        assertThat(mvc.get().uri("/api/themes")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                        [
                          {"slug": "digital-transformation", "labels": {"en": "Digital transformation", "pl": "Transformacja cyfrowa", "pt": "Transformação digital"}},
                          {"slug": "green-transition", "labels": {"en": "Green transition", "pl": "Zielona transformacja", "pt": "Transição verde"}},
                          {"slug": "territorial-cohesion", "labels": {"en": "Territorial cohesion", "pl": "Spójność terytorialna", "pt": "Coesão territorial"}},
                          {"slug": "youth-empowerment", "labels": {"en": "Youth empowerment", "pl": "Wzmocnienie pozycji młodzieży", "pt": "Capacitação dos jovens"}}
                        ]
                        """);
    }

    @Test
    void answersAnUnknownEventWithNotFound() {
        assertThat(mvc.get().uri("/api/events/00000000-0000-4000-8000-000000000000"))
                .hasStatus(404)
                .hasContentType("application/problem+json");
    }
}
